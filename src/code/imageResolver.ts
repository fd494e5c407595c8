// Resolves AMI ids to images across regions: batched, parallel per region, shared while in flight, cached.
// Regions settle on their own: an id is answered as soon as the region holding it answers, "not found" waits for
// every region, a region that refuses is skipped and named, and one that fails for now is asked again later.
// Pure: the EC2 lookup is passed in, so the batching and caching rules are unit-tested on their own.
import { setMaxListeners } from 'node:events';
import type { ImageInfo } from '../aws/model';

/** A region that was not searched, and why. */
export interface RegionProblem {
  readonly region: string;
  readonly message: string;
}

export type Resolution =
  /** Found in one or more regions (rare in AWS, common in emulators); `failedRegions` could not be asked. */
  | { readonly kind: 'found'; readonly id: string; readonly images: readonly ImageInfo[]; readonly failedRegions: readonly string[]; readonly at: number }
  /** Not visible in any region searched: deleted, private to another account, or a typo. `denied` were skipped. */
  | { readonly kind: 'notFound'; readonly id: string; readonly searched: readonly string[]; readonly denied?: readonly RegionProblem[]; readonly at: number }
  /**
   * Not found where it was searched, but some regions could not be asked (`errors`): never reported as "not found".
   * `searched` lists those that did answer (empty: the lookup failed outright).
   */
  | { readonly kind: 'failed'; readonly id: string; readonly errors: readonly RegionProblem[]; readonly searched?: readonly string[]; readonly denied?: readonly RegionProblem[]; readonly at: number };

