import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Connection } from '../model';
import { credentialsFor } from './clients';

/**
 * The account the credentials belong to, so an image's owner can be called "you". GetCallerIdentity needs no
 * permission; the endpoint override applies as it does to EC2 (LocalStack and moto serve both on one port).
 */
export async function callerAccount(connection: Connection, region: string): Promise<string> {
  const client = new STSClient({
    region,
    credentials: credentialsFor(connection.profile),
    endpoint: connection.endpoint || undefined,
    maxAttempts: 2,
    requestHandler: { requestTimeout: 10_000, connectionTimeout: 5_000 },
  });
  try {
    const identity = await client.send(new GetCallerIdentityCommand({}));
    if (!identity.Account) {
      throw new Error('GetCallerIdentity returned no account');
    }
    return identity.Account;
  } finally {
    client.destroy();
  }
}
