"""Who uses an image, as EC2 answers it: DescribeImageReferences and the AMI usage reports.

moto 5.2.1 has neither. DescribeImageReferences lists the caller's own resources that name images (instances,
launch templates, SSM parameters of data type aws:ec2:image; Image Builder recipes are accepted and never found,
as moto has no Image Builder), at most 10 images a call, paged. The usage reports count, per other account, the
instances and launch templates that use an image the caller owns: CreateImageUsageReport starts one (pending),
DescribeImageUsageReports shows it become available (or error), DescribeImageUsageReportEntries reads it, and
DeleteImageUsageReport removes it.

Sandbox-only (not EC2): a report stays pending for SANDBOX_IMAGE_USAGE_REPORT_SECONDS (default 2) after it is
created, then takes its figures at that moment.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import threading
from typing import Any

from moto.core.responses import ActionResult
from moto.ec2.exceptions import EC2ClientError, MalformedAMIIdError
from moto.ec2.models import ec2_backends
from moto.ec2.responses.amis import AmisResponse

import ec2_patches

MAX_IMAGES_PER_REFERENCE_CALL = 10
INSTANCE = "ec2:Instance"
LAUNCH_TEMPLATE = "ec2:LaunchTemplate"
SSM_PARAMETER = "ssm:Parameter"
IMAGE_RECIPE = "imagebuilder:ImageRecipe"
CONTAINER_RECIPE = "imagebuilder:ContainerRecipe"
INSTANCE_STATES = ("pending", "running", "shutting-down", "terminated", "stopping", "stopped")
REFERENCE_VERSION_DEPTH = 10
REPORT_VERSION_DEPTH = 20
MAX_VERSION_DEPTH = 10000
REPORT_ID = re.compile(r"amiur-[0-9a-f]{17}")
ACCOUNT_ID = re.compile(r"\d{12}")


def _error(code: str, message: str) -> EC2ClientError:
    return EC2ClientError(code, message)


def _check_image_ids(image_ids: list[str]) -> None:
    for image_id in image_ids:
        if not ec2_patches.AMI_ID.fullmatch(str(image_id)):
            raise MalformedAMIIdError([image_id])


def _version_depth(values: list[str], default: int) -> int:
    if not values:
        return default
    if len(values) != 1 or not re.fullmatch(r"\d+", str(values[0])) or not 1 <= int(values[0]) <= MAX_VERSION_DEPTH:
        raise _error(
            "InvalidParameterValue",
            f"The value '{','.join(map(str, values))}' for version-depth is not valid. Specify a whole number from 1 to {MAX_VERSION_DEPTH}.",
        )
    return int(values[0])


# The resource types each call takes, and the options each type takes there.
REFERENCE_OPTIONS = {INSTANCE: ("state-name",), LAUNCH_TEMPLATE: ("version-depth",), SSM_PARAMETER: (), IMAGE_RECIPE: (), CONTAINER_RECIPE: ()}
REPORT_OPTIONS = {INSTANCE: (), LAUNCH_TEMPLATE: ("version-depth",)}


def _resource_type_options(requested: list[dict[str, Any]], allowed: dict[str, tuple[str, ...]]) -> dict[str, dict[str, list[str]]]:
    """{resource type: {option name: values}}, refusing what EC2 refuses: unknown types, options and values."""
    options: dict[str, dict[str, list[str]]] = {}
    for item in requested:
        kind = item.get("ResourceType")
        if kind not in allowed:
            raise _error("InvalidParameterValue", f"The resource type '{kind}' is not valid. Valid resource types: {', '.join(allowed)}.")
        opts: dict[str, list[str]] = {}
        for option in item.get("ResourceTypeOptions", []) or []:
            name = option.get("OptionName")
            values = [str(v) for v in option.get("OptionValues", []) or []]
            if name not in allowed[kind]:
                raise _error("InvalidParameterValue", f"The option '{name}' is not valid for the resource type {kind}.")
            if name == "state-name":
                bad = [v for v in values if v not in INSTANCE_STATES]
                if bad or not values:
                    raise _error("InvalidParameterValue", f"The value '{','.join(bad)}' for state-name is not valid. Valid values: {', '.join(INSTANCE_STATES)}.")
            if name == "version-depth":
                _version_depth(values, 1)
            opts[name] = values
        options[kind] = opts
    return options


# ---------------------------------------------------------------------------------------------------------
# What uses an image in one account and region
# ---------------------------------------------------------------------------------------------------------


def _ssm_parameters(account_id: str, region: str) -> list[Any]:
    """The latest version of each SSM parameter of the account and region, without creating its backend."""
    from moto.ssm.models import ssm_backends

    regions = dict.get(ssm_backends, account_id)
    backend = dict.get(regions, region) if regions is not None else None
    if backend is None:
        return []
    return [versions[-1] for versions in list(dict.values(backend._parameters)) if versions]


def _parameter_arn(region: str, account_id: str, name: str) -> str:
    return f"arn:aws:ssm:{region}:{account_id}:parameter/{name.lstrip('/')}"


def _references(backend: Any, image_ids: set[str], kinds: set[str], options: dict[str, dict[str, list[str]]], depth_default: int) -> list[dict[str, str]]:
    """What in the backend's account and region names one of the images, in EC2's order: instances, templates, parameters."""
    region, account = backend.region_name, backend.account_id
    prefix = f"arn:aws:ec2:{region}:{account}"
    refs: list[dict[str, str]] = []
    if INSTANCE in kinds:
        states = options.get(INSTANCE, {}).get("state-name") or list(INSTANCE_STATES)
        for instance in backend.all_instances():
            if instance.image_id in image_ids and instance.state in states:
                refs.append({"ImageId": instance.image_id, "ResourceType": INSTANCE, "Arn": f"{prefix}:instance/{instance.id}"})
    if LAUNCH_TEMPLATE in kinds:
        depth = _version_depth(options.get(LAUNCH_TEMPLATE, {}).get("version-depth", []), depth_default)
        for template in list(backend.launch_templates.values()):
            newest = sorted(template.versions, key=lambda v: v.number, reverse=True)[:depth]
            for image_id in sorted({v.image_id for v in newest} & image_ids):
                refs.append({"ImageId": image_id, "ResourceType": LAUNCH_TEMPLATE, "Arn": f"{prefix}:launch-template/{template.id}"})
    if SSM_PARAMETER in kinds:
        for parameter in _ssm_parameters(account, region):
            if parameter.data_type == "aws:ec2:image" and parameter.value in image_ids:
                refs.append({"ImageId": parameter.value, "ResourceType": SSM_PARAMETER, "Arn": _parameter_arn(region, account, parameter.name)})
    # IMAGE_RECIPE / CONTAINER_RECIPE: moto has no Image Builder, so nothing ever references an image there.
    return refs


def patch_describe_image_references() -> None:
    def describe_image_references(self: AmisResponse) -> ActionResult:
        image_ids = [str(i) for i in self._get_param("ImageIds", []) or []]
        include_all = ec2_patches._truthy(self._get_param("IncludeAllResourceTypes", False))
        requested = self._get_param("ResourceTypes", []) or []
        if not image_ids:
            raise _error("MissingParameter", "The request must contain the parameter ImageIds")
        if len(image_ids) > MAX_IMAGES_PER_REFERENCE_CALL:
            raise _error(
                "InvalidParameterValue",
                f"The number of image IDs ({len(image_ids)}) exceeds the maximum of {MAX_IMAGES_PER_REFERENCE_CALL}. Specify up to {MAX_IMAGES_PER_REFERENCE_CALL} image IDs per request.",
            )
        if not include_all and not requested:
            raise _error("InvalidParameterCombination", "Either IncludeAllResourceTypes or ResourceTypes must be specified.")
        _check_image_ids(image_ids)
        options = _resource_type_options(requested, REFERENCE_OPTIONS)
        max_results = self._get_param("MaxResults")
        if max_results not in (None, "") and int(max_results) < 5:
            raise _error("InvalidParameterValue", f"The value '{max_results}' for MaxResults is not valid. Specify a value of 5 or more.")
        self.error_on_dryrun()
        kinds = set(REFERENCE_OPTIONS) if include_all else set(options)
        refs = _references(self.ec2_backend, set(image_ids), kinds, options, REFERENCE_VERSION_DEPTH)
        page, token = ec2_patches._page(refs, max_results, self._get_param("NextToken"))
        return ActionResult({"ImageReferences": page, "NextToken": token})

    AmisResponse.describe_image_references = describe_image_references  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------------------
# AMI usage reports
# ---------------------------------------------------------------------------------------------------------


class UsageReport:
    def __init__(self, owner: str, region: str, image_id: str, resource_types: list[dict[str, Any]], options: dict[str, dict[str, list[str]]],
                 account_ids: list[str], tags: dict[str, str], created: dt.datetime) -> None:
        self.owner = owner
        self.region = region
        self.id = f"amiur-{secrets.token_hex(9)[:17]}"
        self.image_id = image_id
        self.resource_types = resource_types
        self.options = options
        self.account_ids = account_ids
        self.tags = tags
        self.created = created
        self.ready_at = created + dt.timedelta(seconds=float(os.environ.get("SANDBOX_IMAGE_USAGE_REPORT_SECONDS", "2")))
        self.state = "pending"
        self.state_reason: str | None = None
        self.entries: list[dict[str, Any]] = []

    def settle(self, now: dt.datetime) -> None:
        """Pending until ready_at; then the figures of that moment, or error when the image is gone."""
        if self.state != "pending" or now < self.ready_at:
            return
        owner_backend = dict.get(dict.get(ec2_backends, self.owner) or {}, self.region)
        if owner_backend is None or self.image_id not in owner_backend.amis:
            self.state, self.state_reason = "error", f"The image {self.image_id} no longer exists."
            return
        kinds = set(self.options)
        depth = REPORT_VERSION_DEPTH
        for account_id, regions in list(dict.items(ec2_backends)):
            if account_id == self.owner or (self.account_ids and account_id not in self.account_ids):
                continue
            backend = dict.get(regions, self.region)
            if backend is None:
                continue
            counts: dict[str, int] = {}
            refs = _references(backend, {self.image_id}, kinds, {**self.options, INSTANCE: {"state-name": [s for s in INSTANCE_STATES if s != "terminated"]}}, depth)
            for ref in refs:
                counts[ref["ResourceType"]] = counts.get(ref["ResourceType"], 0) + 1
            for kind, count in sorted(counts.items()):
                self.entries.append({
                    "ResourceType": kind, "ReportId": self.id, "UsageCount": count, "AccountId": account_id,
                    "ImageId": self.image_id, "ReportCreationTime": self.created,
                })
        self.state = "available"

    def describe(self) -> dict[str, Any]:
        return {
            "ImageId": self.image_id,
            "ReportId": self.id,
            "ResourceTypes": self.resource_types,
            "AccountIds": self.account_ids or None,
            "State": self.state,
            "StateReason": self.state_reason,
            "CreationTime": self.created,
            "ExpirationTime": self.created + dt.timedelta(days=30),
            "Tags": [{"Key": k, "Value": v} for k, v in self.tags.items()] or None,
        }


_reports: dict[tuple[str, str], list[UsageReport]] = {}
_tokens: dict[tuple[str, str, str], UsageReport] = {}
_lock = threading.Lock()


def _reports_of(backend: Any) -> list[UsageReport]:
    return _reports.setdefault((backend.account_id, backend.region_name), [])


def _matches(value: str, patterns: list[str]) -> bool:
    return any(ec2_patches._wildcard(str(p)).fullmatch(value) for p in patterns)


def _report_filter(report: UsageReport, name: str, values: list[str]) -> bool:
    if name == "state":
        return report.state in values
    if name == "creation-time":
        return _matches(ec2_patches._iso_ms(report.created), values)
    if name == "tag-key":
        return any(_matches(k, values) for k in report.tags)
    if name.startswith("tag:"):
        key = name[4:]
        return key in report.tags and _matches(report.tags[key], values)
    raise _error("InvalidParameterValue", f"The filter '{name}' is not valid.")


def _entry_filter(entry: dict[str, Any], name: str, values: list[str]) -> bool:
    if name == "account-id":
        return entry["AccountId"] in values
    if name == "resource-type":
        return entry["ResourceType"] in values
    if name == "creation-time":
        return _matches(ec2_patches._iso_ms(entry["ReportCreationTime"]), values)
    raise _error("InvalidParameterValue", f"The filter '{name}' is not valid.")


def _known_report_ids(reports: list[UsageReport], report_ids: list[str]) -> None:
    for report_id in report_ids:
        if not REPORT_ID.fullmatch(report_id):
            raise _error("InvalidImageUsageReportId.Malformed", f"Invalid id: \"{report_id}\"")
        if not any(r.id == report_id for r in reports):
            raise _error("InvalidImageUsageReportId.NotFound", f"The image usage report ID '{report_id}' does not exist")


def _list_param(response: AmisResponse, name: str, limit: int = 200) -> list[str]:
    values = [str(v) for v in response._get_param(name, []) or []]
    if len(values) > limit:
        raise _error("InvalidParameterValue", f"The number of values for {name} ({len(values)}) exceeds the maximum of {limit}.")
    return values


def patch_usage_reports() -> None:
    def create_image_usage_report(self: AmisResponse) -> ActionResult:
        backend = self.ec2_backend
        image_id = self._get_param("ImageId")
        if not image_id:
            raise _error("MissingParameter", "The request must contain the parameter ImageId")
        requested = self._get_param("ResourceTypes", []) or []
        if not requested:
            raise _error("MissingParameter", "The request must contain the parameter ResourceTypes")
        options = _resource_type_options(requested, REPORT_OPTIONS)
        account_ids = _list_param(self, "AccountIds")
        for account_id in account_ids:
            if not ACCOUNT_ID.fullmatch(account_id):
                raise _error("InvalidParameterValue", f"The account ID '{account_id}' is not valid. Specify a 12-digit AWS account ID.")
        tags: dict[str, str] = {}
        for spec in self._get_param("TagSpecifications", []) or []:
            if spec.get("ResourceType") != "image-usage-report":
                raise _error("InvalidParameterValue", f"'{spec.get('ResourceType')}' is not a valid taggable resource type for this operation.")
            tags.update({t.get("Key"): t.get("Value", "") for t in spec.get("Tags", []) or []})
        # Only the owner may report on an image: Malformed, NotFound or AuthFailure as for the other owner-only calls.
        ec2_patches._owned_image(backend, str(image_id))
        self.error_on_dryrun()
        token = self._get_param("ClientToken")
        with _lock:
            key = (backend.account_id, backend.region_name, str(token))
            if token and key in _tokens:
                return ActionResult({"ReportId": _tokens[key].id})
            report = UsageReport(backend.account_id, backend.region_name, str(image_id), requested, options, account_ids, tags, ec2_patches.now())
            _reports_of(backend).append(report)
            if token:
                _tokens[key] = report
        return ActionResult({"ReportId": report.id})

    def asked_reports(self: AmisResponse) -> tuple[list[Any], dict[str, Any]]:
        """The caller's reports the ImageIds and ReportIds ask for (every one when neither is given), settled."""
        image_ids = _list_param(self, "ImageIds")
        report_ids = _list_param(self, "ReportIds")
        _check_image_ids(image_ids)
        self.error_on_dryrun()
        filters = self._filters_from_querystring()
        with _lock:
            reports = list(_reports_of(self.ec2_backend))
            _known_report_ids(reports, report_ids)
            for report in reports:
                report.settle(ec2_patches.now())
        asked = [r for r in reports if (not image_ids or r.image_id in image_ids) and (not report_ids or r.id in report_ids)]
        return asked, filters

    def describe_image_usage_reports(self: AmisResponse) -> ActionResult:
        reports, filters = asked_reports(self)
        chosen = [r for r in reports if all(_report_filter(r, name, list(values)) for name, values in filters.items())]
        page, token = ec2_patches._page([r.describe() for r in chosen], self._get_param("MaxResults"), self._get_param("NextToken"))
        return ActionResult({"ImageUsageReports": page, "NextToken": token})

    def describe_image_usage_report_entries(self: AmisResponse) -> ActionResult:
        reports, filters = asked_reports(self)
        entries = [
            e for r in reports if r.state == "available"
            for e in r.entries if all(_entry_filter(e, name, list(values)) for name, values in filters.items())
        ]
        page, token = ec2_patches._page(entries, self._get_param("MaxResults"), self._get_param("NextToken"))
        return ActionResult({"ImageUsageReportEntries": page, "NextToken": token})

    def delete_image_usage_report(self: AmisResponse) -> ActionResult:
        backend = self.ec2_backend
        report_id = str(self._get_param("ReportId") or "")
        if not report_id:
            raise _error("MissingParameter", "The request must contain the parameter ReportId")
        self.error_on_dryrun()
        with _lock:
            reports = _reports_of(backend)
            _known_report_ids(reports, [report_id])
            reports[:] = [r for r in reports if r.id != report_id]
        return ActionResult({"Return": True})

    AmisResponse.create_image_usage_report = create_image_usage_report  # type: ignore[attr-defined]
    AmisResponse.describe_image_usage_reports = describe_image_usage_reports  # type: ignore[attr-defined]
    AmisResponse.describe_image_usage_report_entries = describe_image_usage_report_entries  # type: ignore[attr-defined]
    AmisResponse.delete_image_usage_report = delete_image_usage_report  # type: ignore[attr-defined]


def apply() -> None:
    patch_describe_image_references()
    patch_usage_reports()
