import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { Connection } from '../model';
import { credentialsFor } from './clients';

export interface ProfileInfo {
  readonly name: string;
  /** What kind of profile it is, for the picker's description (never a secret). */
  readonly kind: string;
  readonly region?: string;
}

/** Profiles from ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). */
export async function listProfiles(): Promise<ProfileInfo[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)]);
  return [...names].sort().map((name) => {
    const config = configFile[name] ?? {};
    const kind = config.sso_session || config.sso_start_url ? 'SSO'
      : config.role_arn ? 'assume role'
      : config.credential_process ? 'credential process'
      : credentialsFile[name] ? 'access key'
      : 'config only';
    return { name, kind, region: config.region };
  });
}

/** Resolves credentials without calling EC2: the cheapest way to know whether any are configured. */
export async function checkCredentials(connection: Connection): Promise<void> {
  // The SDK only says "could not load credentials" for a profile that does not exist; say which.
  if (connection.profile && !(await listProfiles()).some((p) => p.name === connection.profile)) {
    throw Object.assign(new Error(`Profile ${connection.profile} could not be found`), { name: 'ProfileNotFound' });
  }
  await credentialsFor(connection.profile)();
}
