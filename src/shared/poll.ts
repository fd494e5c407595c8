// Waiting for work EC2 does in its own time (an AMI usage report), asking again less and less often, until it is
// done, a deadline passes or the caller cancels. Pure: the clock and the sleep can be handed in.

export interface PollOptions {
  /** Waits between reads; the last repeats. */
  readonly intervalsMs: readonly number[];
  /** Give up after this long (the last read is still made). */
  readonly deadlineMs: number;
  readonly signal?: AbortSignal;
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** The last value read, and whether it was done or the deadline passed first. */
export interface PollResult<T> {
  readonly value: T;
  readonly done: boolean;
  /** Reads made. */
  readonly reads: number;
}

function abortError(): Error {
  return Object.assign(new Error('Cancelled.'), { name: 'AbortError' });
}

/** A sleep that an abort ends at once, rejecting with an AbortError. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Reads until `isDone(value)`, waiting `intervalsMs` between reads, never sleeping past the deadline. A failed read
 * rejects; a cancel rejects with an AbortError.
 */
export async function pollUntil<T>(read: () => Promise<T>, isDone: (value: T) => boolean, options: PollOptions): Promise<PollResult<T>> {
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? sleep;
  const until = now() + options.deadlineMs;
  for (let reads = 1; ; reads++) {
    options.signal?.throwIfAborted();
    const value = await read();
    if (isDone(value)) {
      return { value, done: true, reads };
    }
    const left = until - now();
    if (left <= 0) {
      return { value, done: false, reads };
    }
    const interval = options.intervalsMs[Math.min(reads - 1, options.intervalsMs.length - 1)] ?? 1000;
    await wait(Math.min(interval, left), options.signal);
  }
}
