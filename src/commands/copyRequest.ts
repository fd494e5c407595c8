// The copy action's inputs and outcome, checked and worded without AWS. Pure: unit-tested.
import { checkImageId, checkImageName, checkRegion, checkRegions, ensureValid } from '../shared/validation';

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

const knownOptions = ['imageId', 'region', 'targetRegions', 'name', 'description', 'encrypted', 'kmsKeyId', 'copyTags'];

export function unknownOptions(arg: Record<string, unknown>, known: readonly string[]): string | undefined {
  const unknown = Object.keys(arg).filter((k) => !known.includes(k));
  return unknown.length ? `Unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; expected: ${known.join(', ')}.` : undefined;
}

function optionalBoolean(arg: Record<string, unknown>, key: string): boolean | undefined {
  const v = arg[key];
  if (v !== undefined && typeof v !== 'boolean') {
    throw new Error(`${key} must be true or false.`);
  }
  return v;
}

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

/** The programmatic argument, checked whole before anything runs. */
export function parseCopyRequest(arg: Record<string, unknown>): CopyRequest {
  const extra = unknownOptions(arg, knownOptions);
  if (extra) {
    throw new Error(extra);
  }
  const imageId = (ensureValid(arg.imageId, checkImageId) as string).trim();
  const region = (ensureValid(arg.region, checkRegion) as string).trim();
  const problem = checkTargetRegions(region, arg.targetRegions);
  if (problem) {
    throw new Error(problem);
  }
  const targetRegions = (arg.targetRegions as string[]).map((r) => r.trim());
  if (arg.name !== undefined) {
    ensureValid(arg.name, checkImageName);
  }
  if (arg.description !== undefined && (typeof arg.description !== 'string' || arg.description.length > 255)) {
    throw new Error('description must be a string of up to 255 characters.');
  }
  const encrypted = optionalBoolean(arg, 'encrypted');
  const keys = kmsKeyIds(arg.kmsKeyId, targetRegions);
  if (encrypted === false && Object.keys(keys).length) {
    throw new Error('kmsKeyId encrypts the copy, but encrypted is false: drop one of them.');
  }
  return {
    imageId,
    region,
    targetRegions,
    name: arg.name as string | undefined,
    description: arg.description,
    encrypted: encrypted === true || Object.keys(keys).length > 0,
    kmsKeyIds: keys,
    copyTags: optionalBoolean(arg, 'copyTags') ?? false,
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

export function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