export interface ResolverOptions {
  /** DescribeImages with the image-id filter: unknown ids simply do not come back (ImageIds would fail the call). */
  readonly lookup: (region: string, ids: readonly string[], signal: AbortSignal) => Promise<readonly ImageInfo[]>;
  readonly regions: () => Promise<readonly string[]>;
  readonly ttlMs: () => number;
  /** Regions known to refuse this identity: not asked, and named in the answer. */
  readonly deniedRegions?: () => ReadonlyMap<string, { readonly message: string }>;
  /** A region's failure that will not change by asking again (policy, opt-in): skipped, not retried. */
  readonly isDenial?: (error: unknown) => boolean;
  /** A failed lookup is asked again after this long at first, then twice as long each time, up to maxRetryMs. */
  readonly retryFailedAfterMs?: number;
  readonly maxRetryMs?: number;
  /** Called as answers arrive (an early found id, then each finished batch), e.g. to redraw problems and CodeLenses. */
  readonly onResolved?: (results: readonly Resolution[]) => void;
  /** EC2 takes up to 200 values per filter. */
  readonly batchSize?: number;
  /** How long to gather requests (hovers, CodeLenses) into one batch. */
  readonly gatherMs?: number;
  /** Answers kept at most; the least recently used go first. */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

interface Waiter {
  readonly resolve: (r: Resolution) => void;
}

/** Lookups a failed id gets by itself, about six minutes' worth at the default pauses. */
const maxRetries = 8;

function abortError(): Error {
  return Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ImageResolver {
  /** Insertion order is recency: a hit moves to the end, the front is evicted. */
  private readonly cache = new Map<string, Resolution>();
  private readonly inFlight = new Map<string, Promise<Resolution>>();
  private queued = new Map<string, Waiter[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by clear(): answers of lookups started before are dropped, not cached. */
  private generation = 0;
  private readonly running = new Set<AbortController>();
  private disposed = false;
  /** Failed ids: how many times in a row, and the timer that asks again. */
  private readonly retries = new Map<string, { attempts: number; timer?: ReturnType<typeof setTimeout> }>();
  private readonly batchSize: number;
  private readonly gatherMs: number;
  private readonly now: () => number;
  private readonly retryFailedAfterMs: number;
  private readonly maxRetryMs: number;
  private readonly maxEntries: number;

  constructor(private readonly options: ResolverOptions) {
    this.batchSize = Math.max(1, Math.min(200, options.batchSize ?? 200));
    this.gatherMs = options.gatherMs ?? 5;
    this.now = options.now ?? Date.now;
    this.retryFailedAfterMs = options.retryFailedAfterMs ?? 2_000;
    this.maxRetryMs = options.maxRetryMs ?? 120_000;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /**
   * A fresh cached answer, synchronously: what a warm hover uses. A failure stands while its retry is pending or
   * running (the retry replaces it), so a redraw never waits on a region that is known to be failing.
   */
  peek(id: string): Resolution | undefined {
    const hit = this.cache.get(id);
    if (!hit) {
      return undefined;
    }
    const retrying = hit.kind === 'failed' && (this.retries.get(id)?.timer !== undefined || this.inFlight.has(id));
    const ttl = hit.kind === 'failed' ? this.retryDelay(id) : this.options.ttlMs();
    if (!retrying && this.now() - hit.at >= ttl) {
      return undefined;
    }
    this.cache.delete(id);
    this.cache.set(id, hit);
    return hit;
  }

  /** The answer for `id`. `signal` lets one caller stop waiting; the shared lookup goes on for the others. */
  resolve(id: string, signal?: AbortSignal): Promise<Resolution> {
    const cached = this.peek(id);
    if (cached) {
      return Promise.resolve(cached);
    }
    const shared = this.lookUp(id);
    return signal ? this.untilAborted(shared, signal) : shared;
  }

  /** Joins the lookup of `id` in flight, or queues one, whatever the cache holds. */
  private lookUp(id: string): Promise<Resolution> {
    if (this.disposed) {
      return Promise.resolve({ kind: 'failed', id, errors: [{ region: '*', message: 'The lookup was stopped (the connection changed).' }], at: this.now() });
    }
    let shared = this.inFlight.get(id);
    if (!shared) {
      shared = new Promise<Resolution>((resolve) => {
        const waiters = this.queued.get(id) ?? [];
        waiters.push({ resolve });
        this.queued.set(id, waiters);
      });
      this.inFlight.set(id, shared);
      this.timer ??= setTimeout(() => void this.flush(), this.gatherMs);
    }
    return shared;
  }

  resolveAll(ids: readonly string[], signal?: AbortSignal): Promise<Resolution[]> {
    return Promise.all([...new Set(ids)].map((id) => this.resolve(id, signal)));
  }

  /** Everything cached, for persisting (failures excluded: they are worth retrying). */
  entries(): Resolution[] {
    return [...this.cache.values()].filter((r) => r.kind !== 'failed');
  }

  /** Restores persisted answers; stale ones are dropped by peek() anyway. */
  load(entries: readonly Resolution[]): void {
    for (const e of entries) {
      if (e.kind !== 'failed') {
        this.remember(e);
      }
    }
  }

  /** Forgets every answer and drops lookups in flight: what they answer later is not kept. */
  clear(): void {
    this.generation++;
    this.cache.clear();
    // Waiters of lookups already sent are answered by a new lookup (see flush); queued ones go out as planned.
    this.inFlight.clear();
    for (const controller of this.running) {
      controller.abort();
    }
    this.running.clear();
    for (const retry of this.retries.values()) {
      clearTimeout(retry.timer);
    }
    this.retries.clear();
  }

  /** Stops timers and lookups for good: what answers later is dropped, and nothing is asked again. */
  dispose(): void {
    this.disposed = true;
    this.clear();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queued = new Map();
  }

  private untilAborted(shared: Promise<Resolution>, signal: AbortSignal): Promise<Resolution> {
    if (signal.aborted) {
      return Promise.reject(abortError());
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(abortError());
      signal.addEventListener('abort', onAbort, { once: true });
      void shared.then((r) => {
        signal.removeEventListener('abort', onAbort);
        resolve(r);
      });
    });
  }

  private remember(result: Resolution): void {
    this.cache.delete(result.id);
    this.cache.set(result.id, result);
    while (this.cache.size > this.maxEntries) {
      this.cache.delete(this.cache.keys().next().value!);
    }
  }

  private retryDelay(id: string): number {
    const attempts = this.retries.get(id)?.attempts ?? 1;
    return Math.min(this.maxRetryMs, this.retryFailedAfterMs * 2 ** (attempts - 1));
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batch = this.queued;
    this.queued = new Map();
    const generation = this.generation;
    const controller = new AbortController();
    // Every region's calls of the batch listen to this one signal: more than Node's default of 10 is expected.
    setMaxListeners(0, controller.signal);
    this.running.add(controller);
    const answered = new Set<string>();
    const answer = (results: readonly Resolution[]) => {
      if (generation !== this.generation) {
        return;
      }
      for (const result of results) {
        this.remember(result);
        this.inFlight.delete(result.id);
        if (!answered.has(result.id)) {
          answered.add(result.id);
          for (const w of batch.get(result.id) ?? []) {
            w.resolve(result);
          }
        }
      }
      this.options.onResolved?.(results);
    };
    let results: Resolution[];
    try {
      results = await this.lookupAll([...batch.keys()], controller.signal, answer);
    } catch (error) {
      results = [...batch.keys()].map((id) => ({ kind: 'failed', id, errors: [{ region: '*', message: message(error) }], at: this.now() }));
    } finally {
      this.running.delete(controller);
    }
    if (this.disposed) {
      return;
    }
    if (generation !== this.generation) {
      // Cleared meanwhile: the waiters get an answer of the new generation instead.
      for (const [id, waiters] of batch) {
        for (const w of waiters) {
          void this.resolve(id).then(w.resolve);
        }
      }
      return;
    }
    answer(results);
    this.scheduleRetries(results);
  }

  /**
   * Failed ids are asked again by themselves, sooner at first, then less and less often, up to maxRetries times;
   * after that, only when someone asks.
   */
  private scheduleRetries(results: readonly Resolution[]): void {
    if (this.disposed) {
      return;
    }
    for (const result of results) {
      const retry = this.retries.get(result.id);
      if (result.kind !== 'failed') {
        clearTimeout(retry?.timer);
        this.retries.delete(result.id);
        continue;
      }
      const next = { attempts: (retry?.attempts ?? 0) + 1, timer: undefined as ReturnType<typeof setTimeout> | undefined };
      clearTimeout(retry?.timer);
      this.retries.set(result.id, next);
      if (next.attempts > maxRetries) {
        continue;
      }
      next.timer = setTimeout(() => {
        next.timer = undefined;
        if (this.cache.get(result.id) === result) {
          // The failure stays on show until this lookup replaces it.
          void this.lookUp(result.id);
        }
      }, this.retryDelay(result.id));
      // A pending retry must not keep a test process (or a shutting-down host) alive.
      (next.timer as { unref?: () => void }).unref?.();
    }
  }

  /**
   * One lookup per region per batch of ids, every region in parallel. `early` hears about found ids as soon as
   * their region answers; the full answers come back once every region has settled.
   */
  private async lookupAll(ids: readonly string[], signal: AbortSignal, early: (results: readonly Resolution[]) => void): Promise<Resolution[]> {
    const regions = await this.options.regions();
    const known = this.options.deniedRegions?.() ?? new Map<string, { message: string }>();
    const denied = new Map<string, string>([...known].filter(([r]) => regions.includes(r)).map(([r, e]) => [r, e.message]));
    const asked = regions.filter((r) => !denied.has(r));
    const found = new Map<string, ImageInfo[]>();
    const failed = new Map<string, string>();
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += this.batchSize) {
      batches.push(ids.slice(i, i + this.batchSize));
    }
    await Promise.all(asked.flatMap((region) => batches.map(async (batch) => {
      try {
        const images = await this.options.lookup(region, batch, signal);
        const now = this.now();
        const firsts: Resolution[] = [];
        for (const image of images) {
          const list = found.get(image.id) ?? [];
          list.push(image);
          found.set(image.id, list);
          if (list.length === 1) {
            firsts.push({ kind: 'found', id: image.id, images: [image], failedRegions: [], at: now });
          }
        }
        if (firsts.length) {
          early(firsts);
        }
      } catch (error) {
        if (this.options.isDenial?.(error)) {
          denied.set(region, message(error));
        } else {
          failed.set(region, message(error));
        }
      }
    })));
    const at = this.now();
    const searched = asked.filter((r) => !denied.has(r) && !failed.has(r));
    const deniedList = [...denied].sort(([a], [b]) => a.localeCompare(b)).map(([region, m]) => ({ region, message: m }));
    const errors = [...failed].sort(([a], [b]) => a.localeCompare(b)).map(([region, m]) => ({ region, message: m }));
    return ids.map((id): Resolution => {
      const images = (found.get(id) ?? []).sort((a, b) => a.region.localeCompare(b.region));
      if (images.length) {
        return { kind: 'found', id, images, failedRegions: [...failed.keys()].sort(), at };
      }
      if (failed.size || !searched.length) {
        // Some region could not be asked, or none was: the id may be there.
        return { kind: 'failed', id, errors: errors.length ? errors : deniedList, searched, denied: deniedList, at };
      }
      return { kind: 'notFound', id, searched, denied: deniedList, at };
    });
  }
}
