"""AWS's public SSM parameters (`/aws/service/...`) as the sandbox publishes them.

In AWS, every account reads the public parameters of a region (e.g.
`/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64`) and none may write them (PutParameter:
AccessDeniedException "No access to reserved parameter name"). moto 5.2.1 answers a few of them per account from
its own data, naming images the sandbox never registered. Here the sandbox's publisher account
(`PUBLISHER_ACCOUNT`, the `x-moto-account-id` of the seeding request) may PutParameter `/aws/service/...` names;
they go to one store per region that GetParameter and GetParameters of every account read first (the latest
version, or `name:version`). Everyone else is still refused, as in AWS.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from typing import Any

from moto.core.utils import utcnow
from moto.ssm.models import Parameter, SimpleSystemManagerBackend

PUBLISHER_ACCOUNT = "000000000000"
PUBLIC_PREFIX = "/aws/service/"

_lock = threading.Lock()
# region -> name -> versions, oldest first
_public: dict[str, dict[str, list[Parameter]]] = defaultdict(dict)


def _lookup(region: str, asked: str) -> Parameter | None:
    name, _, selector = asked.partition(":")
    versions = _public.get(region, {}).get(name)
    if not versions:
        return None
    if not selector:
        return versions[-1]
    if selector.isdigit():
        return next((p for p in versions if str(p.version) == selector), None)
    return next((p for p in reversed(versions) if selector in p.labels), None)


def _is_public(region: str, asked: str) -> bool:
    return asked.partition(":")[0] in _public.get(region, {})


def apply() -> None:
    original_put = SimpleSystemManagerBackend.put_parameter
    original_get = SimpleSystemManagerBackend.get_parameter
    original_get_many = SimpleSystemManagerBackend.get_parameters

    def put_parameter(self: SimpleSystemManagerBackend, name: str, description: str, value: str, parameter_type: str,
                      allowed_pattern: str, keyid: str, overwrite: bool, tags: Any, data_type: str,
                      tier: str | None = None, policies: str | None = None) -> Parameter:
        if not (name.startswith(PUBLIC_PREFIX) and self.account_id == PUBLISHER_ACCOUNT):
            return original_put(self, name, description, value, parameter_type, allowed_pattern, keyid, overwrite,
                                tags, data_type, tier=tier, policies=policies)
        with _lock:
            versions = _public[self.region_name].setdefault(name, [])
            parameter = Parameter(
                account_id=self.account_id, name=name, value=value, parameter_type=parameter_type or "String",
                description=description, allowed_pattern=None, keyid=None, last_modified_date=utcnow(),
                version=len(versions) + 1, data_type=data_type or "text", tier=tier or "Standard",
            )
            versions.append(parameter)
        return parameter

    def get_parameter(self: SimpleSystemManagerBackend, name: str) -> Parameter | None:
        if _is_public(self.region_name, name):
            return _lookup(self.region_name, name)
        return original_get(self, name)

    def get_parameters(self: SimpleSystemManagerBackend, names: list[str]) -> dict[str, Parameter]:
        public = [n for n in names if _is_public(self.region_name, n)]
        result = original_get_many(self, [n for n in names if n not in public]) if len(names) <= 10 else original_get_many(self, names)
        for name in public:
            parameter = _lookup(self.region_name, name)
            if parameter is not None:
                result[name] = parameter
        return result

    SimpleSystemManagerBackend.put_parameter = put_parameter  # type: ignore[method-assign]
    SimpleSystemManagerBackend.get_parameter = get_parameter  # type: ignore[method-assign]
    SimpleSystemManagerBackend.get_parameters = get_parameters  # type: ignore[method-assign]
