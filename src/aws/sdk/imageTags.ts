import { CreateTagsCommand, DeleteTagsCommand, paginateDescribeImages, paginateDescribeSnapshots } from '@aws-sdk/client-ec2';
import type { Connection, ImageInfo } from '../model';
import { ec2Client } from './clients';
import { toImageInfo } from './convert';

/** Adds or overwrites tags on images and snapshots alike (CreateTags takes any taggable resource). */
export async function createTags(
  connection: Connection, region: string, resourceIds: readonly string[], tags: Readonly<Record<string, string>>, signal?: AbortSignal,
): Promise<void> {
  const entries = Object.entries(tags);
  if (!resourceIds.length || !entries.length) {
    return;
  }
  await ec2Client(connection, region).send(
    new CreateTagsCommand({ Resources: [...resourceIds], Tags: entries.map(([Key, Value]) => ({ Key, Value })) }),
    { abortSignal: signal },
  );
}

/**
 * Removes tags by key; a key mapped to a value is removed only where it has that value (EC2's own rule), so
 * "Latest=true" comes off without touching a "Latest=false" someone set on purpose.
 */
export async function deleteTags(
  connection: Connection, region: string, resourceIds: readonly string[], tags: Readonly<Record<string, string | undefined>>, signal?: AbortSignal,
): Promise<void> {
  const entries = Object.entries(tags);
  if (!resourceIds.length || !entries.length) {
    return;
  }
  await ec2Client(connection, region).send(
    new DeleteTagsCommand({ Resources: [...resourceIds], Tags: entries.map(([Key, Value]) => (Value === undefined ? { Key } : { Key, Value })) }),
    { abortSignal: signal },
  );
}

/** The account's own images in a region carrying every given tag (deprecated and disabled ones included). */
export async function ownedImagesTagged(
  connection: Connection, region: string, tags: Readonly<Record<string, string>>, signal?: AbortSignal,
): Promise<ImageInfo[]> {
  const found: ImageInfo[] = [];
  const pages = paginateDescribeImages(
    { client: ec2Client(connection, region), pageSize: 1000 },
    {
      Owners: ['self'],
      Filters: Object.entries(tags).map(([key, value]) => ({ Name: `tag:${key}`, Values: [value] })),
      IncludeDeprecated: true,
      IncludeDisabled: true,
    }, { abortSignal: signal },
  );
  for await (const page of pages) {
    signal?.throwIfAborted();
    found.push(...(page.Images ?? []).map((i) => toImageInfo(i, region)));
  }
  return found;
}

/** The tags of each snapshot, by id (EC2's per-resource limit applies to snapshots as to images). */
export async function snapshotTags(
  connection: Connection, region: string, snapshotIds: readonly string[], signal?: AbortSignal,
): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  if (!snapshotIds.length) {
    return out;
  }
  const pages = paginateDescribeSnapshots({ client: ec2Client(connection, region) }, { SnapshotIds: [...snapshotIds] }, { abortSignal: signal });
  for await (const page of pages) {
    for (const snapshot of page.Snapshots ?? []) {
      if (snapshot.SnapshotId) {
        out[snapshot.SnapshotId] = Object.fromEntries((snapshot.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
      }
    }
  }
  return out;
}
