import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import type { Connection, RegionInfo } from '../model';
import { ec2Client, profileRegion } from './clients';

/** Every region the account could use, with its opt-in status; asked of the profile's own region. */
export async function listRegions(connection: Connection, signal?: AbortSignal): Promise<RegionInfo[]> {
  const home = (await profileRegion(connection)) ?? 'us-east-1';
  const out = await ec2Client(connection, home).send(new DescribeRegionsCommand({ AllRegions: true }), { abortSignal: signal });
  return (out.Regions ?? [])
    .map((r) => ({ name: r.RegionName ?? '', optInStatus: r.OptInStatus }))
    .filter((r) => r.name)
    .sort((a, b) => a.name.localeCompare(b.name));
}
