"""RunInstances and DescribeInstanceTypes as EC2 answers them, for the Launch action.

moto 5.2.1 launches any instance type name, on an image of any architecture and in any state, and returns every
instance type in one page. EC2 refuses the first three and pages the last; the extension checks all of them before
launching, and the sandbox refuses them too, so that a launch the extension lets through ("Launch anyway") meets
the answer EC2 would give.
"""

from __future__ import annotations

from typing import Any

from moto.core.responses import ActionResult
from moto.ec2.exceptions import EC2ClientError
from moto.ec2.models.instance_types import INSTANCE_TYPES
from moto.ec2.responses.instances import InstanceResponse

import ec2_patches


def _check_launch(backend: Any, image_id: Any, instance_type: Any) -> None:
    if instance_type and instance_type not in INSTANCE_TYPES:
        raise EC2ClientError("InvalidParameterValue", f"Invalid value '{instance_type}' for InstanceType.")
    image = next((ami for ami in ec2_patches._visible_images(backend) if ami.id == image_id), None)
    if image is None:
        return  # moto's own check answers InvalidAMIID.NotFound
    if image.state != "available":
        raise EC2ClientError("InvalidAMIID.Unavailable", f"AMI '{image_id}' is {image.state}, and cannot be run.")
    # Images registered without an Architecture get moto's i386 default: only real choices are checked.
    supported = (INSTANCE_TYPES.get(instance_type or "m1.small", {}).get("ProcessorInfo") or {}).get("SupportedArchitectures") or []
    if image.architecture in ("x86_64", "arm64") and supported and image.architecture not in supported:
        raise EC2ClientError(
            "InvalidParameterValue",
            f"The architecture '{'/'.join(supported)}' of the specified instance type does not match the architecture "
            f"'{image.architecture}' of the specified AMI. Specify an instance type and an AMI that have matching "
            "architectures, and try again.",
        )


def patch_run_instances() -> None:
    original = InstanceResponse.run_instances

    def run_instances(self: InstanceResponse) -> ActionResult:
        _check_launch(self.ec2_backend, self._get_param("ImageId"), self._get_param("InstanceType"))
        return original(self)

    InstanceResponse.run_instances = run_instances  # type: ignore[method-assign]


def patch_describe_instance_types_paging() -> None:
    def describe_instance_types(self: InstanceResponse) -> ActionResult:
        types = self.ec2_backend.describe_instance_types(self._get_param("InstanceTypes", []), self._filters_from_querystring())
        page, token = ec2_patches._page(types, self._get_param("MaxResults"), self._get_param("NextToken"))
        return ActionResult({"InstanceTypes": page, "NextToken": token})

    InstanceResponse.describe_instance_types = describe_instance_types  # type: ignore[method-assign]


def apply() -> None:
    patch_run_instances()
    patch_describe_instance_types_paging()
