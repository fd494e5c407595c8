import { CopyImageCommand, DescribeImagesCommand, waitUntilImageAvailable } from '@aws-sdk/client-ec2';
import { DescribeKeyCommand, paginateListAliases } from '@aws-sdk/client-kms';
import { randomUUID } from 'node:crypto';
import type { CopyImageInput, KmsAlias } from '../imageCopyModel';
import type { Connection } from '../model';
import { ec2Client, kmsClient } from './clients';

/** Copies an image into `targetRegion` (the call goes to the target region) and returns the copy's id. */
export async function copyImageTo(connection: Connection, targetRegion: string, input: CopyImageInput, signal?: AbortSignal): Promise<string> {
  const out = await ec2Client(connection, targetRegion).send(new CopyImageCommand({
    SourceImageId: input.sourceImageId,
    SourceRegion: input.sourceRegion,
    Name: input.name,
    Description: input.description,
    Encrypted: input.encrypted || input.kmsKeyId ? true : undefined,
    KmsKeyId: input.kmsKeyId,
    CopyImageTags: input.copyTags || undefined,
    // Retries after a dropped connection must not start a second copy.
    ClientToken: randomUUID(),
  }), { abortSignal: signal });
  if (!out.ImageId) {
    throw new Error(`CopyImage to ${targetRegion} returned no image id.`);
  }
  return out.ImageId;
}

/** Until the copy is `available` (copies of large images take many minutes); fails when it ends `failed`. */
export async function waitForImageCopy(connection: Connection, region: string, imageId: string, signal?: AbortSignal): Promise<void> {
  await waitUntilImageAvailable(
    { client: ec2Client(connection, region), maxWaitTime: 3 * 3600, minDelay: 15, maxDelay: 60, abortSignal: signal },
    { ImageIds: [imageId] },
  );
}

/** Ids of the caller's images named `name` in `region` (EC2 names are unique per account and region). */
export async function copyNameConflicts(connection: Connection, region: string, name: string, signal?: AbortSignal): Promise<string[]> {
  const out = await ec2Client(connection, region).send(new DescribeImagesCommand({
    Owners: ['self'], Filters: [{ Name: 'name', Values: [name] }], IncludeDeprecated: true, IncludeDisabled: true,
  }), { abortSignal: signal });
  return (out.Images ?? []).flatMap((i) => (i.ImageId ? [i.ImageId] : []));
}

/** The KMS aliases of a region, customer-managed first, then AWS-managed (`alias/aws/…`). */
export async function kmsAliases(connection: Connection, region: string, signal?: AbortSignal): Promise<KmsAlias[]> {
  const client = kmsClient(connection, region);
  const aliases: KmsAlias[] = [];
  for await (const page of paginateListAliases({ client }, {}, { abortSignal: signal })) {
    for (const a of page.Aliases ?? []) {
      if (a.AliasName && a.TargetKeyId) {
        aliases.push({ name: a.AliasName, keyId: a.TargetKeyId, awsManaged: a.AliasName.startsWith('alias/aws/') });
      }
    }
  }
  return aliases.sort((a, b) => Number(a.awsManaged) - Number(b.awsManaged) || a.name.localeCompare(b.name));
}

/** The ARN of a KMS key (id, ARN or alias) in `region`; rejects with KMS's NotFoundException when it is not there. */
export async function kmsKeyArn(connection: Connection, region: string, keyId: string, signal?: AbortSignal): Promise<string> {
  const out = await kmsClient(connection, region).send(new DescribeKeyCommand({ KeyId: keyId }), { abortSignal: signal });
  return out.KeyMetadata?.Arn ?? keyId;
}
