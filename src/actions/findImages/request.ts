// The find action's input object and matching, checked and worded without AWS. Pure.
import type { ImageInfo } from '../../aws/model';
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

/** One region's answer for one scope: its matches, or why it could not be searched. */
export type SearchAnswer =
  | { readonly region: string; readonly scope: 'owned' | 'shared'; readonly images: readonly ImageInfo[] }
  | { readonly region: string; readonly scope: 'owned' | 'shared'; readonly failure: string };

export interface SearchFailure {
  readonly region: string;
  readonly scope: 'owned' | 'shared';
  readonly reason: string;
}

/**
 * The matches so far, as regions answer: newest first, at most `maxFound`, the id prefix applied; the searches that
 * failed, named; and how many of the searches (a region's owned or shared images) have answered.
 */
export class FoundImages {
  private readonly byKey = new Map<string, ImageInfo>();
  private readonly failed: SearchFailure[] = [];
  private answeredCount = 0;

  constructor(readonly searches: number, private readonly idPrefix?: string) {}

  record(answer: SearchAnswer): void {
    this.answeredCount++;
    if ('failure' in answer) {
      this.failed.push({ region: answer.region, scope: answer.scope, reason: answer.failure });
      return;
    }
    for (const image of answer.images) {
      if (!this.idPrefix || image.id.startsWith(this.idPrefix)) {
        this.byKey.set(`${image.region}/${image.id}`, image);
      }
    }
  }

  get answered(): number {
    return this.answeredCount;
  }

  get complete(): boolean {
    return this.answeredCount >= this.searches;
  }

  /** Newest first, cut to `maxFound`. */
  images(): ImageInfo[] {
    return [...this.byKey.values()].sort((a, b) => (b.creationDate ?? '').localeCompare(a.creationDate ?? '')).slice(0, maxFound);
  }

  /** Whether more matched than are kept. */
  get more(): boolean {
    return this.byKey.size > maxFound;
  }

  /** The searches that failed, in the order they failed. */
  failures(): readonly SearchFailure[] {
    return this.failed;
  }

  /** "3 images found so far (2 of 4 searches answered)", then "3 images found", or "500+ images found". */
  title(): string {
    const n = this.images().length;
    const found = `${n}${this.more ? '+' : ''} ${n === 1 && !this.more ? 'image' : 'images'} found`;
    return this.complete ? found : `${found} so far (${this.answeredCount} of ${this.searches} searches answered)`;
  }
}
