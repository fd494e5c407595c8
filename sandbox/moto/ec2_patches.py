"""Patches that make moto 5.2.1's EC2 AMI handling behave like EC2 where AMI Explorer relies on it.

moto keeps one EC2 backend per account and region. EC2 lets an account see the images other accounts made
public or shared with it, so DescribeImages here looks across the accounts of a region. Each patch is one
function whose comment says what EC2 does.

Sandbox-only extension (not EC2): a request header `x-sandbox-now: <ISO 8601>` sets the clock for that
request, so a seeder can give images and instances realistic creation and launch times.
"""

from __future__ import annotations

import base64
import contextvars
import datetime as dt
import re
from typing import Any

from moto.core.responses import ActionResult
from moto.core.utils import utcnow
from moto.ec2.exceptions import (
    EC2ClientError,
    InvalidAMIIdError,
    InvalidSnapshotInUse,
    MalformedAMIIdError,
)
from moto.ec2.models import ec2_backends
from moto.ec2.models.amis import Ami, AmiBackend
from moto.ec2.models.elastic_block_store import EBSBackend
from moto.ec2.models.instances import Instance
from moto.ec2.responses import EC2Response
from moto.ec2.responses.amis import AmisResponse
from moto.ec2.utils import format_timestamp

AMI_ID = re.compile(r"ami-(?:[0-9a-f]{8}|[0-9a-f]{17})")
# Accounts EC2 reports with an owner alias (Amazon Linux, Windows, Deep Learning, marketplace).
OWNER_ALIASES = {
    "137112412989": "amazon",
    "801119661308": "amazon",
    "898082745236": "amazon",
    "591542846629": "amazon",
    "679593333241": "aws-marketplace",
}
OWNER_KEYWORDS = {"self", "amazon", "aws-marketplace", "aws-backup-vault"}
WINDOWS_BILLING_PRODUCT = "bp-6ba54002"
BLOCK_NEW_SHARING = "block-new-sharing"
UNBLOCKED = "unblocked"

_clock: contextvars.ContextVar[dt.datetime | None] = contextvars.ContextVar(
    "sandbox_now", default=None
)


def now() -> dt.datetime:
    """Naive UTC, like moto's own timestamps."""
    return _clock.get() or utcnow()


