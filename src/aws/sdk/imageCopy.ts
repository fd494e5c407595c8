import { CopyImageCommand } from '@aws-sdk/client-ec2';
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
