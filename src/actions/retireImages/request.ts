// The cleanup plan's input object, checked and worded without AWS. Pure.
import { isBoolean, isList, isString, isStringMap, optional, readOptions, required, type Check, type Schema } from '../../shared/options';
import { checkRegion, checkTagKey, checkTagValue } from '../../shared/validation';

export const retireActions = ['deprecate', 'disable', 'deregister'] as const;
export type RetireAction = typeof retireActions[number];

/** Which owned images a plan picks. Every rule narrows; an image must pass them all. */
export interface RetireCriteria {
  /** Undefined: the regions the Images view shows. */
  readonly regions?: readonly string[];
  /** EC2's name filter: `*` and `?` wildcards. */
  readonly namePattern?: string;
  /** Every tag must match exactly. */
  readonly tags: Readonly<Record<string, string>>;
  readonly olderThanDays?: number;
  /** Never launched counts; an unknown last launch does not (it is reported instead). */
  readonly notLaunchedForDays?: number;
  /** Only images nothing in the account refers to (instances, launch templates, parameters, recipes). */
  readonly unreferencedOnly: boolean;
  /** The newest K of each group are kept whatever the other rules say. */
  readonly keepNewest: number;
  /** Images tagged Latest=true are kept. */
  readonly excludeLatest: boolean;
}

export interface RetireRequest {
  readonly criteria: RetireCriteria;
  readonly action: RetireAction;
  /** With deregister only: also delete the snapshots no remaining image uses. */
  readonly deleteSnapshots: boolean;
  readonly dryRun: boolean;
}

/** The newest of each group is kept unless the request says otherwise: retiring the current version is rarely meant. */
export const defaultKeepNewest = 1;

const days: Check = (v, key) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 36_500 ? undefined : `"${key}" must be a whole number of days (0 to 36500), e.g. 30.`);
const count: Check = (v, key) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1000 ? undefined : `"${key}" must be a whole number from 0 to 1000, e.g. 2.`);
const action: Check = (v, key) => (retireActions.includes(v as RetireAction) ? undefined : `"${key}" must be one of ${retireActions.map((a) => `"${a}"`).join(', ')}.`);

const retireSchema: Schema = {
  regions: optional(isList(checkRegion, '["us-east-1"]', { nonEmpty: true })),
  namePattern: optional((v, key) => isString(v, key) ?? (String(v).trim() && String(v).length <= 128 ? undefined : `"${key}" must be 1 to 128 characters, e.g. "pettracker-*".`)),
  tags: optional(isStringMap(checkTagKey, checkTagValue, '{ "Project": "PetTracker" }')),
  olderThanDays: optional(days),
  notLaunchedForDays: optional(days),
  unreferencedOnly: optional(isBoolean),
  keepNewest: optional(count),
  excludeLatest: optional(isBoolean),
  action: required(action),
  deleteSnapshots: optional(isBoolean),
  dryRun: optional(isBoolean),
  confirmed: optional(isBoolean),
};

/**
 * `{ regions?, namePattern?, tags?, olderThanDays?, notLaunchedForDays?, unreferencedOnly?, keepNewest?,
 * excludeLatest?, action, deleteSnapshots?, dryRun?, confirmed? }`. A plan needs a name pattern or a tag (it never
 * sweeps a whole account) and an age rule (it never retires what was just built).
 */
export function parseRetireRequest(input: unknown): RetireRequest {
  const arg = readOptions(input ?? {}, retireSchema, 'Retire images');
  const tags = (arg.tags as Record<string, string> | undefined) ?? {};
  if (!arg.namePattern && !Object.keys(tags).length) {
    throw new Error('Give "namePattern" (e.g. "pettracker-*") or "tags" (e.g. { "Project": "PetTracker" }): a cleanup plan never covers every image of the account.');
  }
  if (arg.olderThanDays === undefined && arg.notLaunchedForDays === undefined) {
    throw new Error('Give "olderThanDays" or "notLaunchedForDays" (e.g. 30): a cleanup plan never retires images regardless of age.');
  }
  const chosen = arg.action as RetireAction;
  if (arg.deleteSnapshots === true && chosen !== 'deregister') {
    throw new Error(`"deleteSnapshots" goes with "action": "deregister" only; ${chosen === 'disable' ? 'a disabled' : 'a deprecated'} image keeps its snapshots.`);
  }
  return {
    criteria: {
      regions: arg.regions as string[] | undefined,
      namePattern: arg.namePattern as string | undefined,
      tags,
      olderThanDays: arg.olderThanDays as number | undefined,
      notLaunchedForDays: arg.notLaunchedForDays as number | undefined,
      unreferencedOnly: arg.unreferencedOnly === true,
      keepNewest: (arg.keepNewest as number | undefined) ?? defaultKeepNewest,
      excludeLatest: arg.excludeLatest !== false,
    },
    action: chosen,
    deleteSnapshots: arg.deleteSnapshots === true,
    dryRun: arg.dryRun === true,
  };
}
