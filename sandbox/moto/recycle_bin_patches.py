"""The Recycle Bin for AMIs, as EC2 and the Recycle Bin service do it; moto 5.2.1 has neither.

Recycle Bin service (`rbin`, a REST-JSON service signed as `rbin`; moto has no backend, so requests signed for it
are routed here before moto's dispatcher looks for one): `CreateRule`, `GetRule`, `ListRules` and `DeleteRule`,
kept per account and region. A rule retains deleted resources of its `ResourceType` for its retention period: a
region-level rule (no `ResourceTags`) every one of them, a tag-level rule those carrying any of its tags. When
several rules match, the longest retention period wins.

EC2: `DeregisterImage` of an image an `EC2_IMAGE` rule retains moves it to the Recycle Bin instead of deleting it:
it disappears from DescribeImages, `ListImagesInRecycleBin` lists it (`RecycleBinEnterTime`, `RecycleBinExitTime`)
until its retention period ends, and its snapshots stay. `RestoreImageFromRecycleBin` brings it back as it was,
with its id, tags and launch permissions; restoring needs its snapshots (`InvalidSnapshot.NotFound` otherwise).
An image past its exit time is gone for good.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import secrets
import string
from dataclasses import dataclass, field
from typing import Any, Callable

from ec2_patches import AMI_ID, _error, _image_named, _page, now
from moto.core import DEFAULT_ACCOUNT_ID
from moto.core.responses import ActionResult
from moto.ec2.exceptions import InvalidAMIIdError, MalformedAMIIdError
from moto.ec2.models.amis import Ami, AmiBackend
from moto.ec2.responses.amis import AmisResponse
from moto.moto_server.werkzeug_app import DomainDispatcherApplication
from werkzeug.wrappers import Request, Response

RESOURCE_TYPES = ("EBS_SNAPSHOT", "EC2_IMAGE")
MAX_IDS_PER_LIST = 20


# ---------------------------------------------------------------------------------------------------------
# Retention rules (the rbin service)
# ---------------------------------------------------------------------------------------------------------


@dataclass
class Rule:
    identifier: str
    arn: str
    resource_type: str
    retention_days: int
    description: str = ""
    resource_tags: list[dict[str, str]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "Identifier": self.identifier,
            "RetentionPeriod": {"RetentionPeriodValue": self.retention_days, "RetentionPeriodUnit": "DAYS"},
            "RuleArn": self.arn,
        }
        if self.description:
            out["Description"] = self.description
        return out

    def detail(self) -> dict[str, Any]:
        return {**self.summary(), "ResourceType": self.resource_type, "ResourceTags": self.resource_tags, "Status": "available"}

    def retains(self, tags: dict[str, str]) -> bool:
        """A region-level rule retains everything; a tag-level one what carries any of its tags."""
        if not self.resource_tags:
            return True
        return any(
            t["ResourceTagKey"] in tags and ("ResourceTagValue" not in t or tags[t["ResourceTagKey"]] == t["ResourceTagValue"])
            for t in self.resource_tags
        )


# (account, region) -> identifier -> rule
RULES: dict[tuple[str, str], dict[str, Rule]] = {}


def retaining_rule(account: str, region: str, resource_type: str, tags: dict[str, str]) -> Rule | None:
    """The rule that keeps a deleted resource: the longest retention among the matching ones."""
    matching = [r for r in RULES.get((account, region), {}).values() if r.resource_type == resource_type and r.retains(tags)]
    return max(matching, key=lambda r: r.retention_days, default=None)


class RbinError(Exception):
    def __init__(self, status: int, code: str, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.reason = status, code, message, reason


def _validation(message: str) -> RbinError:
    return RbinError(400, "ValidationException", message, "INVALID_PARAMETER_VALUE")


def _not_found(identifier: str) -> RbinError:
    return RbinError(404, "ResourceNotFoundException", f"Rule {identifier} does not exist.", "RULE_NOT_FOUND")


def _resource_type(body: dict[str, Any]) -> str:
    value = body.get("ResourceType")
    if value not in RESOURCE_TYPES:
        raise _validation(f"1 validation error detected: Value '{value}' at 'resourceType' failed to satisfy constraint: "
                          f"Member must satisfy enum value set: [{', '.join(RESOURCE_TYPES)}]")
    return str(value)


def _resource_tags(body: dict[str, Any], key: str = "ResourceTags") -> list[dict[str, str]]:
    tags = body.get(key) or []
    if not isinstance(tags, list) or len(tags) > 50 or any(not isinstance(t, dict) or not t.get("ResourceTagKey") for t in tags):
        raise _validation(f"{key} must be a list of at most 50 {{ResourceTagKey, ResourceTagValue}} items.")
    return [{k: str(v) for k, v in t.items() if k in ("ResourceTagKey", "ResourceTagValue")} for t in tags]


def _page_of(items: list[Any], body: dict[str, Any]) -> tuple[list[Any], str | None]:
    size = body.get("MaxResults")
    if size is not None and (not isinstance(size, int) or not 1 <= size <= 1000):
        raise _validation("MaxResults must be between 1 and 1000.")
    start = 0
    if body.get("NextToken"):
        try:
            start = int(base64.b64decode(str(body["NextToken"])).decode().removeprefix("rules:"))
        except Exception:
            raise _validation("The NextToken is not valid.")
    end = start + (size or 1000)
    token = base64.b64encode(f"rules:{end}".encode()).decode() if end < len(items) else None
    return items[start:end], token


def create_rule(account: str, region: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    resource_type = _resource_type(body)
    period = body.get("RetentionPeriod") or {}
    days = period.get("RetentionPeriodValue")
    if not isinstance(days, int) or not 1 <= days <= 3650 or period.get("RetentionPeriodUnit") != "DAYS":
        raise _validation("RetentionPeriod must be { RetentionPeriodValue: 1 to 3650, RetentionPeriodUnit: DAYS }.")
    description = str(body.get("Description") or "")
    if not re.fullmatch(r"[\S ]{0,255}", description):
        raise _validation("Description must be at most 255 characters, without line breaks.")
    identifier = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(11))
    rule = Rule(identifier, f"arn:aws:rbin:{region}:{account}:rule/{identifier}", resource_type, days, description,
                _resource_tags(body))
    RULES.setdefault((account, region), {})[identifier] = rule
    return 201, rule.detail()


def get_rule(account: str, region: str, identifier: str) -> tuple[int, dict[str, Any]]:
    rule = RULES.get((account, region), {}).get(identifier)
    if rule is None:
        raise _not_found(identifier)
    return 200, rule.detail()


def delete_rule(account: str, region: str, identifier: str) -> tuple[int, dict[str, Any]]:
    if RULES.get((account, region), {}).pop(identifier, None) is None:
        raise _not_found(identifier)
    return 204, {}


def list_rules(account: str, region: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    resource_type = _resource_type(body)
    wanted = _resource_tags(body)
    rules = [r for r in RULES.get((account, region), {}).values() if r.resource_type == resource_type]
    if wanted:
        # Only tag-level rules that carry every tag asked for.
        rules = [r for r in rules if all(t in r.resource_tags for t in wanted)]
    if body.get("LockState"):
        rules = []  # sandbox rules are never locked
    page, token = _page_of(rules, body)
    return 200, {"Rules": [r.summary() for r in page], **({"NextToken": token} if token else {})}


def _scope(request: Request) -> tuple[str, str]:
    """The account and region a signed request acts as: x-moto-account-id (as moto), else the default account."""
    credential = re.search(r"Credential=([^,\s]+)", request.headers.get("Authorization", ""))
    parts = credential.group(1).split("/") if credential else []
    region = parts[2] if len(parts) > 2 else "us-east-1"
    return request.headers.get("x-moto-account-id", DEFAULT_ACCOUNT_ID), region


def _route(request: Request) -> Callable[[str, str], tuple[int, dict[str, Any]]]:
    path, method = request.path.rstrip("/"), request.method
    body: dict[str, Any] = {}
    if request.get_data():
        try:
            body = json.loads(request.get_data())
        except ValueError:
            raise _validation("The request body is not valid JSON.")
    match = re.fullmatch(r"/rules/([^/]+)", path)
    if path == "/list-rules" and method == "POST":
        return lambda account, region: list_rules(account, region, body)
    if path == "/rules" and method == "POST":
        return lambda account, region: create_rule(account, region, body)
    if match and method == "GET":
        return lambda account, region: get_rule(account, region, match.group(1))
    if match and method == "DELETE":
        return lambda account, region: delete_rule(account, region, match.group(1))
    raise RbinError(404, "UnknownOperationException", f"No Recycle Bin operation for {method} {path}.")


def rbin_app(environ: dict[str, Any], start_response: Any) -> Any:
    """The Recycle Bin service's REST-JSON API: errors as `x-amzn-ErrorType` and `{ message }`, as AWS sends them."""
    request = Request(environ)
    headers = {"Content-Type": "application/json", "x-amzn-RequestId": secrets.token_hex(16)}
    try:
        status, payload = _route(request)(*_scope(request))
        body = "" if status == 204 else json.dumps(payload)
    except RbinError as error:
        status = error.status
        headers["x-amzn-ErrorType"] = error.code
        body = json.dumps({"message": error.message, **({"Reason": error.reason} if error.reason else {})})
    return Response(body, status=status, headers=headers)(environ, start_response)


