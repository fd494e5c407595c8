// How many AWS calls may be in flight at once, per account and region. EC2 throttles per account and region, and
// the editor shares that quota with the deploys that matter: the tree, the code features and the actions wait
// their turn here. A throttling answer halves the region's allowance and pauses it; successes win it back one
// call at a time. Pure: no SDK, no VS Code.

export interface BudgetOptions {
  /** In-flight calls allowed per key when nothing is throttled. */
  readonly maxInFlight?: number;
  /** Pause after a throttling answer before the next call starts, doubled while throttling goes on. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Successes needed to win one more slot back. */
  readonly recoverAfter?: number;
}

interface Lane {
  limit: number;
  inFlight: number;
  /** Calls in flight at most, since the lane was made: what the load benchmark prints. */
  peak: number;
  successes: number;
  backoffMs: number;
  pausedUntil: number;
  readonly waiting: { readonly start: () => void; readonly signal?: AbortSignal }[];
  timer?: ReturnType<typeof setTimeout>;
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) {
    return reason;
  }
  return Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
}

export class CallBudget {
  private readonly lanes = new Map<string, Lane>();
  private readonly maxInFlight: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly recoverAfter: number;

  constructor(options: BudgetOptions = {}, private readonly now: () => number = Date.now) {
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 4);
    this.backoffMs = options.backoffMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.recoverAfter = Math.max(1, options.recoverAfter ?? 5);
  }

  /**
   * Runs `task` once the key has a free slot; the slot is given back however the task ends. A failure that
   * `isThrottled` recognises shrinks and pauses the lane. Waiting ends early, rejected, when `signal` aborts.
   */
  async run<T>(key: string, task: () => Promise<T>, isThrottled: (error: unknown) => boolean, signal?: AbortSignal): Promise<T> {
    const lane = this.lane(key);
    await this.acquire(lane, signal);
    try {
      const result = await task();
      this.succeeded(lane);
      return result;
    } catch (error) {
      if (isThrottled(error)) {
        this.throttled(lane);
      }
      throw error;
    } finally {
      lane.inFlight--;
      this.pump(lane);
    }
  }

  /** Peak in-flight calls per key since the budget was made (for the load benchmark). */
  peaks(): Record<string, number> {
    return Object.fromEntries([...this.lanes].map(([key, lane]) => [key, lane.peak]));
  }

  /** The current allowance of a key (shrinks under throttling). */
  limit(key: string): number {
    return this.lanes.get(key)?.limit ?? this.maxInFlight;
  }

  private lane(key: string): Lane {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { limit: this.maxInFlight, inFlight: 0, peak: 0, successes: 0, backoffMs: 0, pausedUntil: 0, waiting: [] };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private acquire(lane: Lane, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) {
      return Promise.reject(abortError(signal));
    }
    return new Promise<void>((resolve, reject) => {
      const entry = {
        signal,
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const i = lane.waiting.indexOf(entry);
        if (i >= 0) {
          lane.waiting.splice(i, 1);
        }
        reject(abortError(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      lane.waiting.push(entry);
      this.pump(lane);
    });
  }

  /** Starts waiting calls while the lane has room and is not paused. */
  private pump(lane: Lane): void {
    const wait = lane.pausedUntil - this.now();
    if (wait > 0) {
      lane.timer ??= setTimeout(() => {
        lane.timer = undefined;
        this.pump(lane);
      }, wait);
      return;
    }
    while (lane.inFlight < lane.limit && lane.waiting.length) {
      const next = lane.waiting.shift()!;
      lane.inFlight++;
      lane.peak = Math.max(lane.peak, lane.inFlight);
      next.start();
    }
  }

  private succeeded(lane: Lane): void {
    lane.backoffMs = 0;
    if (lane.limit < this.maxInFlight && ++lane.successes >= this.recoverAfter) {
      lane.limit++;
      lane.successes = 0;
    }
  }

  private throttled(lane: Lane): void {
    lane.limit = Math.max(1, Math.floor(lane.limit / 2));
    lane.successes = 0;
    lane.backoffMs = Math.min(this.maxBackoffMs, lane.backoffMs ? lane.backoffMs * 2 : this.backoffMs);
    lane.pausedUntil = this.now() + lane.backoffMs;
  }
}
