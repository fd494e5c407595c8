import { EC2Client } from '@aws-sdk/client-ec2';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { KMSClient } from '@aws-sdk/client-kms';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Connection } from '../model';

/**
 * Per attempt: a server that accepts the connection and then never answers, or trickles bytes, ends the attempt
 * with a TimeoutError (throwOnRequestTimeout; without it the SDK only logs a warning and waits on).
 */
const requestHandler = { connectionTimeout: 3_000, requestTimeout: 10_000, throwOnRequestTimeout: true };

const credentialProviders = new Map<string, AwsCredentialIdentityProvider>();
const clients = new Map<string, { destroy(): void }>();

/** One provider per profile, so SSO / assume-role sessions are resolved once and shared by every region. */
export function credentialsFor(profile: string): AwsCredentialIdentityProvider {
  let provider = credentialProviders.get(profile);
  if (!provider) {
    provider = fromNodeProviderChain(profile ? { profile } : {});
    credentialProviders.set(profile, provider);
  }
  return provider;
}

/** Clients are cached per service + profile + region + endpoint: each keeps its own connection pool and retry budget. */
function cached<C extends { destroy(): void }>(service: string, connection: Connection, region: string, make: () => C): C {
  const key = `${service}\u0000${connection.profile}\u0000${region}\u0000${connection.endpoint ?? ''}`;
  let client = clients.get(key) as C | undefined;
  if (!client) {
    client = make();
    clients.set(key, client);
  }
  return client;
}

/** What every client shares. The endpoint override serves KMS, STS, IAM and SSM too (LocalStack and moto answer every service on one port). */
function common(connection: Connection, region: string) {
  return {
    region,
    credentials: credentialsFor(connection.profile),
    endpoint: connection.endpoint || undefined,
    retryMode: 'adaptive',
    requestHandler,
  };
}

export function ec2Client(connection: Connection, region: string): EC2Client {
  return cached('ec2', connection, region, () => new EC2Client({ ...common(connection, region), profile: connection.profile || undefined, maxAttempts: 4 }));
}

export function kmsClient(connection: Connection, region: string): KMSClient {
  return cached('kms', connection, region, () => new KMSClient({ ...common(connection, region), maxAttempts: 3 }));
}

export function stsClient(connection: Connection, region: string): STSClient {
  return cached('sts', connection, region, () => new STSClient({ ...common(connection, region), maxAttempts: 2 }));
}

/**
 * IAM's client, from a module loaded on its first use only: listing instance profiles is rare. IAM is global; the
 * region only picks the partition's endpoint.
 */
export async function iamClient(connection: Connection, region: string): Promise<IAMClient> {
  const { IAMClient: Client } = await import('@aws-sdk/client-iam');
  return cached('iam', connection, region, () => new Client({ ...common(connection, region), maxAttempts: 3 }));
}

/**
 * SSM's client, from a module loaded on its first use only: only SSM parameters in code need it. Returned with its
 * command so that nothing else imports the module eagerly.
 */
export async function ssmClient(connection: Connection, region: string): Promise<{ client: SSMClient; GetParametersCommand: typeof GetParametersCommand }> {
  const sdk = await import('@aws-sdk/client-ssm');
  const client = cached('ssm', connection, region, () => new sdk.SSMClient({ ...common(connection, region), maxAttempts: 3 }));
  return { client, GetParametersCommand: sdk.GetParametersCommand };
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
