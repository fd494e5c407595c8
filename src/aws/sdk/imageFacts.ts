import { DescribeImageAttributeCommand, GetAllowedImagesSettingsCommand } from '@aws-sdk/client-ec2';
import type { AllowedImagesSettings, Connection } from '../model';
import { ec2Client } from './clients';

/** When the image last launched an instance, or undefined when it never did (owners only). */
export async function imageLastLaunched(connection: Connection, region: string, imageId: string, signal?: AbortSignal): Promise<string | undefined> {
  const out = await ec2Client(connection, region).send(
    new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'lastLaunchedTime' }),
    { abortSignal: signal },
  );
  return out.LastLaunchedTime?.Value || undefined;
}

/** The account's Allowed AMIs state and criteria in the region. */
export async function allowedImagesSettings(connection: Connection, region: string, signal?: AbortSignal): Promise<AllowedImagesSettings> {
  const out = await ec2Client(connection, region).send(new GetAllowedImagesSettingsCommand({}), { abortSignal: signal });
  return {
    state: out.State ?? 'disabled',
    managedBy: out.ManagedBy,
    criteria: (out.ImageCriteria ?? []).map((c) => ({
      providers: c.ImageProviders ?? [],
      names: c.ImageNames ?? [],
      marketplaceProductCodes: c.MarketplaceProductCodes ?? [],
      maxDaysSinceCreated: c.CreationDateCondition?.MaximumDaysSinceCreated,
      maxDaysSinceDeprecated: c.DeprecationTimeCondition?.MaximumDaysSinceDeprecated,
    })),
  };
}
