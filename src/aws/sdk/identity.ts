import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Connection } from '../model';
import { stsClient } from './clients';

/**
 * The account the credentials belong to, so an image's owner can be called "you". GetCallerIdentity needs no
 * permission; the endpoint override applies as it does to EC2 (LocalStack and moto serve both on one port).
 */
export async function callerAccount(connection: Connection, region: string, signal?: AbortSignal): Promise<string> {
  const identity = await stsClient(connection, region).send(new GetCallerIdentityCommand({}), { abortSignal: signal });
  if (!identity.Account) {
    throw new Error('GetCallerIdentity returned no account');
  }
  return identity.Account;
}
