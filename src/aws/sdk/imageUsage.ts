import {
  CreateImageUsageReportCommand,
  DescribeLaunchTemplatesCommand,
  paginateDescribeImageReferences,
  paginateDescribeImageUsageReportEntries,
  paginateDescribeImageUsageReports,
  paginateDescribeInstances,
  type ImageUsageReport,
  type ResourceTypeRequest,
} from '@aws-sdk/client-ec2';
import { randomUUID } from 'node:crypto';
import type { Connection } from '../model';
import type { ImageReference, UsageReport, UsageReportEntry } from '../usageModel';
import { ec2Client } from './clients';

/**
 * Every kind of resource EC2 can check. Instances only while they can still run (EC2's default counts terminated
 * ones too, which use nothing); launch templates at EC2's default depth, the 10 newest versions.
 */
const referenceTypes: ResourceTypeRequest[] = [
  { ResourceType: 'ec2:Instance', ResourceTypeOptions: [{ OptionName: 'state-name', OptionValues: ['pending', 'running', 'shutting-down', 'stopping', 'stopped'] }] },
  { ResourceType: 'ec2:LaunchTemplate' },
  { ResourceType: 'ssm:Parameter' },
  { ResourceType: 'imagebuilder:ImageRecipe' },
  { ResourceType: 'imagebuilder:ContainerRecipe' },
];

/** The caller's resources that name one of `imageIds` (at most 10: EC2's limit per call), every page. */
export async function imageReferences(connection: Connection, region: string, imageIds: readonly string[], signal?: AbortSignal): Promise<ImageReference[]> {
  const found: ImageReference[] = [];
  const pages = paginateDescribeImageReferences(
    { client: ec2Client(connection, region) },
    { ImageIds: [...imageIds], ResourceTypes: referenceTypes }, { abortSignal: signal },
  );
  for await (const page of pages) {
    signal?.throwIfAborted();
    for (const ref of page.ImageReferences ?? []) {
      if (ref.ImageId && ref.ResourceType && ref.Arn) {
        found.push({ imageId: ref.ImageId, resourceType: ref.ResourceType, arn: ref.Arn });
      }
    }
  }
  return found;
}

/** The Name tag of each instance among `ids` that has one. The id filter skips ids that are gone. */
export async function instanceNames(connection: Connection, region: string, ids: readonly string[], signal?: AbortSignal): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  const pages = paginateDescribeInstances(
    { client: ec2Client(connection, region), pageSize: 1000 },
    { Filters: [{ Name: 'instance-id', Values: [...ids] }] }, { abortSignal: signal },
  );
  for await (const page of pages) {
    signal?.throwIfAborted();
    for (const instance of (page.Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
      const name = instance.Tags?.find((t) => t.Key === 'Name')?.Value;
      if (instance.InstanceId && name) {
        names[instance.InstanceId] = name;
      }
    }
  }
  return names;
}

/** The name of each launch template among `ids`. */
export async function launchTemplateNames(connection: Connection, region: string, ids: readonly string[], signal?: AbortSignal): Promise<Record<string, string>> {
  const out = await ec2Client(connection, region).send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [...ids] }), { abortSignal: signal });
  return Object.fromEntries((out.LaunchTemplates ?? []).flatMap((t) => (t.LaunchTemplateId && t.LaunchTemplateName ? [[t.LaunchTemplateId, t.LaunchTemplateName]] : [])));
}

/** Starts an AMI usage report on the instances and launch templates of every other account; returns its id. */
export async function createImageUsageReport(connection: Connection, region: string, imageId: string, signal?: AbortSignal): Promise<string> {
  const out = await ec2Client(connection, region).send(new CreateImageUsageReportCommand({
    ImageId: imageId,
    ResourceTypes: [{ ResourceType: 'ec2:Instance' }, { ResourceType: 'ec2:LaunchTemplate' }],
    // A retried request must not start a second report.
    ClientToken: randomUUID(),
  }), { abortSignal: signal });
  if (!out.ReportId) {
    throw new Error(`EC2 started no usage report for ${imageId} in ${region}.`);
  }
  return out.ReportId;
}

function toUsageReport(report: ImageUsageReport): UsageReport | undefined {
  if (!report.ReportId || !report.ImageId) {
    return undefined;
  }
  return {
    reportId: report.ReportId,
    imageId: report.ImageId,
    state: report.State ?? 'pending',
    stateReason: report.StateReason,
    creationTime: report.CreationTime?.toISOString(),
    expirationTime: report.ExpirationTime?.toISOString(),
  };
}

/** The account's usage reports on one image, or the reports with the given ids. */
export async function imageUsageReports(
  connection: Connection, region: string, which: { imageId?: string; reportIds?: readonly string[] }, signal?: AbortSignal,
): Promise<UsageReport[]> {
  const reports: UsageReport[] = [];
  const pages = paginateDescribeImageUsageReports(
    { client: ec2Client(connection, region) },
    { ImageIds: which.imageId ? [which.imageId] : undefined, ReportIds: which.reportIds ? [...which.reportIds] : undefined }, { abortSignal: signal },
  );
  for await (const page of pages) {
    signal?.throwIfAborted();
    reports.push(...(page.ImageUsageReports ?? []).flatMap((r) => toUsageReport(r) ?? []));
  }
  return reports;
}

/** What an available report counted, every page. */
export async function imageUsageReportEntries(connection: Connection, region: string, reportId: string, signal?: AbortSignal): Promise<UsageReportEntry[]> {
  const entries: UsageReportEntry[] = [];
  const pages = paginateDescribeImageUsageReportEntries(
    { client: ec2Client(connection, region) },
    { ReportIds: [reportId] }, { abortSignal: signal },
  );
  for await (const page of pages) {
    signal?.throwIfAborted();
    for (const entry of page.ImageUsageReportEntries ?? []) {
      if (entry.AccountId && entry.ResourceType) {
        entries.push({ accountId: entry.AccountId, resourceType: entry.ResourceType, usageCount: entry.UsageCount ?? 0 });
      }
    }
  }
  return entries;
}
