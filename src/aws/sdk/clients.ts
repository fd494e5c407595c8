import { EC2Client } from '@aws-sdk/client-ec2';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Connection } from '../model';

const requestTimeoutMs = 20_000;
const connectionTimeoutMs = 5_000;

const credentialProviders = new Map<string, AwsCredentialIdentityProvider>();
const clients = new Map<string, EC2Client>();

/** One provider per profile, so SSO / assume-role sessions are resolved once and shared by every region. */
export function credentialsFor(profile: string): AwsCredentialIdentityProvider {
  let provider = credentialProviders.get(profile);
  if (!provider) {
    provider = fromNodeProviderChain(profile ? { profile } : {});
    credentialProviders.set(profile, provider);
  }
  return provider;
}

/** Clients are cached per profile + region + endpoint: each keeps its own connection pool and retry budget. */
export function ec2Client(connection: Connection, region: string): EC2Client {
  const key = `${connection.profile}\u0000${region}\u0000${connection.endpoint ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    client = new EC2Client({
      region,
      profile: connection.profile || undefined,
      credentials: credentialsFor(connection.profile),
      endpoint: connection.endpoint || undefined,
      retryMode: 'adaptive',
      maxAttempts: 4,
      requestHandler: { requestTimeout: requestTimeoutMs, connectionTimeout: connectionTimeoutMs },
    });
    clients.set(key, client);
  }
  return client;
}

/** The region the profile (or AWS_REGION) names, as the SDK resolves it; undefined when none is configured. */
export async function profileRegion(connection: Connection): Promise<string | undefined> {
  const probe = new EC2Client({ profile: connection.profile || undefined });
  try {
    return await probe.config.region();
  } catch {
    return undefined;
  } finally {
    probe.destroy();
  }
}

/** Forget clients and cached credentials (after a profile change or an `aws sso login`). */
export function resetClients(): void {
  for (const client of clients.values()) {
    client.destroy();
  }
  clients.clear();
  credentialProviders.clear();
}