def patch_rbin_routing() -> None:
    # moto picks a backend from the SigV4 credential scope's service; it has none for rbin, so answer those here.
    original = DomainDispatcherApplication.get_application

    def get_application(self: DomainDispatcherApplication, environ: dict[str, Any]) -> Any:
        credential = re.search(r"Credential=[^/]+/[^/]+/[^/]+/([^/]+)/", environ.get("HTTP_AUTHORIZATION", ""))
        if credential and credential.group(1) == "rbin":
            return rbin_app
        return original(self, environ)

    DomainDispatcherApplication.get_application = get_application  # type: ignore[method-assign]


# ---------------------------------------------------------------------------------------------------------
# Images in the Recycle Bin (EC2)
# ---------------------------------------------------------------------------------------------------------


@dataclass
class Binned:
    ami: Ami
    enter: dt.datetime
    exit: dt.datetime
    rule: str


def _bin(backend: Any) -> dict[str, Binned]:
    """The backend's (account and region's) images in the Recycle Bin; those past their exit time are gone."""
    binned: dict[str, Binned] = backend.__dict__.setdefault("_sandbox_recycle_bin", {})
    for ami_id in [i for i, b in binned.items() if b.exit <= now()]:
        del binned[ami_id]
    return binned


def patch_deregister_into_bin() -> None:
    original = AmiBackend.deregister_image

    def deregister_image(self: Any, ami_id: str) -> None:
        ami = self.amis.get(ami_id)
        tags = dict(dict.get(self.tags, ami_id) or {}) if ami is not None else {}
        original(self, ami_id)
        rule = retaining_rule(self.account_id, self.region_name, "EC2_IMAGE", tags) if ami is not None else None
        if rule is not None:
            entered = now()
            _bin(self)[ami_id] = Binned(ami, entered, entered + dt.timedelta(days=rule.retention_days), rule.identifier)

    AmiBackend.deregister_image = deregister_image  # type: ignore[method-assign]


