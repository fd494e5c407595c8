"""Deregistration protection, as EC2 does it; moto 5.2.1 has none.

EC2: `EnableImageDeregistrationProtection` (optionally `WithCooldown`) makes `DeregisterImage` fail until
`DisableImageDeregistrationProtection`. With the cooldown, disabling leaves the image protected for 24 more hours,
which DescribeImages reports as `DeregistrationProtection: disabled-until <time>`. Only the owner may change it.
DescribeImages reports `enabled-without-cooldown`, `enabled-with-cooldown`, `disabled-until <time>` or `disabled`.

The EC2 API reference names no error code of its own for deregistering a protected image; the sandbox answers
with the common `OperationNotPermitted` and a message that says how to lift the protection.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ec2_patches import _error, _iso_ms, _owned_image, _truthy, now
from moto.core.responses import ActionResult
from moto.ec2.models.amis import Ami, AmiBackend
from moto.ec2.responses.amis import AmisResponse

COOLDOWN = dt.timedelta(hours=24)
ENABLED = "enabled-without-cooldown"
ENABLED_WITH_COOLDOWN = "enabled-with-cooldown"
DISABLED = "disabled"


def protection_of(ami: Any) -> str:
    """The value EC2 reports for the image now."""
    mode = getattr(ami, "_sandbox_protection", None)
    if mode:
        return mode
    until = getattr(ami, "_sandbox_protected_until", None)
    if until is not None and now() < until:
        return f"disabled-until {_iso_ms(until)}"
    return DISABLED


def is_protected(ami: Any) -> bool:
    return protection_of(ami) != DISABLED


def patch_describe_field() -> None:
    # The serializer reads Image.DeregistrationProtection from this attribute; shared views pass it through.
    Ami.deregistration_protection = property(protection_of)  # type: ignore[attr-defined]


def patch_enable_disable() -> None:
    def enable_image_deregistration_protection(self: AmisResponse) -> ActionResult:
        ami = _owned_image(self.ec2_backend, self._get_param("ImageId"))
        self.error_on_dryrun()
        ami._sandbox_protection = ENABLED_WITH_COOLDOWN if _truthy(self._get_param("WithCooldown", False)) else ENABLED  # type: ignore[attr-defined]
        ami._sandbox_protected_until = None  # type: ignore[attr-defined]
        return ActionResult({"Return": "true"})

    def disable_image_deregistration_protection(self: AmisResponse) -> ActionResult:
        ami = _owned_image(self.ec2_backend, self._get_param("ImageId"))
        self.error_on_dryrun()
        mode = getattr(ami, "_sandbox_protection", None)
        if mode == ENABLED_WITH_COOLDOWN:
            # The cooldown starts now: the image stays protected for 24 hours.
            ami._sandbox_protected_until = now() + COOLDOWN  # type: ignore[attr-defined]
        ami._sandbox_protection = None  # type: ignore[attr-defined]
        return ActionResult({"Return": "true"})

    AmisResponse.enable_image_deregistration_protection = enable_image_deregistration_protection  # type: ignore[attr-defined]
    AmisResponse.disable_image_deregistration_protection = disable_image_deregistration_protection  # type: ignore[attr-defined]


def patch_deregister() -> None:
    original = AmiBackend.deregister_image

    def deregister_image(self: Any, ami_id: str) -> None:
        ami = self.amis.get(ami_id)
        if ami is not None and is_protected(ami):
            value = protection_of(ami)
            lift = (
                f"Its protection cooldown ends at {value.split(' ', 1)[1]}; try again after that."
                if value.startswith("disabled-until")
                else "Disable deregistration protection (DisableImageDeregistrationProtection) first."
            )
            raise _error(
                "OperationNotPermitted",
                f"The image '{ami_id}' can't be deregistered because deregistration protection is {value}. {lift}",
            )
        original(self, ami_id)

    AmiBackend.deregister_image = deregister_image  # type: ignore[method-assign]


def apply() -> None:
    patch_describe_field()
    patch_enable_disable()
    patch_deregister()
