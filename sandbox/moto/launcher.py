#!/usr/bin/env python3
"""Local EC2 endpoint for AMI Explorer: moto's server with the AMI behaviour of ec2_patches.

Prints one line `READY http://127.0.0.1:PORT` once it accepts requests and serves until SIGTERM/SIGINT
(or, with --exit-with-stdin, until its stdin closes, so it never outlives the process that started it).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading

REGIONS_TO_WARM = ("us-east-1", "eu-west-1", "ap-southeast-2")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    parser.add_argument("--exit-with-stdin", action="store_true", help="stop when stdin reaches EOF")
    return parser.parse_args(argv)


def main(argv: list[str]) -> None:
    args = parse_args(argv)

    # moto reads these when imported. The estate is whatever gets seeded through the API, no built-in AMIs;
    # RunInstances checks its image exists, as EC2 does; the account comes from each request.
    os.environ["MOTO_EC2_LOAD_DEFAULT_AMIS"] = "false"
    os.environ["MOTO_ENABLE_AMI_VALIDATION"] = "true"
    os.environ.pop("MOTO_ACCOUNT_ID", None)

    # Keeps the checkout free of __pycache__ directories.
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import importlib

    import ec2_patches
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.ec2.models import ec2_backends
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
    from werkzeug.serving import WSGIRequestHandler, make_server

    ec2_patches.apply()
    # Further behaviour lives in one module per area (e.g. actions_patches.py), each with its own apply().
    here = os.path.dirname(os.path.abspath(__file__))
    for name in sorted(f[:-3] for f in os.listdir(here) if f.endswith("_patches.py") and f != "ec2_patches.py"):
        importlib.import_module(name).apply()

    class RequestHandler(WSGIRequestHandler):
        def log_request(self, *a: object, **kw: object) -> None:
            if args.verbose:
                super().log_request(*a, **kw)  # type: ignore[arg-type]

    app = DomainDispatcherApplication(create_backend_app)
    server = make_server(args.host, args.port, app, threaded=True, request_handler=RequestHandler)

    # The first request would otherwise pay for building the backends.
    for region in REGIONS_TO_WARM:
        ec2_backends[DEFAULT_ACCOUNT_ID][region]

    def stop(*_: object) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if args.exit_with_stdin:

        def watch_stdin() -> None:
            while sys.stdin.buffer.read(4096):
                pass
            os.kill(os.getpid(), signal.SIGTERM)

        threading.Thread(target=watch_stdin, daemon=True).start()

    host, port = server.server_address[:2]
    print(f"READY http://{host}:{port}", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except SystemExit:
        pass
    finally:
        server.server_close()
    # Nothing is left to flush; skipping interpreter teardown saves about a second.
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
