import {
  DisableImageCommand,
  DisableImageDeregistrationProtectionCommand,
  EnableImageCommand,
  EnableImageDeregistrationProtectionCommand,
} from '@aws-sdk/client-ec2';
import type { Connection } from '../model';
import { ec2Client } from './clients';

export async function disableImage(connection: Connection, region: string, imageId: string, signal?: AbortSignal): Promise<void> {
  await ec2Client(connection, region).send(new DisableImageCommand({ ImageId: imageId }), { abortSignal: signal });
}

export async function enableImage(connection: Connection, region: string, imageId: string, signal?: AbortSignal): Promise<void> {
  await ec2Client(connection, region).send(new EnableImageCommand({ ImageId: imageId }), { abortSignal: signal });
}

/** Turns deregistration protection on (with the 24-hour cooldown after it is turned off, if asked) or off. */
export async function setDeregistrationProtection(
  connection: Connection, region: string, imageId: string, protection: { enabled: boolean; cooldown: boolean }, signal?: AbortSignal,
): Promise<void> {
  const client = ec2Client(connection, region);
  await (protection.enabled
    ? client.send(new EnableImageDeregistrationProtectionCommand({ ImageId: imageId, WithCooldown: protection.cooldown }), { abortSignal: signal })
    : client.send(new DisableImageDeregistrationProtectionCommand({ ImageId: imageId }), { abortSignal: signal }));
}
