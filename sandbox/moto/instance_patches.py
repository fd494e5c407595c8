"""Stop, Start, Reboot and Terminate as EC2 answers them, for the Instances view's actions, and the instance
profile of a launch given to every instance it launches.

moto 5.2.1 associates a RunInstances' instance profile with its first instance only, where EC2 gives it to all. It
drops `DisableApiTermination` at launch (set later with ModifyInstanceAttribute, it holds). It stops,
starts and reboots terminated instances (bringing them back to life) and reboots stopped ones into running. EC2
keeps the protection, refuses those state changes with IncorrectInstanceState, changing none of the instances asked
for, and ignores a reboot of a terminated instance.
"""

from __future__ import annotations

from typing import Any

from moto.core.responses import ActionResult
from moto.ec2.exceptions import EC2ClientError
from moto.ec2.models.instances import InstanceBackend
from moto.ec2.responses.instances import InstanceResponse

GONE = ("shutting-down", "terminated")


def _truthy(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


class IncorrectInstanceState(EC2ClientError):
    def __init__(self, message: str):
        super().__init__("IncorrectInstanceState", message)


def _refuse(instances: list[Any], states: tuple[str, ...], message: str) -> None:
    for instance in instances:
        if instance.state in states:
            raise IncorrectInstanceState(message.format(id=instance.id))


def patch_state_changes() -> None:
    stop, start, reboot = InstanceBackend.stop_instances, InstanceBackend.start_instances, InstanceBackend.reboot_instances

    def stop_instances(self: InstanceBackend, instance_ids: list[str]) -> Any:
        _refuse(self.get_multi_instances_by_id(instance_ids), GONE, "This instance '{id}' is not in a state from which it can be stopped.")
        return stop(self, instance_ids)

    def start_instances(self: InstanceBackend, instance_ids: list[str]) -> Any:
        _refuse(self.get_multi_instances_by_id(instance_ids), GONE, "The instance '{id}' is not in a state from which it can be started.")
        return start(self, instance_ids)

    def reboot_instances(self: InstanceBackend, instance_ids: list[str]) -> Any:
        instances = self.get_multi_instances_by_id(instance_ids)
        _refuse(instances, ("stopping", "stopped"), "The instance '{id}' is not in a state from which it can be rebooted.")
        return reboot(self, [i.id for i in instances if i.state not in GONE])

    InstanceBackend.stop_instances = stop_instances  # type: ignore[method-assign]
    InstanceBackend.start_instances = start_instances  # type: ignore[method-assign]
    InstanceBackend.reboot_instances = reboot_instances  # type: ignore[method-assign]


def patch_run_instances() -> None:
    run = InstanceResponse.run_instances

    def run_instances(self: InstanceResponse) -> ActionResult:
        result = run(self)
        instances = result.result.instances  # type: ignore[attr-defined]
        if _truthy(self._get_param("DisableApiTermination")):
            for instance in instances:
                instance.disable_api_termination = True
        name, arn = self._get_param("IamInstanceProfile.Name"), self._get_param("IamInstanceProfile.Arn")
        if name or arn:
            # moto associated the first one already.
            for instance in instances[1:]:
                self.ec2_backend.associate_iam_instance_profile(
                    instance_id=instance.id, iam_instance_profile_name=name, iam_instance_profile_arn=arn,
                )
        return result

    InstanceResponse.run_instances = run_instances  # type: ignore[method-assign]


def apply() -> None:
    patch_state_changes()
    patch_run_instances()