def patch_list_images_in_recycle_bin() -> None:
    def list_images_in_recycle_bin(self: AmisResponse) -> ActionResult:
        ids = self._get_param("ImageIds", []) or []
        if len(ids) > MAX_IDS_PER_LIST:
            raise _error("InvalidParameterValue", f"You can specify up to {MAX_IDS_PER_LIST} image IDs in a single request.")
        malformed = [i for i in ids if not AMI_ID.fullmatch(str(i))]
        if malformed:
            raise MalformedAMIIdError(malformed)
        max_results = self._get_param("MaxResults")
        if max_results not in (None, "") and not 1 <= int(max_results) <= 1000:
            raise _error("InvalidParameterValue", f"Value ({max_results}) for parameter MaxResults is invalid. Expect a value between 1 and 1000.")
        self.error_on_dryrun()
        entries = sorted(_bin(self.ec2_backend).items(), key=lambda item: (item[1].enter, item[0]))
        items = [
            {
                "ImageId": ami_id,
                "Name": b.ami.name,
                "Description": b.ami.description,
                "RecycleBinEnterTime": b.enter,
                "RecycleBinExitTime": b.exit,
            }
            for ami_id, b in entries
            if not ids or ami_id in ids
        ]
        page, token = _page(items, max_results, self._get_param("NextToken"))
        return ActionResult({"Images": page, "NextToken": token})

    AmisResponse.list_images_in_recycle_bin = list_images_in_recycle_bin  # type: ignore[attr-defined]


def patch_restore_image_from_recycle_bin() -> None:
    def restore_image_from_recycle_bin(self: AmisResponse) -> ActionResult:
        backend = self.ec2_backend
        ami_id = self._get_param("ImageId")
        if not AMI_ID.fullmatch(str(ami_id or "")):
            raise MalformedAMIIdError([ami_id])
        binned = _bin(backend).get(ami_id)
        if binned is None:
            raise InvalidAMIIdError(ami_id)
        for mapping in binned.ami.block_device_mappings:
            snapshot_id = (mapping.get("Ebs") or {}).get("SnapshotId")
            if snapshot_id and snapshot_id not in backend.snapshots:
                raise _error("InvalidSnapshot.NotFound",
                             f"The snapshot '{snapshot_id}' of image {ami_id} does not exist: restore it from the Recycle Bin first.")
        taken = _image_named(backend, binned.ami.name)
        if taken is not None:
            raise _error("InvalidAMIName.Duplicate", f"AMI name {binned.ami.name} is already in use by AMI {taken.id}")
        self.error_on_dryrun()
        del _bin(backend)[ami_id]
        backend.amis[ami_id] = binned.ami
        if ami_id in backend.deleted_amis:
            backend.deleted_amis.remove(ami_id)
        # The name index must see the image again (it skips ids it indexed before).
        backend.__dict__.get("_sandbox_indexed_images", set()).discard(ami_id)
        return ActionResult({"Return": True})

    AmisResponse.restore_image_from_recycle_bin = restore_image_from_recycle_bin  # type: ignore[attr-defined]


def apply() -> None:
    patch_rbin_routing()
    patch_deregister_into_bin()
    patch_list_images_in_recycle_bin()
    patch_restore_image_from_recycle_bin()
