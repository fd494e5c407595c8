// Resolves AMI ids to images across regions: batched, parallel per region, shared while in flight, cached.
// Pure: the EC2 lookup is passed in, so the batching and caching rules are unit-tested on their own.
import type { ImageInfo } from '../aws/model';

export type Resolution =
  /** Found in one or more regions (rare in AWS, common in emulators); `failedRegions` could not be asked. */
  | { readonly kind: 'found'; readonly id: string; readonly images: readonly ImageInfo[]; readonly failedRegions: readonly string[]; readonly at: number }
  /** Not visible in any region searched: deleted, private to another account, or a typo. */
  | { readonly kind: 'notFound'; readonly id: string; readonly searched: readonly string[]; readonly at: number }
  /** No region answered where it could have been: never reported as "not found". */
  | { readonly kind: 'failed'; readonly id: string; readonly errors: readonly { readonly region: string; readonly message: string }[]; readonly at: number };

export interface ResolverOptions {
  /** DescribeImages with the image-id filter: unknown ids simply do not come back (ImageIds would fail the call). */
  readonly lookup: (region: string, ids: readonly string[]) => Promise<readonly ImageInfo[]>;
  readonly regions: () => Promise<readonly string[]>;
  readonly ttlMs: () => number;
  /** A failed lookup is retried only after this long, so views that redraw on every answer cannot loop on it. */
  readonly retryFailedAfterMs?: number;
  /** Called once per finished batch with the answers, e.g. to redraw problems and CodeLenses. */
  readonly onResolved?: (results: readonly Resolution[]) => void;
  /** EC2 takes up to 200 values per filter. */
  readonly batchSize?: number;
  /** How long to gather requests (hovers, CodeLenses) into one batch. */
  readonly gatherMs?: number;
  readonly now?: () => number;
}

interface Waiter {
  readonly resolve: (r: Resolution) => void;
}

export class ImageResolver {
  private readonly cache = new Map<string, Resolution>();
  private readonly inFlight = new Map<string, Promise<Resolution>>();
  private queued = new Map<string, Waiter[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly batchSize: number;
  private readonly gatherMs: number;
  private readonly now: () => number;
  private readonly retryFailedAfterMs: number;

  constructor(private readonly options: ResolverOptions) {
    this.batchSize = Math.max(1, Math.min(200, options.batchSize ?? 200));
    this.gatherMs = options.gatherMs ?? 5;
    this.now = options.now ?? Date.now;
    this.retryFailedAfterMs = options.retryFailedAfterMs ?? 30_000;
  }

  /** A fresh cached answer, synchronously: what a warm hover uses. Failures are kept only briefly. */
  peek(id: string): Resolution | undefined {
    const hit = this.cache.get(id);
    if (!hit) {
      return undefined;
    }
    const ttl = hit.kind === 'failed' ? this.retryFailedAfterMs : this.options.ttlMs();
    return this.now() - hit.at < ttl ? hit : undefined;
  }

  resolve(id: string): Promise<Resolution> {
    const cached = this.peek(id);
    if (cached) {
      return Promise.resolve(cached);
    }
    const running = this.inFlight.get(id);
    if (running) {
      return running;
    }
    const promise = new Promise<Resolution>((resolve) => {
      const waiters = this.queued.get(id) ?? [];
      waiters.push({ resolve });
      this.queued.set(id, waiters);
    });
    this.inFlight.set(id, promise);
    this.timer ??= setTimeout(() => void this.flush(), this.gatherMs);
    return promise;
  }

  resolveAll(ids: readonly string[]): Promise<Resolution[]> {
    return Promise.all([...new Set(ids)].map((id) => this.resolve(id)));
  }

  /** Everything cached, for persisting (failures excluded: they are worth retrying). */
  entries(): Resolution[] {
    return [...this.cache.values()].filter((r) => r.kind !== 'failed');
  }

  /** Restores persisted answers; stale ones are dropped by peek() anyway. */
  load(entries: readonly Resolution[]): void {
    for (const e of entries) {
      if (e.kind !== 'failed') {
        this.cache.set(e.id, e);
      }
    }
  }

  clear(): void {
    this.cache.clear();
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batch = this.queued;
    this.queued = new Map();
    const ids = [...batch.keys()];
    let results: Map<string, Resolution>;
    try {
      results = await this.lookupAll(ids);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results = new Map(ids.map((id) => [id, { kind: 'failed', id, errors: [{ region: '*', message }], at: this.now() }]));
    }
    for (const [id, waiters] of batch) {
      const result = results.get(id)!;
      this.cache.set(id, result);
      this.inFlight.delete(id);
      for (const w of waiters) {
        w.resolve(result);
      }
    }
    this.options.onResolved?.([...results.values()]);
  }

  /** One lookup per region per batch of ids, every region in parallel. */
  private async lookupAll(ids: readonly string[]): Promise<Map<string, Resolution>> {
    const regions = await this.options.regions();
    const found = new Map<string, ImageInfo[]>();
    const failed = new Map<string, string>();
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += this.batchSize) {
      batches.push(ids.slice(i, i + this.batchSize));
    }
    await Promise.all(regions.flatMap((region) => batches.map(async (batch) => {
      try {
        for (const image of await this.options.lookup(region, batch)) {
          const list = found.get(image.id) ?? [];
          list.push(image);
          found.set(image.id, list);
        }
      } catch (error) {
        failed.set(region, error instanceof Error ? error.message : String(error));
      }
    })));
    const at = this.now();
    const results = new Map<string, Resolution>();
    for (const id of ids) {
      const images = (found.get(id) ?? []).sort((a, b) => a.region.localeCompare(b.region));
      if (images.length) {
        results.set(id, { kind: 'found', id, images, failedRegions: [...failed.keys()].sort(), at });
      } else if (failed.size) {
        results.set(id, { kind: 'failed', id, errors: [...failed].map(([region, message]) => ({ region, message })), at });
      } else {
        results.set(id, { kind: 'notFound', id, searched: [...regions], at });
      }
    }
    return results;
  }
}
