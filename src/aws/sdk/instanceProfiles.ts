import type { InstanceProfileInfo } from '../instanceModel';
import type { Connection } from '../model';
import { iamClient } from './clients';

/** Every instance profile of the account, by name, with its roles. */
export async function listInstanceProfiles(connection: Connection, region: string, signal?: AbortSignal): Promise<InstanceProfileInfo[]> {
  const { paginateListInstanceProfiles } = await import('@aws-sdk/client-iam');
  const out: InstanceProfileInfo[] = [];
  const pages = paginateListInstanceProfiles({ client: await iamClient(connection, region), pageSize: 1000 }, {}, { abortSignal: signal });
  for await (const page of pages) {
    signal?.throwIfAborted();
    out.push(...(page.InstanceProfiles ?? []).map((p) => ({
      name: p.InstanceProfileName ?? '', arn: p.Arn ?? '', roles: (p.Roles ?? []).flatMap((r) => (r.RoleName ? [r.RoleName] : [])),
    })));
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
