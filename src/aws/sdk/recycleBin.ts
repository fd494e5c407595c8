import { paginateListImagesInRecycleBin, RestoreImageFromRecycleBinCommand } from '@aws-sdk/client-ec2';
import type { Connection, RecycleBinImage, RetentionRule } from '../model';
import { ec2Client } from './clients';
import { rbinRequest } from './rbinRequest';

/** Every image of the account the region's Recycle Bin keeps, soonest to expire first. */
export async function imagesInRecycleBin(connection: Connection, region: string, signal?: AbortSignal): Promise<RecycleBinImage[]> {
  const out: RecycleBinImage[] = [];
  const pages = paginateListImagesInRecycleBin({ client: ec2Client(connection, region), pageSize: 1000 }, {}, { abortSignal: signal });
  for await (const page of pages) {
    signal?.throwIfAborted();
    for (const image of page.Images ?? []) {
      out.push({
        id: image.ImageId ?? '',
        region,
        name: image.Name || image.ImageId || '',
        description: image.Description || undefined,
        enteredAt: image.RecycleBinEnterTime?.toISOString(),
        expiresAt: image.RecycleBinExitTime?.toISOString(),
      });
    }
  }
  return out.sort((a, b) => (a.expiresAt ?? '').localeCompare(b.expiresAt ?? ''));
}

export async function restoreImageFromRecycleBin(connection: Connection, region: string, imageId: string, signal?: AbortSignal): Promise<void> {
  await ec2Client(connection, region).send(new RestoreImageFromRecycleBinCommand({ ImageId: imageId }), { abortSignal: signal });
}

interface RuleSummary {
  Identifier?: string;
}
interface RuleDetail {
  Identifier?: string;
  Description?: string;
  RetentionPeriod?: { RetentionPeriodValue?: number; RetentionPeriodUnit?: string };
  ResourceTags?: { ResourceTagKey?: string; ResourceTagValue?: string }[];
  Status?: string;
}

/**
 * The region's Recycle Bin retention rules for AMIs (rbin ListRules, every page), each read whole (GetRule): only the
 * whole rule says which tags it matches.
 */
export async function imageRetentionRules(connection: Connection, region: string, signal?: AbortSignal): Promise<RetentionRule[]> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await rbinRequest<{ Rules?: RuleSummary[]; NextToken?: string }>(connection, region, {
      method: 'POST', path: '/list-rules', body: { ResourceType: 'EC2_IMAGE', MaxResults: 1000, ...(nextToken ? { NextToken: nextToken } : {}) },
    }, signal);
    ids.push(...(page.Rules ?? []).flatMap((r) => (r.Identifier ? [r.Identifier] : [])));
    nextToken = page.NextToken || undefined;
  } while (nextToken);
  const rules = await Promise.all(ids.map((id) =>
    rbinRequest<RuleDetail>(connection, region, { method: 'GET', path: `/rules/${encodeURIComponent(id)}` }, signal)));
  return rules.map((r) => ({
    id: r.Identifier ?? '',
    description: r.Description || undefined,
    retentionDays: r.RetentionPeriod?.RetentionPeriodValue ?? 0,
    resourceTags: (r.ResourceTags ?? []).flatMap((t) => (t.ResourceTagKey ? [{ key: t.ResourceTagKey, value: t.ResourceTagValue }] : [])),
    status: r.Status,
  }));
}
