import { DescribeImageAttributeCommand, DescribeImagesCommand, paginateDescribeImages } from '@aws-sdk/client-ec2';
import type { DescribeImagesCommandInput, Filter } from '@aws-sdk/client-ec2';
import type { Connection, ImageDetails, ImageInfo, ImageQuery, Page } from '../model';
import { ec2Client } from './clients';
import { toImageInfo, toLaunchPermissions } from './convert';

/** Maps the view's query onto DescribeImages so EC2 does the narrowing, not the extension. */
export function describeImagesInput(query: ImageQuery): DescribeImagesCommandInput {
  const filters: Filter[] = [];
  const { filter } = query;
  if (filter.namePattern) {
    filters.push({ Name: 'name', Values: [filter.namePattern] });
  }
  if (filter.architectures?.length) {
    filters.push({ Name: 'architecture', Values: [...filter.architectures] });
  }
  if (filter.states?.length) {
    filters.push({ Name: 'state', Values: [...filter.states] });
  }
  for (const extra of query.extraFilters ?? []) {
    filters.push({ Name: extra.name, Values: [...extra.values] });
  }
  const input: DescribeImagesCommandInput = {
    Filters: filters.length ? filters : undefined,
    IncludeDeprecated: filter.includeDeprecated,
    IncludeDisabled: filter.includeDisabled,
  };
  switch (query.scope) {
    case 'owned':
      input.Owners = ['self'];
      break;
    case 'shared':
      input.ExecutableUsers = ['self'];
      break;
    case 'public':
      input.Owners = query.owners?.length ? [...query.owners] : undefined;
      filters.push({ Name: 'is-public', Values: ['true'] });
      input.Filters = filters;
      break;
  }
  return input;
}

export async function listImagesPage(
  connection: Connection, region: string, query: ImageQuery, pageSize: number, nextToken: string | undefined, signal?: AbortSignal,
): Promise<Page<ImageInfo>> {
  const out = await ec2Client(connection, region).send(
    new DescribeImagesCommand({ ...describeImagesInput(query), MaxResults: Math.max(5, Math.min(1000, pageSize)), NextToken: nextToken }),
    { abortSignal: signal },
  );
  return { items: (out.Images ?? []).map((i) => toImageInfo(i, region)), nextToken: out.NextToken || undefined };
}

/** Every match, newest first, cut to `limit`: EC2 cannot sort, so a saved search reads all its pages. */
export async function newestImages(
  connection: Connection, region: string, query: ImageQuery, limit: number, signal?: AbortSignal,
): Promise<ImageInfo[]> {
  const all: ImageInfo[] = [];
  const pages = paginateDescribeImages(
    { client: ec2Client(connection, region), pageSize: 1000 },
    describeImagesInput(query), { abortSignal: signal },
  );
  for await (const page of pages) {
    signal?.throwIfAborted();
    all.push(...(page.Images ?? []).map((i) => toImageInfo(i, region)));
  }
  all.sort((a, b) => (b.creationDate ?? '').localeCompare(a.creationDate ?? ''));
  return all.slice(0, limit);
}

export async function describeImage(connection: Connection, region: string, imageId: string, signal?: AbortSignal): Promise<ImageDetails> {
  const client = ec2Client(connection, region);
  const out = await client.send(
    new DescribeImagesCommand({ ImageIds: [imageId], IncludeDeprecated: true, IncludeDisabled: true }),
    { abortSignal: signal },
  );
  const image = out.Images?.[0];
  if (!image) {
    throw Object.assign(new Error(`The image ${imageId} does not exist in ${region}, or you cannot see it.`), { name: 'InvalidAMIID.NotFound' });
  }
  let launchPermissions;
  try {
    const attr = await client.send(
      new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'launchPermission' }),
      { abortSignal: signal },
    );
    launchPermissions = toLaunchPermissions(attr.LaunchPermissions);
  } catch (error) {
    // Only the owner may read launch permissions; for anyone else they stay unknown, which is not a failure.
    const code = (error as { name?: string }).name;
    if (code !== 'AuthFailure' && code !== 'UnauthorizedOperation' && code !== 'InvalidAMIID.Unavailable') {
      throw error;
    }
  }
  return { image: toImageInfo(image, region), launchPermissions };
}

/**
 * The images among `ids` visible in one region. The image-id *filter* skips unknown ids, where the ImageIds
 * parameter would fail the whole call on one unknown or malformed id.
 */
export async function findImagesById(connection: Connection, region: string, ids: readonly string[], signal?: AbortSignal): Promise<ImageInfo[]> {
  const found: ImageInfo[] = [];
  const pages = paginateDescribeImages(
    { client: ec2Client(connection, region), pageSize: 1000 },
    { Filters: [{ Name: 'image-id', Values: [...ids] }], IncludeDeprecated: true, IncludeDisabled: true }, { abortSignal: signal },
  );
  for await (const page of pages) {
    signal?.throwIfAborted();
    found.push(...(page.Images ?? []).map((i) => toImageInfo(i, region)));
  }
  return found;
}
