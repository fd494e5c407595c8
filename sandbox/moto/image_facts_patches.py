"""What EC2 says about an image beyond DescribeImages' basics, which moto 5.2.1 leaves out.

- **Last launched**: EC2 records when an image last launched an instance (`lastLaunchedTime`, reported to its
  owner by DescribeImageAttribute and DescribeImages; EC2 takes up to 24 hours, the sandbox records it at
  RunInstances). Never launched: the attribute has no value.
- **Allowed AMIs**: per account and region, `GetAllowedImagesSettings`, `EnableAllowedImagesSettings`
  (`enabled` | `audit-mode`), `ReplaceImageCriteriaInAllowedImagesSettings` and `DisableAllowedImagesSettings`.
  An image is allowed when it matches one criterion (all of that criterion's parts); the account's own images are
  always allowed. DescribeImages reports `ImageAllowed` while the settings are on (audit mode: true or false;
  enabled: only allowed images are returned at all) and leaves it out while they are disabled.
- **Free tier**: `FreeTierEligible` for images with no marketplace product codes and a Linux or Windows usage
  operation.
- **CreateImage** keeps the instance's image's boot mode; `SourceInstanceId` names the instance (moto does that).
"""

from __future__ import annotations

import re
from typing import Any

from moto.core.responses import ActionResult
from moto.ec2.exceptions import EC2ClientError
from moto.ec2.models.amis import Ami, AmiBackend
from moto.ec2.responses.amis import AmisResponse
from moto.ec2.responses.instances import InstanceResponse

import ec2_patches

STATES = ("disabled", "audit-mode", "enabled")
PROVIDER_ALIASES = ("amazon", "aws-marketplace", "aws-backup-vault")
MAX_CRITERIA = 10
MAX_PROVIDERS = 200
FREE_TIER_USAGE = ("RunInstances", "RunInstances:0002")


# ---------------------------------------------------------------------------------------------------------
# Last launched
# ---------------------------------------------------------------------------------------------------------


def patch_last_launched() -> None:
    # Reported to the owner only; others see their own view of the image (SharedImageView) without it.
    Ami.last_launched_time = None  # type: ignore[attr-defined]
    ec2_patches.SharedImageView.last_launched_time = None  # type: ignore[attr-defined]

    original_run = InstanceResponse.run_instances

    def run_instances(self: InstanceResponse) -> ActionResult:
        result = original_run(self)
        image_id = self._get_param("ImageId")
        image = next((ami for ami in ec2_patches._visible_images(self.ec2_backend) if ami.id == image_id), None)
        if image is not None:
            image.last_launched_time = ec2_patches._iso_ms(ec2_patches.now())
        return result

    InstanceResponse.run_instances = run_instances  # type: ignore[method-assign]

    original_attribute = AmisResponse.describe_image_attribute

    def describe_image_attribute(self: AmisResponse) -> ActionResult:
        if self._get_param("Attribute") != "lastLaunchedTime":
            return original_attribute(self)
        image_id = self._get_param("ImageId")
        ami = ec2_patches._owned_image(self.ec2_backend, image_id)
        self.error_on_dryrun()
        value = ami.last_launched_time
        return ActionResult({"ImageId": image_id, "LastLaunchedTime": {"Value": value} if value else {}})

    AmisResponse.describe_image_attribute = describe_image_attribute  # type: ignore[method-assign]


# ---------------------------------------------------------------------------------------------------------
# Allowed AMIs
# ---------------------------------------------------------------------------------------------------------


def _settings(backend: Any) -> dict[str, Any]:
    return backend.__dict__.setdefault("_sandbox_allowed_images", {"state": "disabled", "criteria": []})


def _days_since(value: Any) -> float:
    return (ec2_patches.now() - ec2_patches._parse_time(value)).total_seconds() / 86_400


def _matches(ami: Ami, criterion: dict[str, Any]) -> bool:
    """Every part the criterion names must hold."""
    providers = criterion.get("ImageProviders") or []
    if providers and not any(
        p == ami.owner_id or (p in PROVIDER_ALIASES and p == ami.owner_alias) for p in providers
    ):
        return False
    names = criterion.get("ImageNames") or []
    if names and not any(ec2_patches._wildcard(n).fullmatch(ami.name or "") for n in names):
        return False
    codes = criterion.get("MarketplaceProductCodes") or []
    if codes and not set(codes) & set(ami.product_codes):
        return False
    created = (criterion.get("CreationDateCondition") or {}).get("MaximumDaysSinceCreated")
    if created is not None and _days_since(ami.creation_date) > int(created):
        return False
    deprecated = (criterion.get("DeprecationTimeCondition") or {}).get("MaximumDaysSinceDeprecated")
    if deprecated is not None and ami.deprecation_time and _days_since(ami.deprecation_time) > int(deprecated):
        return False
    return True


def is_allowed(ami: Ami, viewer: Any) -> bool:
    if ami.owner_id == viewer.account_id:
        return True
    return any(_matches(ami, c) for c in _settings(viewer)["criteria"])


def _reported(ami: Ami, viewer: Any) -> bool | None:
    return None if _settings(viewer)["state"] == "disabled" else is_allowed(ami, viewer)


