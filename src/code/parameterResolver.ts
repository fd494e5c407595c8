// Resolves SSM parameter names to their values, per region: gathered into GetParameters calls of ten names,
// every region in parallel, shared while in flight, cached for the id cache's lifetime. A failed call is "lookup
// incomplete" for its names, never "does not exist", and is asked again on a later request, after a pause that
// doubles with each failure in a row.
// Pure: the SSM call is passed in.
import type { ParameterAnswer } from '../aws/parameterModel';

export type ParameterResolution =
  | { readonly kind: 'found'; readonly region: string; readonly name: string; readonly value: string; readonly dataType: string; readonly at: number }
  /** SSM listed the name under InvalidParameters: no such parameter (or version) in the region. */
  | { readonly kind: 'missing'; readonly region: string; readonly name: string; readonly at: number }
  | { readonly kind: 'failed'; readonly region: string; readonly name: string; readonly message: string; readonly at: number };

export interface ParameterResolverOptions {
  readonly lookup: (region: string, names: readonly string[], signal: AbortSignal) => Promise<ParameterAnswer>;
  readonly ttlMs: () => number;
  readonly onResolved?: (results: readonly ParameterResolution[]) => void;
  /** A failure stands this long before the name is asked again, twice as long after each further failure, up to maxRetryMs. */
  readonly retryFailedAfterMs?: number;
  readonly maxRetryMs?: number;
  readonly gatherMs?: number;
  readonly now?: () => number;
}

/** GetParameters' limit. */
export const namesPerCall = 10;

const key = (region: string, name: string) => `${region}\u0000${name}`;

/** An AMI id as a parameter value. */
export function isImageId(value: string): boolean {
  return /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/.test(value);
}

/** A parameter names an image when SSM says so (aws:ec2:image), or when its value is an AMI id. */
export function namesImage(resolution: ParameterResolution): boolean {
  return resolution.kind === 'found' && (resolution.dataType === 'aws:ec2:image' || isImageId(resolution.value));
}

export class ParameterResolver {
  private readonly cache = new Map<string, ParameterResolution>();
  private readonly inFlight = new Map<string, Promise<ParameterResolution>>();
  private queued = new Map<string, { region: string; name: string; resolve: (r: ParameterResolution) => void }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly controller = new AbortController();
  private generation = 0;
  private readonly now: () => number;
  /** Failures in a row per name and region: a region that keeps failing is asked less and less often. */
  private readonly failures = new Map<string, number>();

  constructor(private readonly options: ParameterResolverOptions) {
    this.now = options.now ?? Date.now;
  }

  peek(region: string, name: string): ParameterResolution | undefined {
    const hit = this.cache.get(key(region, name));
    if (!hit) {
      return undefined;
    }
    const ttl = hit.kind === 'failed' ? this.retryDelay(key(region, name)) : this.options.ttlMs();
    return this.now() - hit.at < ttl ? hit : undefined;
  }

  resolve(region: string, name: string): Promise<ParameterResolution> {
    const cached = this.peek(region, name);
    if (cached) {
      return Promise.resolve(cached);
    }
    const k = key(region, name);
    let shared = this.inFlight.get(k);
    if (!shared) {
      shared = new Promise((resolve) => this.queued.set(k, { region, name, resolve }));
      this.inFlight.set(k, shared);
      this.timer ??= setTimeout(() => void this.flush(), this.options.gatherMs ?? 5);
    }
    return shared;
  }

  private retryDelay(k: string): number {
    const failures = this.failures.get(k) ?? 1;
    return Math.min(this.options.maxRetryMs ?? 120_000, (this.options.retryFailedAfterMs ?? 2_000) * 2 ** (failures - 1));
  }

  /** The answers worth keeping across reloads: a failure is asked again instead. */
  entries(): ParameterResolution[] {
    return [...this.cache.values()].filter((r) => r.kind !== 'failed');
  }

  /** Answers kept from an earlier run; each still expires by the time it was given. */
  load(answers: readonly ParameterResolution[]): void {
    for (const answer of answers) {
      if (answer.kind !== 'failed') {
        this.cache.set(key(answer.region, answer.name), answer);
      }
    }
  }

  clear(): void {
    this.generation++;
    this.cache.clear();
    this.failures.clear();
  }

  dispose(): void {
    this.clear();
    clearTimeout(this.timer);
    this.controller.abort();
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batch = [...this.queued.values()];
    this.queued = new Map();
    const generation = this.generation;
    const byRegion = new Map<string, typeof batch>();
    for (const item of batch) {
      byRegion.set(item.region, [...(byRegion.get(item.region) ?? []), item]);
    }
    const calls: Promise<void>[] = [];
    for (const [region, items] of byRegion) {
      for (let i = 0; i < items.length; i += namesPerCall) {
        calls.push(this.ask(region, items.slice(i, i + namesPerCall), generation));
      }
    }
    await Promise.all(calls);
  }

  private async ask(region: string, items: readonly { name: string; resolve: (r: ParameterResolution) => void }[], generation: number): Promise<void> {
    let results: ParameterResolution[];
    try {
      const answer = await this.options.lookup(region, items.map((i) => i.name), this.controller.signal);
      const at = this.now();
      const found = new Map(answer.found.map((p) => [p.asked, p]));
      const invalid = new Set(answer.invalid);
      results = items.map(({ name }): ParameterResolution => {
        const p = found.get(name);
        if (p) {
          return { kind: 'found', region, name, value: p.value, dataType: p.dataType, at };
        }
        // Neither found nor listed as invalid: SSM did not say, so it is not reported missing.
        return invalid.has(name) ? { kind: 'missing', region, name, at } : { kind: 'failed', region, name, message: 'SSM did not answer for this name.', at };
      });
    } catch (error) {
      const at = this.now();
      const message = error instanceof Error ? error.message : String(error);
      results = items.map(({ name }) => ({ kind: 'failed', region, name, message, at }));
    }
    results.forEach((result, i) => {
      const k = key(region, result.name);
      if (generation === this.generation) {
        this.cache.set(k, result);
        if (result.kind === 'failed') {
          this.failures.set(k, (this.failures.get(k) ?? 0) + 1);
        } else {
          this.failures.delete(k);
        }
      }
      this.inFlight.delete(k);
      items[i]!.resolve(result);
    });
    this.options.onResolved?.(results);
  }
}
