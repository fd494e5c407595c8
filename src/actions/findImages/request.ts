// The find action's input object and matching, checked and worded without AWS. Pure.
import { isList, isString, isStringMap, optional, readOptions, type Schema } from '../../shared/options';
import { checkRegion, checkTagKey, checkTagValue } from '../../shared/validation';

export interface FindRequest {
  /** EC2's name filter: `*` and `?` wildcards. */
  readonly namePattern?: string;
  /** Every tag must match exactly. */
  readonly tags: Readonly<Record<string, string>>;
  /** The start of the id, e.g. "ami-0abc". */
  readonly idPrefix?: string;
  /** Undefined: the regions the Images view shows. */
  readonly regions?: readonly string[];
}

export interface FoundImage {
  readonly imageId: string;
  readonly region: string;
  readonly name: string;
  readonly state: string;
}

/** Found images at most: a search is for finding a few, not for listing an estate. */
export const maxFound = 500;

const idPrefixPattern = /^ami-[0-9a-f]{0,17}$/;

const findSchema: Schema = {
  namePattern: optional((v, key) => isString(v, key) ?? (String(v).trim() && String(v).length <= 128 ? undefined : `"${key}" must be 1 to 128 characters, e.g. "pettracker-*".`)),
  tags: optional(isStringMap(checkTagKey, checkTagValue, '{ "Project": "PetTracker" }')),
  idPrefix: optional((v, key) => (typeof v === 'string' && idPrefixPattern.test(v.trim()) ? undefined : `"${key}" must be the start of an AMI id, e.g. "ami-0abc".`)),
  regions: optional(isList(checkRegion, '["us-east-1"]', { nonEmpty: true })),
};

/** `{ namePattern?, tags?, idPrefix?, regions? }`, with at least one criterion: a search never lists everything. */
export function parseFindRequest(input: unknown): FindRequest {
  const arg = readOptions(input ?? {}, findSchema, 'Find images');
  const tags = (arg.tags as Record<string, string> | undefined) ?? {};
  if (!arg.namePattern && !Object.keys(tags).length && !arg.idPrefix) {
    throw new Error('Give at least one of "namePattern" (e.g. "pettracker-*"), "tags" (e.g. { "Project": "PetTracker" }) or "idPrefix" (e.g. "ami-0abc").');
  }
  return {
    namePattern: arg.namePattern as string | undefined,
    tags,
    idPrefix: arg.idPrefix as string | undefined,
    regions: arg.regions as string[] | undefined,
  };
}

/** EC2's filters for a request: the name pattern and each tag (the id prefix is matched on the answers). */
export function findFilters(request: FindRequest): { name: string; values: string[] }[] {
  return Object.entries(request.tags).map(([key, value]) => ({ name: `tag:${key}`, values: [value] }));
}

/** What the search box's text means: an id prefix when it starts with "ami-", else a name pattern. */
export function searchText(text: string): Pick<FindRequest, 'namePattern' | 'idPrefix'> {
  const t = text.trim();
  if (idPrefixPattern.test(t)) {
    return { idPrefix: t };
  }
  return { namePattern: /[*?]/.test(t) ? t : `*${t}*` };
}
