// The lookup answers globalState keeps across reloads: compact images, each list of regions searched once, the
// whole deflated, so 5,000 answers stay well under a megabyte. Pure (Node's zlib only).
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ImageInfo } from '../aws/model';
import type { Resolution } from './imageResolver';

type PackedAnswer = Resolution | (Omit<Extract<Resolution, { kind: 'notFound' }>, 'searched'> & { readonly searched: number });

/** What globalState holds. */
export interface Persisted {
  readonly connection: string;
  /** base64 of the deflated JSON of `{ regionLists, entries }`. */
  readonly data: string;
}

/** The SDK's response and the block devices are for the details page, which fetches its own. */
export function compactImage(image: ImageInfo): ImageInfo {
  return { ...image, raw: undefined, blockDevices: [] };
}

export function pack(connection: string, answers: readonly Resolution[]): Persisted {
  const lists = new Map<string, number>();
  const regionLists: string[][] = [];
  const entries = answers.map((r): PackedAnswer => {
    if (r.kind === 'found') {
      return { ...r, images: r.images.map(compactImage) };
    }
    if (r.kind !== 'notFound') {
      return r;
    }
    const key = r.searched.join(',');
    let index = lists.get(key);
    if (index === undefined) {
      index = regionLists.push([...r.searched]) - 1;
      lists.set(key, index);
    }
    return { ...r, searched: index };
  });
  return { connection, data: deflateRawSync(JSON.stringify({ regionLists, entries })).toString('base64') };
}

/** The answers of a stored value, or undefined when it is missing, of an older form or damaged (then looked up anew). */
export function readPersisted(value: unknown): { connection: string; answers: Resolution[] } | undefined {
  const stored = value as Partial<Persisted> | undefined;
  if (typeof stored?.connection !== 'string' || typeof stored.data !== 'string') {
    return undefined;
  }
  try {
    const { regionLists, entries } = JSON.parse(inflateRawSync(Buffer.from(stored.data, 'base64')).toString('utf8')) as { regionLists: string[][]; entries: PackedAnswer[] };
    const answers = entries.flatMap((e): Resolution[] => {
      if (e.kind !== 'notFound' || Array.isArray(e.searched)) {
        return [e as Resolution];
      }
      const searched = regionLists[e.searched as number];
      return searched ? [{ ...e, searched }] : [];
    });
    return { connection: stored.connection, answers };
  } catch {
    return undefined;
  }
}