def _parse_time(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        parsed = value
    else:
        parsed = dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return parsed


def _iso_ms(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def _truthy(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


def _error(code: str, message: str) -> EC2ClientError:
    return EC2ClientError(code, message)


# ---------------------------------------------------------------------------------------------------------
# Request context
# ---------------------------------------------------------------------------------------------------------


def patch_request_clock() -> None:
    original = EC2Response.call_action

    def call_action(self: EC2Response) -> Any:
        # Sandbox-only: lets the seeder date images and instances in the past.
        raw = self.headers.get("x-sandbox-now")
        token = _clock.set(_parse_time(raw) if raw else None)
        try:
            return original(self)
        finally:
            _clock.reset(token)

    EC2Response.call_action = call_action  # type: ignore[method-assign]


def patch_dispatch_lookup() -> None:
    # moto lists a response class's methods with inspect.getmembers on every request, about a third of the time
    # a small call takes; the classes are complete once the launcher has applied every patch, so list them once.
    import functools

    from moto.core import responses

    responses.method_names_from_class = functools.lru_cache(maxsize=None)(responses.method_names_from_class)  # type: ignore[assignment]


# ---------------------------------------------------------------------------------------------------------
# Image model
# ---------------------------------------------------------------------------------------------------------


def patch_image_defaults() -> None:
    original = Ami.__init__

    def __init__(self: Ami, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        # EC2 images are EBS-backed HVM on Xen/Nitro; moto reports root type "standard", an invalid value.
        if self.root_device_type not in ("ebs", "instance-store"):
            self.root_device_type = "ebs"
        self.virtualization_type = self.virtualization_type or "hvm"
        self.hypervisor = self.hypervisor or "xen"
        # EC2 reports ImageOwnerAlias only for Amazon-maintained accounts.
        if self.owner_alias is None:
            self.owner_alias = OWNER_ALIASES.get(self.owner_id)
        if not self.image_location:
            self.image_location = f"{self.owner_alias or self.owner_id}/{self.name}"
        if _clock.get() is not None:
            self.creation_date = now()
        self.deprecation_time = None
        self.ena_support = True
        self.imds_support = None
        self.tpm_support = None
        self.source_image_id = None
        self.source_image_region = None
        self.custom_block_device_mappings = None

    Ami.__init__ = __init__  # type: ignore[method-assign]


def patch_image_billing_fields() -> None:
    # EC2 derives PlatformDetails / UsageOperation from the billing code; Windows is RunInstances:0002.
    Ami.platform_details = property(  # type: ignore[attr-defined]
        lambda self: "Windows" if self.platform == "windows" else "Linux/UNIX"
    )
    Ami.usage_operation = property(  # type: ignore[attr-defined]
        lambda self: "RunInstances:0002" if self.platform == "windows" else "RunInstances"
    )


def patch_image_block_devices() -> None:
    original = Ami.block_device_mappings

    def block_device_mappings(self: Ami) -> list[dict[str, Any]]:
        # RegisterImage / CreateImage / CopyImage keep the mappings they were given, as on EC2.
        return self.custom_block_device_mappings or original.fget(self)

    Ami.block_device_mappings = property(block_device_mappings)  # type: ignore[assignment]


def patch_image_tags_lookup() -> None:
    def get_tags(self: Ami) -> list[dict[str, str]]:
        # Same result as moto's generic lookup, without a regex scan of every tag per image.
        return _tags_seen_by(self.ec2_backend, self.id, self.owner_id, raw=True)

    Ami.get_tags = get_tags  # type: ignore[method-assign]


def _tags_seen_by(viewer: Any, image_id: str, owner_id: str, raw: bool = False) -> list[dict[str, str]]:
    tags = dict.get(viewer.tags, image_id) or {}
    if raw:
        return [
            {"resource_id": image_id, "resource_type": "image", "key": k, "value": v}
            for k, v in tags.items()
        ]
    return [{"Key": k, "Value": v} for k, v in tags.items()]


class SharedImageView:
    """Another account's image as the requester sees it: EC2 tags belong to an account, so a shared or
    public image shows the requester's own tags on it, never the owner's."""

    def __init__(self, ami: Ami, viewer: Any) -> None:
        self._ami = ami
        self._viewer = viewer

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ami, name)

    @property
    def tag_list(self) -> list[dict[str, str]]:
        return _tags_seen_by(self._viewer, self._ami.id, self._ami.owner_id)

    tag_set = tag_list
    tags = tag_list


# ---------------------------------------------------------------------------------------------------------
# Visibility and DescribeImages
# ---------------------------------------------------------------------------------------------------------


def _visible_images(backend: Any) -> list[Ami]:
    """EC2: your images, public images, and images other accounts shared with you, in this region."""
    me = backend.account_id
    images = list(backend.amis.values())
    for account_id, regions in list(dict.items(ec2_backends)):
        if account_id == me:
            continue
        other = dict.get(regions, backend.region_name)
        if other is None:
            continue
        for ami in list(other.amis.values()):
            if ami.is_public or {"UserId": me} in ami.launch_permissions:
                images.append(ami)
    return images


def _is_deprecated(ami: Ami) -> bool:
    return ami.deprecation_time is not None and _parse_time(ami.deprecation_time) <= now()


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        return [str(v).lower() if isinstance(v, bool) else str(v) for v in value if v is not None]
    return [str(value).lower() if isinstance(value, bool) else str(value)]


def _bdm_values(ami: Ami, field: str) -> list[Any]:
    values = []
    for mapping in ami.block_device_mappings:
        if field == "device-name":
            values.append(mapping.get("DeviceName"))
            continue
        ebs = mapping.get("Ebs") or {}
        key = {
            "snapshot-id": "SnapshotId",
            "volume-size": "VolumeSize",
            "volume-type": "VolumeType",
            "delete-on-termination": "DeleteOnTermination",
            "encrypted": "Encrypted",
        }[field]
        values.append(ebs.get(key, False if key in ("DeleteOnTermination", "Encrypted") else None))
    return values


# The image's value for each simple DescribeImages filter.
_SIMPLE_FILTERS: dict[str, Any] = {
    "architecture": lambda ami: ami.architecture,
    "creation-date": lambda ami: format_timestamp(ami.creation_date),
    "description": lambda ami: ami.description,
    "ena-support": lambda ami: ami.ena_support,
    "hypervisor": lambda ami: ami.hypervisor,
    "image-id": lambda ami: ami.id,
    "image-type": lambda ami: ami.image_type,
    "is-public": lambda ami: ami.is_public,
    "kernel-id": lambda ami: ami.kernel_id,
    "manifest-location": lambda ami: ami.image_location,
    "name": lambda ami: ami.name,
    "owner-alias": lambda ami: ami.owner_alias,
    "owner-id": lambda ami: ami.owner_id,
    "platform": lambda ami: ami.platform,
    "platform-details": lambda ami: ami.platform_details,
    "usage-operation": lambda ami: ami.usage_operation,
    "product-code": lambda ami: list(ami.product_codes),
    "product-code.type": lambda ami: "marketplace" if ami.product_codes else None,
    "ramdisk-id": lambda ami: None,
    "root-device-name": lambda ami: ami.root_device_name,
    "root-device-type": lambda ami: ami.root_device_type,
    "source-image-id": lambda ami: ami.source_image_id,
    "source-image-region": lambda ami: ami.source_image_region,
    "source-instance-id": lambda ami: ami.source_instance_id,
    "sriov-net-support": lambda ami: ami.sriov,
    "state": lambda ami: ami.state,
    "state-reason-code": lambda ami: None,
    "state-reason-message": lambda ami: None,
    "virtualization-type": lambda ami: ami.virtualization_type,
    "free-tier-eligible": lambda ami: False,
    "image-allowed": lambda ami: True,
}


def _filter_values(ami: Ami, name: str, viewer: Any) -> list[str] | None:
    """The image's values for a DescribeImages filter; None when EC2 has no such filter."""
    simple = _SIMPLE_FILTERS.get(name)
    if simple is not None:
        return _as_list(simple(ami))
    if name.startswith("block-device-mapping."):
        field = name.split(".", 1)[1]
        if field in ("device-name", "snapshot-id", "volume-size", "volume-type", "delete-on-termination", "encrypted"):
            return _as_list(_bdm_values(ami, field))
        return None
    tags = _tags_seen_by(viewer, ami.id, ami.owner_id)
    if name.startswith("tag:"):
        key = name[4:]
        return [t["Value"] for t in tags if t["Key"] == key]
    if name == "tag-key":
        return [t["Key"] for t in tags]
    if name == "tag-value":
        return [t["Value"] for t in tags]
    return None


def _wildcard(pattern: str) -> re.Pattern[str]:
    # EC2 filter values accept * and ? wildcards, escaped with a backslash.
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        out.append(".*" if ch == "*" else "." if ch == "?" else re.escape(ch))
        i += 1
    return re.compile("".join(out), re.S)


def _apply_filters(images: list[Ami], filters: dict[str, Any], viewer: Any, strict: bool) -> list[Ami]:
    """EC2: values of one filter are ORed, filters are ANDed, * and ? are wildcards."""
    for name, raw_values in filters.items():
        # Values without wildcards or escapes match as they are: a set, so 200 image ids cost one lookup per image.
        wanted = _as_list(raw_values)
        exact = {v for v in wanted if not any(c in v for c in "*?\\")}
        patterns = [_wildcard(v) for v in wanted if v not in exact]
        kept = []
        for ami in images:
            values = _filter_values(ami, name, viewer)
            if values is None:
                if strict:
                    raise _error("InvalidParameterValue", f"The filter '{name}' is invalid")
                continue
            if any(v in exact for v in values) or any(p.fullmatch(v) for p in patterns for v in values):
                kept.append(ami)
        images = kept
    return images


def patch_describe_images_backend() -> None:
    def describe_images(
        self: Any,
        ami_ids: list[str] | None = None,
        filters: dict[str, Any] | None = None,
        exec_users: list[str] | None = None,
        owners: list[str] | None = None,
        include_deprecated: bool = True,
        include_disabled: bool = True,
        strict_filters: bool = False,
    ) -> list[Ami]:
        me = self.account_id
        images = _visible_images(self)
        if ami_ids:
            # EC2 rejects malformed ids, and fails the whole call when any requested id does not exist.
            malformed = [i for i in ami_ids if not AMI_ID.fullmatch(str(i))]
            if malformed:
                raise MalformedAMIIdError(malformed)
            known = {ami.id for ami in images}
            missing = [i for i in dict.fromkeys(ami_ids) if i not in known and i not in self.deleted_amis]
            if missing:
                raise InvalidAMIIdError(missing)
            wanted = set(ami_ids)
            images = [ami for ami in images if ami.id in wanted]
        elif not include_deprecated:
            # EC2 hides deprecated images from everyone but their owner unless asked for them.
            images = [ami for ami in images if ami.owner_id == me or not _is_deprecated(ami)]
        if not include_disabled:
            images = [ami for ami in images if ami.state != "disabled"]
        if exec_users:
            # EC2: "self" / an account id = explicitly shared with it; "all" = public.
            users = {me if u == "self" else u for u in exec_users}
            images = [
                ami
                for ami in images
                if ("all" in users and ami.is_public)
                or any(lp.get("UserId") in users for lp in ami.launch_permissions)
            ]
        if owners:
            for owner in owners:
                if owner not in OWNER_KEYWORDS and not re.fullmatch(r"\d{12}", owner):
                    raise _error("InvalidUserID.Malformed", f'Invalid user id: "{owner}"')
            images = [
                ami
                for ami in images
                if any(
                    o == ami.owner_id
                    or (o == "self" and ami.owner_id == me)
                    or (ami.owner_alias is not None and o == ami.owner_alias)
                    for o in owners
                )
            ]
        if filters:
            images = _apply_filters(images, filters, self, strict_filters)
        return images

    AmiBackend.describe_images = describe_images  # type: ignore[method-assign]


def _encode_token(offset: int) -> str:
    return base64.urlsafe_b64encode(f"sandbox:{offset}".encode()).decode()


def _page(items: list[Any], max_results: Any, next_token: Any) -> tuple[list[Any], str | None]:
    """EC2 pages when MaxResults or NextToken is given and returns everything otherwise."""
    if max_results in (None, "") and not next_token:
        return items, None
    start = 0
    if next_token:
        try:
            kind, _, offset = base64.urlsafe_b64decode(str(next_token).encode()).decode().partition(":")
            assert kind == "sandbox"
            start = int(offset)
        except Exception:
            raise _error("InvalidPaginationToken", "The specified pagination token is not valid or is expired.")
    size = int(max_results) if max_results not in (None, "") else 1000
    end = start + max(size, 1)
    return items[start:end], (_encode_token(end) if end < len(items) else None)


def patch_describe_images_response() -> None:
    def describe_images(self: AmisResponse) -> ActionResult:
        self.error_on_dryrun()
        backend = self.ec2_backend
        images = backend.describe_images(
            ami_ids=self._get_param("ImageIds", []),
            filters=self._filters_from_querystring(),
            exec_users=self._get_param("ExecutableUsers", []),
            owners=self._get_param("Owners", []),
            include_deprecated=_truthy(self._get_param("IncludeDeprecated", False)),
            include_disabled=_truthy(self._get_param("IncludeDisabled", False)),
            strict_filters=True,
        )
        views = [ami if ami.owner_id == backend.account_id else SharedImageView(ami, backend) for ami in images]
        page, token = _page(views, self._get_param("MaxResults"), self._get_param("NextToken"))
        return ActionResult({"Images": page, "NextToken": token})

    AmisResponse.describe_images = describe_images  # type: ignore[method-assign]


# ---------------------------------------------------------------------------------------------------------
# Owner-only image operations
# ---------------------------------------------------------------------------------------------------------


def _owned_image(backend: Any, image_id: str) -> Ami:
    """EC2: only the owner may change an image; other accounts get AuthFailure, unknown ids NotFound."""
    if not AMI_ID.fullmatch(str(image_id or "")):
        raise MalformedAMIIdError([image_id])
    if image_id in backend.amis:
        return backend.amis[image_id]
    if any(ami.id == image_id for ami in _visible_images(backend)):
        raise _error("AuthFailure", f"Not authorized for image:{image_id}")
    raise InvalidAMIIdError(image_id)


def patch_deprecation() -> None:
    def enable_image_deprecation(self: AmisResponse) -> ActionResult:
        ami = _owned_image(self.ec2_backend, self._get_param("ImageId"))
        deprecate_at = _parse_time(self._get_param("DeprecateAt"))
        # EC2 rounds the seconds to the nearest minute. (EC2 also refuses past dates; the sandbox accepts
        # them so an already-deprecated image can be seeded.)
        deprecate_at = deprecate_at.replace(second=0, microsecond=0) + dt.timedelta(
            minutes=1 if deprecate_at.second >= 30 else 0
        )
        self.error_on_dryrun()
        ami.deprecation_time = _iso_ms(deprecate_at)
        return ActionResult({"Return": True})

    def disable_image_deprecation(self: AmisResponse) -> ActionResult:
        ami = _owned_image(self.ec2_backend, self._get_param("ImageId"))
        self.error_on_dryrun()
        ami.deprecation_time = None
        return ActionResult({"Return": True})

    AmisResponse.enable_image_deprecation = enable_image_deprecation  # type: ignore[attr-defined]
    AmisResponse.disable_image_deprecation = disable_image_deprecation  # type: ignore[attr-defined]


def patch_disable_image() -> None:
    def disable_image(self: AmisResponse) -> ActionResult:
        ami = _owned_image(self.ec2_backend, self._get_param("ImageId"))
        self.error_on_dryrun()
        # EC2 makes a disabled image private: every launch permission is removed, and not restored later.
        ami.state = "disabled"
        ami.launch_permissions = []
        return ActionResult({"Return": True})

    def enable_image(self: AmisResponse) -> ActionResult:
        ami = _owned_image(self.ec2_backend, self._get_param("ImageId"))
        self.error_on_dryrun()
        if ami.state == "disabled":
            ami.state = "available"
        return ActionResult({"Return": True})

    AmisResponse.disable_image = disable_image  # type: ignore[attr-defined]
    AmisResponse.enable_image = enable_image  # type: ignore[attr-defined]


def patch_block_public_access() -> None:
    # EC2 keeps the setting per account and region; "unblocked" is the state of accounts that shared publicly.
    def get_image_block_public_access_state(self: AmisResponse) -> ActionResult:
        self.error_on_dryrun()
        state = getattr(self.ec2_backend, "image_block_public_access", UNBLOCKED)
        return ActionResult({"ImageBlockPublicAccessState": state, "ManagedBy": "account"})

    def enable_image_block_public_access(self: AmisResponse) -> ActionResult:
        state = self._get_param("ImageBlockPublicAccessState")
        if state != BLOCK_NEW_SHARING:
            raise _error(
                "InvalidParameterValue",
                f"Value ({state}) for parameter ImageBlockPublicAccessState is invalid. "
                f"Valid value is {BLOCK_NEW_SHARING}.",
            )
        self.error_on_dryrun()
        self.ec2_backend.image_block_public_access = BLOCK_NEW_SHARING
        return ActionResult({"ImageBlockPublicAccessState": BLOCK_NEW_SHARING})

    def disable_image_block_public_access(self: AmisResponse) -> ActionResult:
        self.error_on_dryrun()
        self.ec2_backend.image_block_public_access = UNBLOCKED
        return ActionResult({"ImageBlockPublicAccessState": UNBLOCKED})

    AmisResponse.get_image_block_public_access_state = get_image_block_public_access_state  # type: ignore[attr-defined]
    AmisResponse.enable_image_block_public_access = enable_image_block_public_access  # type: ignore[attr-defined]
    AmisResponse.disable_image_block_public_access = disable_image_block_public_access  # type: ignore[attr-defined]


def patch_modify_image_attribute() -> None:
    original = AmiBackend.modify_image_attribute

    def modify_image_attribute(
        self: Any,
        ami_id: str,
        launch_permissions_to_add: list[dict[str, str]],
        launch_permissions_to_remove: list[dict[str, str]],
    ) -> None:
        ami = _owned_image(self, ami_id)
        if launch_permissions_to_add and ami.state == "disabled":
            raise _error("OperationNotPermitted", f"The image '{ami_id}' is disabled and can't be shared.")
        # EC2 refuses to make an image public while image block public access is on.
        if {"Group": "all"} in launch_permissions_to_add and getattr(
            self, "image_block_public_access", UNBLOCKED
        ) == BLOCK_NEW_SHARING:
            raise _error(
                "OperationNotPermitted",
                "You can't publicly share this image because block public access for AMIs is enabled "
                "for this account. To publicly share the image, you must call the "
                "DisableImageBlockPublicAccess API.",
            )
        original(self, ami_id, launch_permissions_to_add, launch_permissions_to_remove)

    AmiBackend.modify_image_attribute = modify_image_attribute  # type: ignore[method-assign]


def patch_describe_image_attribute() -> None:
    def describe_image_attribute(self: Any, ami_id: str, attribute_name: str) -> Any:
        # moto answers an unknown id with HTTP 500; EC2 with NotFound, or AuthFailure for others' images.
        return getattr(_owned_image(self, ami_id), attribute_name, None)

    AmiBackend.describe_image_attribute = describe_image_attribute  # type: ignore[method-assign]


# ---------------------------------------------------------------------------------------------------------
# Creating images
# ---------------------------------------------------------------------------------------------------------


def _check_name(backend: Any, name: Any) -> None:
    # EC2: 3-128 characters from a fixed set, unique per owner and region.
    if not name or not re.fullmatch(r"[A-Za-z0-9()\[\] ./\-'@_]{3,128}", str(name)):
        raise _error(
            "InvalidAMIName.Malformed",
            "AMI names must be between 3 and 128 characters long, and may contain letters, numbers, "
            "'(', ')', '.', '-', '/' and '_'",
        )
    ami = _image_named(backend, str(name))
    if ami is not None:
        raise _error("InvalidAMIName.Duplicate", f"AMI name {name} is already in use by AMI {ami.id}")


def _image_named(backend: Any, name: str) -> Ami | None:
    """
    The backend's image called `name`, from an index of names kept in step with backend.amis (images added by any
    path since the last look are indexed first). Reading every image instead made registering the 20,000th image
    take 20,000 times as long as the first, and raced with registrations running at the same time.
    """
    index: dict[str, str] = backend.__dict__.setdefault("_sandbox_image_names", {})
    indexed: set[str] = backend.__dict__.setdefault("_sandbox_indexed_images", set())
    for ami_id in backend.amis.keys() - indexed:
        ami = backend.amis.get(ami_id)
        if ami is not None and ami.name:
            index[ami.name] = ami_id
        indexed.add(ami_id)
    ami = backend.amis.get(index.get(name, ""))
    if ami is not None and ami.name == name:
        return ami
    if name in index:
        # The indexed image is gone: another may still carry the name.
        del index[name]
        for ami in list(backend.amis.values()):
            if ami.name == name:
                index[name] = ami.id
                return ami
    return None


def _tagged_image_result(backend: Any, ami: Any, tags: dict[str, dict[str, str]]) -> ActionResult:
    """Tags a new image and its root snapshot as the TagSpecifications asked, and answers with its id."""
    if tags.get("image"):
        ami.add_tags(tags["image"])
    if tags.get("snapshot"):
        backend.create_tags([ami.ebs_snapshot.id], tags["snapshot"])
    return ActionResult({"ImageId": ami.id})


def _tag_specs(specs: list[dict[str, Any]], allowed: tuple[str, ...]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for spec in specs or []:
        kind = spec.get("ResourceType")
        if kind not in allowed:
            raise _error("InvalidParameterValue", f"'{kind}' is not a valid taggable resource type for this operation.")
        out.setdefault(kind, {}).update({t["Key"]: t.get("Value", "") for t in spec.get("Tags", [])})
    return out


def _replace_root_snapshot(backend: Any, ami: Ami, snapshot: Any) -> None:
    """Points the image at an existing snapshot and drops the one moto made for it."""
    auto = ami.ebs_snapshot
    if auto is not None and auto.id != snapshot.id and auto.from_ami == ami.id:
        backend.snapshots.pop(auto.id, None)
    ami.ebs_snapshot = snapshot


def _normalise_mappings(backend: Any, mappings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for mapping in mappings or []:
        entry: dict[str, Any] = {"DeviceName": mapping.get("DeviceName")}
        if mapping.get("VirtualName"):
            entry["VirtualName"] = mapping["VirtualName"]
        if "NoDevice" in mapping:
            entry["NoDevice"] = ""
        ebs = mapping.get("Ebs")
        if ebs is not None:
            snapshot = backend.get_snapshot(ebs["SnapshotId"]) if ebs.get("SnapshotId") else None
            size = ebs.get("VolumeSize") or (snapshot.volume.size if snapshot is not None else None)
            if size is None:
                raise _error("InvalidBlockDeviceMapping", "The request must contain a snapshot or a volume size.")
            entry["Ebs"] = {
                "DeleteOnTermination": _truthy(ebs.get("DeleteOnTermination", True)),
                "VolumeSize": int(size),
                "VolumeType": ebs.get("VolumeType") or "gp2",
                "Encrypted": _truthy(ebs.get("Encrypted", snapshot.encrypted if snapshot is not None else False)),
            }
            if snapshot is not None:
                entry["Ebs"]["SnapshotId"] = snapshot.id
            for key in ("Iops", "Throughput", "KmsKeyId"):
                if ebs.get(key) is not None:
                    entry["Ebs"][key] = ebs[key]
        out.append(entry)
    return out


def patch_register_image() -> None:
    def register_image(self: AmisResponse) -> ActionResult:
        backend = self.ec2_backend
        name = self._get_param("Name")
        _check_name(backend, name)
        root = self._get_param("RootDeviceName") or "/dev/sda1"
        mappings = _normalise_mappings(backend, self._get_param("BlockDeviceMappings", []))
        tags = _tag_specs(self._get_param("TagSpecifications", []), ("image", "snapshot"))
        self.error_on_dryrun()

        ami = backend.register_image(name, self._get_param("Description", ""))
        # EC2 honours these RegisterImage parameters; moto keeps only the name and description.
        # Its default architecture for EBS-backed images is i386.
        ami.architecture = self._get_param("Architecture") or "i386"
        ami.virtualization_type = self._get_param("VirtualizationType") or "paravirtual"
        ami.root_device_name = root
        ami.boot_mode = self._get_param("BootMode") or ami.boot_mode
        ami.ena_support = _truthy(self._get_param("EnaSupport", False))
        ami.sriov = self._get_param("SriovNetSupport") or ami.sriov
        ami.tpm_support = self._get_param("TpmSupport")
        ami.imds_support = self._get_param("ImdsSupport")
        if self._get_param("ImageLocation"):
            ami.image_location = self._get_param("ImageLocation")
        root_snapshot = None
        for mapping in mappings:
            if mapping["DeviceName"] == root and mapping.get("Ebs", {}).get("SnapshotId"):
                root_snapshot = backend.get_snapshot(mapping["Ebs"]["SnapshotId"])
        if mappings:
            ami.custom_block_device_mappings = mappings
        if root_snapshot is not None:
            _replace_root_snapshot(backend, ami, root_snapshot)
        # EC2 takes the platform from the billing code, given here or carried by the root snapshot.
        source = backend.amis.get(root_snapshot.from_ami) if root_snapshot is not None and root_snapshot.from_ami else None
        if WINDOWS_BILLING_PRODUCT in (self._get_param("BillingProducts") or []) or (
            source is not None and source.platform == "windows"
        ):
            ami.platform = "windows"
        return _tagged_image_result(backend, ami, tags)

    AmisResponse.register_image = register_image  # type: ignore[method-assign]


def patch_create_image() -> None:
    def create_image(self: AmisResponse) -> ActionResult:
        backend = self.ec2_backend
        name = self._get_param("Name")
        _check_name(backend, name)
        instance = backend.get_instance(self._get_param("InstanceId"))
        # EC2 tags the image and/or its snapshots; moto fails on snapshot tags.
        tags = _tag_specs(self._get_param("TagSpecifications", []), ("image", "snapshot"))
        self.error_on_dryrun()
        ami = backend.create_image(instance.id, name, self._get_param("Description", ""), tag_specifications=[])
        root_volume = instance.block_device_mapping.get(instance.root_device_name) or next(
            iter(instance.block_device_mapping.values()), None
        )
        ami.root_device_name = instance.root_device_name
        ami.custom_block_device_mappings = [
            {
                "DeviceName": ami.root_device_name,
                "Ebs": {
                    "DeleteOnTermination": True,
                    "SnapshotId": ami.ebs_snapshot.id,
                    "VolumeSize": getattr(root_volume, "size", 8) if root_volume is not None else 8,
                    "VolumeType": "gp3",
                    "Encrypted": False,
                },
            }
        ]
        return _tagged_image_result(backend, ami, tags)

    AmisResponse.create_image = create_image  # type: ignore[method-assign]


def patch_copy_image() -> None:
    def copy_image(self: AmisResponse) -> ActionResult:
        backend = self.ec2_backend
        source_id = self._get_param("SourceImageId")
        source_region = self._get_param("SourceRegion")
        name = self._get_param("Name")
        _check_name(backend, name)
        tags = _tag_specs(self._get_param("TagSpecifications", []), ("image", "snapshot"))
        self.error_on_dryrun()
        ami = backend.copy_image(source_id, source_region, name, self._get_param("Description"))
        source = ec2_backends[backend.account_id][source_region].describe_images(ami_ids=[source_id])[0]
        # EC2 copies the image's launch settings and records where it came from; moto copies only a few.
        for attr in ("root_device_name", "root_device_type", "boot_mode", "ena_support", "sriov", "tpm_support", "imds_support"):
            setattr(ami, attr, getattr(source, attr))
        if source.custom_block_device_mappings:
            ami.custom_block_device_mappings = [
                {**m, "Ebs": {**m["Ebs"], "SnapshotId": ami.ebs_snapshot.id}}
                if m["DeviceName"] == ami.root_device_name and "Ebs" in m
                else m
                for m in source.custom_block_device_mappings
            ]
        ami.source_image_id = source.id
        ami.source_image_region = source_region
        # EC2 CopyImageTags copies the requester's own user tags, never aws: ones.
        if _truthy(self._get_param("CopyImageTags", False)):
            viewer = ec2_backends[backend.account_id][source_region]
            own = {t["Key"]: t["Value"] for t in _tags_seen_by(viewer, source.id, source.owner_id)}
            own = {k: v for k, v in own.items() if not k.startswith("aws:")}
            if own:
                ami.add_tags(own)
        return _tagged_image_result(backend, ami, tags)

    AmisResponse.copy_image = copy_image  # type: ignore[method-assign]


def patch_snapshot_in_use() -> None:
    original = EBSBackend.delete_snapshot

    def delete_snapshot(self: Any, snapshot_id: str) -> Any:
        # EC2 refuses to delete a snapshot any registered image uses, not only the one made for it.
        for ami in self.amis.values():
            for mapping in ami.block_device_mappings:
                if (mapping.get("Ebs") or {}).get("SnapshotId") == snapshot_id:
                    raise InvalidSnapshotInUse(snapshot_id, ami.id)
        return original(self, snapshot_id)

    EBSBackend.delete_snapshot = delete_snapshot  # type: ignore[method-assign]


def patch_instance_clock() -> None:
    original = Instance.__init__

    def __init__(self: Instance, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        if _clock.get() is not None:
            self.launch_time = now()

    Instance.__init__ = __init__  # type: ignore[method-assign]


def apply() -> None:
    patch_request_clock()
    patch_dispatch_lookup()
    patch_image_defaults()
    patch_image_billing_fields()
    patch_image_block_devices()
    patch_image_tags_lookup()
    patch_describe_images_backend()
    patch_describe_images_response()
    patch_deprecation()
    patch_disable_image()
    patch_block_public_access()
    patch_modify_image_attribute()
    patch_describe_image_attribute()
    patch_register_image()
    patch_create_image()
    patch_copy_image()
    patch_snapshot_in_use()
    patch_instance_clock()
