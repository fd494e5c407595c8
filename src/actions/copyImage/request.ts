// The copy action's inputs and outcome, checked and worded without AWS. Pure: unit-tested.
import { joinAnd } from '../../shared/format';
import type { ActionSummary } from '../../shared/summaryText';
import { checkWith, isBoolean, optional, readOptions, required, type Schema } from '../../shared/options';
import { checkImageId, checkImageName, checkRegion, checkRegions } from '../../shared/validation';

export interface CopyRequest {
  readonly imageId: string;
  readonly region: string;
  readonly targetRegions: readonly string[];
  /** Undefined: the source's name. */
  readonly name?: string;
  /** Undefined: the source's description. */
  readonly description?: string;
  readonly encrypted: boolean;
  /** KMS key per target region; a region without one uses its default EBS key when encrypting. */
  readonly kmsKeyIds: Readonly<Record<string, string>>;
  readonly copyTags: boolean;
}

const copySchema: Schema = {
  imageId: required(checkWith(checkImageId)),
  region: required(checkWith(checkRegion)),
  targetRegions: required(checkWith(checkRegions)),
  name: optional(checkWith(checkImageName)),
  description: optional((v, key) => (typeof v === 'string' && v.length <= 255 ? undefined : `"${key}" must be a string of up to 255 characters.`)),
  encrypted: optional(isBoolean),
  // One key, or one per target region: checked against the targets below.
  kmsKeyId: optional(() => undefined),
  copyTags: optional(isBoolean),
};

/** Problems with the target regions that need no AWS call: none, duplicates, the source itself. */
export function checkTargetRegions(source: string, targets: unknown): string | undefined {
  const problem = checkRegions(targets);
  if (problem) {
    return problem;
  }
  const list = (targets as string[]).map((r) => r.trim());
  const duplicate = list.find((r, i) => list.indexOf(r) !== i);
  if (duplicate) {
    return `${duplicate} is listed twice in targetRegions.`;
  }
  if (list.includes(source)) {
    return `The image is already in ${source}: a target region must differ from the source region.`;
  }
  return undefined;
}

/** `kmsKeyId` is one key for every target (an alias such as "alias/golden" exists per region) or one per region. */
function kmsKeyIds(value: unknown, targets: readonly string[]): Record<string, string> {
  if (value === undefined) {
    return {};
  }
  if (typeof value === 'string' && value.trim()) {
    return Object.fromEntries(targets.map((t) => [t, value.trim()]));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    for (const [region, key] of entries) {
      if (!targets.includes(region)) {
        throw new Error(`kmsKeyId names ${region}, which is not one of the target regions (${targets.join(', ')}).`);
      }
      if (typeof key !== 'string' || !key.trim()) {
        throw new Error(`kmsKeyId for ${region} must be a KMS key id, ARN or alias such as "alias/golden-images".`);
      }
    }
    return Object.fromEntries(entries.map(([r, k]) => [r, (k as string).trim()]));
  }
  throw new Error('kmsKeyId must be a KMS key id, ARN or alias ("alias/golden-images"), or { [targetRegion]: key }.');
}

/** The input object, checked whole before anything runs. */
export function parseCopyRequest(input: unknown): CopyRequest {
  const arg = readOptions(input, copySchema, 'Copy image');
  const region = arg.region as string;
  const problem = checkTargetRegions(region, arg.targetRegions);
  if (problem) {
    throw new Error(problem);
  }
  const targetRegions = (arg.targetRegions as string[]).map((r) => r.trim());
  const encrypted = arg.encrypted as boolean | undefined;
  const keys = kmsKeyIds(arg.kmsKeyId, targetRegions);
  if (encrypted === false && Object.keys(keys).length) {
    throw new Error('kmsKeyId encrypts the copy, but encrypted is false: drop one of them.');
  }
  return {
    imageId: arg.imageId as string,
    region,
    targetRegions,
    name: arg.name as string | undefined,
    description: arg.description as string | undefined,
    encrypted: encrypted === true || Object.keys(keys).length > 0,
    kmsKeyIds: keys,
    copyTags: arg.copyTags === true,
  };
}

export type CopyOutcome =
  | { readonly region: string; readonly imageId: string; readonly error?: undefined }
  | { readonly region: string; readonly error: string; /** Set when the copy started, then failed. */ readonly imageId?: string };

export interface CopySummary {
  /** `{ [targetRegion]: newImageId }` of the copies that became available. */
  readonly copies: Record<string, string>;
  readonly failures: readonly { readonly region: string; readonly reason: string }[];
}

export function summarizeCopies(outcomes: readonly CopyOutcome[]): CopySummary {
  const copies: Record<string, string> = {};
  const failures: { region: string; reason: string }[] = [];
  for (const o of outcomes) {
    if (o.error === undefined) {
      copies[o.region] = o.imageId;
    } else {
      failures.push({ region: o.region, reason: o.imageId ? `${o.imageId}: ${o.error}` : o.error });
    }
  }
  return { copies, failures };
}

/** "Copied ami-1 to eu-central-1 (ami-2) and us-east-2 (ami-3)." */
export function copiesSentence(sourceId: string, copies: Readonly<Record<string, string>>): string {
  const parts = Object.entries(copies).map(([region, id]) => `${region} (${id})`);
  return parts.length ? `Copied ${sourceId} to ${joinAnd(parts)}.` : `No copy of ${sourceId} was made.`;
}

/** What a programmatic caller gets when some regions failed: each failure, and the copies that exist anyway. */
export function partialFailureMessage(sourceId: string, summary: CopySummary): string {
  const failed = summary.failures.map((f) => `${f.region}: ${f.reason}`).join('; ');
  const made = Object.keys(summary.copies).length
    ? ` The other copies succeeded and remain: ${Object.entries(summary.copies).map(([r, id]) => `${r}=${id}`).join(', ')}.`
    : ' No copy was made.';
  return `Copying ${sourceId} failed in ${summary.failures.length} region${summary.failures.length > 1 ? 's' : ''} (${failed}).${made}`;
}

/** The summary before copying: what is copied where, under which name, how encrypted, with which tags. */
export function copySummary(request: CopyRequest, source: { readonly name: string; readonly tags: Readonly<Record<string, string>> }, name: string): ActionSummary {
  const n = request.targetRegions.length;
  const encryption = !request.encrypted ? 'not encrypted (as the source, unless it is encrypted)'
    : Object.keys(request.kmsKeyIds).length
      ? `encrypted with ${request.targetRegions.map((r) => `${request.kmsKeyIds[r] ?? 'the default EBS key'} in ${r}`).join(', ')}`
      : 'encrypted with the default EBS key of each region';
  const tags = Object.keys(source.tags).length;
  return {
    title: `Copy ${source.name} (${request.imageId}) to ${joinAnd([...request.targetRegions])}`,
    accept: n === 1 ? 'Copy' : `Copy to ${n} regions`,
    regions: [request.region, ...request.targetRegions],
    lines: [
      `Creates ${n === 1 ? 'a new image' : `${n} new images`} named "${name}" in ${joinAnd([...request.targetRegions])}, from ${request.imageId} in ${request.region}`,
      `Each copy has its own snapshots, billed as EBS snapshot storage in its region`,
      `Encryption: ${encryption}`,
      `Tags: ${request.copyTags && tags ? `the source's ${tags} tag${tags === 1 ? '' : 's'}` : 'none'}`,
    ],
  };
}