def _check_criteria(criteria: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if len(criteria) > MAX_CRITERIA:
        raise EC2ClientError("InvalidParameterValue", f"You can specify up to {MAX_CRITERIA} image criteria.")
    providers = [p for c in criteria for p in (c.get("ImageProviders") or [])]
    if len(providers) > MAX_PROVIDERS:
        raise EC2ClientError("InvalidParameterValue", f"You can specify up to {MAX_PROVIDERS} image providers in total.")
    for provider in providers:
        if provider not in (*PROVIDER_ALIASES, "none") and not re.fullmatch(r"\d{12}", str(provider)):
            raise EC2ClientError(
                "InvalidParameterValue",
                f"The image provider '{provider}' is not valid. Specify amazon, aws-marketplace, aws-backup-vault, "
                "none, or a 12-digit account ID.",
            )
    kept = []
    for c in criteria:
        entry: dict[str, Any] = {}
        for key in ("ImageProviders", "ImageNames", "MarketplaceProductCodes"):
            if c.get(key):
                entry[key] = [str(v) for v in c[key]]
        if (c.get("CreationDateCondition") or {}).get("MaximumDaysSinceCreated") is not None:
            entry["CreationDateCondition"] = {"MaximumDaysSinceCreated": int(c["CreationDateCondition"]["MaximumDaysSinceCreated"])}
        if (c.get("DeprecationTimeCondition") or {}).get("MaximumDaysSinceDeprecated") is not None:
            entry["DeprecationTimeCondition"] = {"MaximumDaysSinceDeprecated": int(c["DeprecationTimeCondition"]["MaximumDaysSinceDeprecated"])}
        kept.append(entry)
    return kept


def patch_allowed_images_settings() -> None:
    def get_allowed_images_settings(self: AmisResponse) -> ActionResult:
        self.error_on_dryrun()
        settings = _settings(self.ec2_backend)
        return ActionResult({"State": settings["state"], "ImageCriteria": settings["criteria"], "ManagedBy": "account"})

    def enable_allowed_images_settings(self: AmisResponse) -> ActionResult:
        state = self._get_param("AllowedImagesSettingsState")
        if state not in ("enabled", "audit-mode"):
            raise EC2ClientError(
                "InvalidParameterValue",
                f"Value ({state}) for parameter AllowedImagesSettingsState is invalid. Valid values are enabled, audit-mode.",
            )
        self.error_on_dryrun()
        _settings(self.ec2_backend)["state"] = state
        return ActionResult({"AllowedImagesSettingsState": state})

    def disable_allowed_images_settings(self: AmisResponse) -> ActionResult:
        self.error_on_dryrun()
        _settings(self.ec2_backend)["state"] = "disabled"
        return ActionResult({"AllowedImagesSettingsState": "disabled"})

    def replace_image_criteria_in_allowed_images_settings(self: AmisResponse) -> ActionResult:
        criteria = _check_criteria(self._get_param("ImageCriteria", []) or [])
        self.error_on_dryrun()
        _settings(self.ec2_backend)["criteria"] = criteria
        return ActionResult({"ReturnValue": True})

    AmisResponse.get_allowed_images_settings = get_allowed_images_settings  # type: ignore[attr-defined]
    AmisResponse.enable_allowed_images_settings = enable_allowed_images_settings  # type: ignore[attr-defined]
    AmisResponse.disable_allowed_images_settings = disable_allowed_images_settings  # type: ignore[attr-defined]
    AmisResponse.replace_image_criteria_in_allowed_images_settings = replace_image_criteria_in_allowed_images_settings  # type: ignore[attr-defined]


def patch_image_allowed() -> None:
    # The owner sees its own images (Ami), others a SharedImageView that knows who is looking.
    Ami.image_allowed = property(lambda self: _reported(self, self.ec2_backend))  # type: ignore[attr-defined]
    ec2_patches.SharedImageView.image_allowed = property(  # type: ignore[attr-defined]
        lambda self: _reported(self._ami, self._viewer)
    )

    original_describe = AmiBackend.describe_images

    def describe_images(self: Any, *args: Any, **kwargs: Any) -> list[Ami]:
        images = original_describe(self, *args, **kwargs)
        if _settings(self)["state"] != "enabled":
            return images
        # Enabled: images that do not meet the criteria cannot be discovered.
        return [ami for ami in images if is_allowed(ami, self)]

    AmiBackend.describe_images = describe_images  # type: ignore[method-assign]

    original_values = ec2_patches._filter_values

    def filter_values(ami: Ami, name: str, viewer: Any) -> list[str] | None:
        if name == "image-allowed":
            return ec2_patches._as_list(is_allowed(ami, viewer))
        if name == "free-tier-eligible":
            return ec2_patches._as_list(_free_tier(ami))
        return original_values(ami, name, viewer)

    ec2_patches._filter_values = filter_values


# ---------------------------------------------------------------------------------------------------------
# Free tier, boot mode
# ---------------------------------------------------------------------------------------------------------


def _free_tier(ami: Ami) -> bool:
    return not ami.product_codes and ami.usage_operation in FREE_TIER_USAGE


def patch_free_tier() -> None:
    Ami.free_tier_eligible = property(_free_tier)  # type: ignore[attr-defined]


def patch_create_image_boot_mode() -> None:
    original = AmisResponse.create_image

    def create_image(self: AmisResponse) -> ActionResult:
        result = original(self)
        backend = self.ec2_backend
        ami = backend.amis.get(result.result["ImageId"])  # type: ignore[index]
        instance = backend.get_instance(self._get_param("InstanceId"))
        source = next((a for a in ec2_patches._visible_images(backend) if a.id == instance.image_id), None)
        if ami is not None and source is not None:
            # EC2 makes the image with the boot mode the instance runs in, its image's.
            ami.boot_mode = source.boot_mode
        return result

    AmisResponse.create_image = create_image  # type: ignore[method-assign]


def apply() -> None:
    patch_last_launched()
    patch_allowed_images_settings()
    patch_image_allowed()
    patch_free_tier()
    patch_create_image_boot_mode()
