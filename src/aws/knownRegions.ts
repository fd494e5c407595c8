import type { AwsService } from './awsService';
import type { RegionInfo } from './model';

/** The regions among `targets` the account cannot use: unknown to EC2, or not enabled (opt-in regions). */
export function checkRegionsEnabled(targets: readonly string[], regions: readonly RegionInfo[]): string | undefined {
  const byName = new Map(regions.map((r) => [r.name, r]));
  const unknown = targets.filter((t) => !byName.has(t));
  if (unknown.length) {
    return `${unknown.join(', ')} ${unknown.length > 1 ? 'are not AWS regions' : 'is not an AWS region'} this account knows. `
      + `Pick from: ${regions.filter((r) => r.optInStatus !== 'not-opted-in').map((r) => r.name).join(', ')}.`;
  }
  const disabled = targets.filter((t) => byName.get(t)?.optInStatus === 'not-opted-in');
  if (disabled.length) {
    return `${disabled.join(', ')} ${disabled.length > 1 ? 'are' : 'is'} not enabled for this account. `
      + 'Enable it in the AWS console (Account → AWS Regions) first.';
  }
  return undefined;
}

/**
 * Throws unless every region is one EC2 lists and enabled for this account: a call to a region EC2 does not have
 * fails with no useful message. The list is the connection's, read once (the views read it too); when it cannot be
 * read (a narrow IAM policy), EC2's own answer decides.
 */
export async function ensureKnownRegions(aws: AwsService, regions: readonly string[]): Promise<void> {
  const known = await aws.knownRegionList();
  const problem = known?.length ? checkRegionsEnabled(regions, known) : undefined;
  if (problem) {
    throw new Error(problem);
  }
}
