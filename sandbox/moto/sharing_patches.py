"""CopyImage encryption, as EC2 does it; moto 5.2.1 ignores `Encrypted` and `KmsKeyId` on CopyImage.

EC2 encrypts the copy's snapshots when `Encrypted` is true (with `KmsKeyId`, or the region's default EBS key,
`alias/aws/ebs`), keeps an encrypted source's copy encrypted, and refuses a KMS key that does not exist in the
destination region before it copies anything.
"""

from __future__ import annotations

from typing import Any

from moto.core.responses import ActionResult
from moto.ec2.exceptions import EC2ClientError
from moto.ec2.models import ec2_backends
from moto.ec2.responses.amis import AmisResponse
from moto.kms.models import kms_backends

DEFAULT_EBS_KEY = "alias/aws/ebs"


def _truthy(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


def _key_arn(account_id: str, region: str, key_id: str) -> str:
    try:
        return kms_backends[account_id][region].describe_key(key_id).arn
    except Exception as error:  # moto's KMS NotFoundException, or a malformed id
        raise EC2ClientError(
            "InvalidParameterValue",
            f"The KMS key {key_id} does not exist in {region}, or you cannot use it.",
        ) from error


def _source_encrypted(account_id: str, source_region: str, source_id: str) -> bool:
    try:
        source = ec2_backends[account_id][source_region].describe_images(ami_ids=[source_id])[0]
    except Exception:
        return False
    return any((m.get("Ebs") or {}).get("Encrypted") for m in source.block_device_mappings)


def patch_copy_image_encryption() -> None:
    original = AmisResponse.copy_image

    def copy_image(self: AmisResponse) -> ActionResult:
        backend = self.ec2_backend
        kms_key_id = self._get_param("KmsKeyId")
        encrypted = _truthy(self._get_param("Encrypted", False))
        if kms_key_id and not encrypted:
            raise EC2ClientError(
                "InvalidParameterDependency", "The parameter KmsKeyId requires the parameter Encrypted to be set."
            )
        source_encrypted = _source_encrypted(backend.account_id, self._get_param("SourceRegion"), self._get_param("SourceImageId"))
        # Checked before the copy, so a bad key leaves nothing behind.
        key_arn = (
            _key_arn(backend.account_id, backend.region_name, kms_key_id or DEFAULT_EBS_KEY)
            if encrypted or source_encrypted
            else None
        )
        result = original(self)
        if key_arn is None:
            return result
        ami = backend.amis[result.result["ImageId"]]  # type: ignore[index]
        ami.ebs_snapshot.encrypted = True
        ami.ebs_snapshot.kms_key_id = key_arn
        mappings = ami.custom_block_device_mappings or ami.block_device_mappings
        ami.custom_block_device_mappings = [
            {**m, "Ebs": {**m["Ebs"], "Encrypted": True, "KmsKeyId": key_arn}} if "Ebs" in m else m for m in mappings
        ]
        return result

    AmisResponse.copy_image = copy_image  # type: ignore[method-assign]


def apply() -> None:
    patch_copy_image_encryption()
