// A deadline that really fires: whatever the task does with its signal, the caller hears back by then. Pure.

/** What a call that ran out of time rejects with; `toAwsError` reads it as a timeout. */
export class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`No answer within ${Math.round(ms / 1000)} s.`);
    this.name = 'TimeoutError';
  }
}

function abortError(): Error {
  return Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
}

/**
 * Runs `task` with a signal that aborts when `signal` aborts (rejecting with an AbortError) or when `ms` pass
 * (rejecting with a DeadlineError), even if the task never looks at its signal.
 */
export async function withDeadline<T>(task: (signal: AbortSignal) => Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) {
    throw abortError();
  }
  const controller = new AbortController();
  let reject: (error: Error) => void = () => {};
  // Registered before the task runs, so the deadline's own error wins over what the aborted SDK call throws.
  const ended = new Promise<never>((_, r) => { reject = r; });
  const onAbort = () => {
    const error = abortError();
    reject(error);
    controller.abort(error);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = Number.isFinite(ms) ? setTimeout(() => {
    const error = new DeadlineError(ms);
    reject(error);
    controller.abort(error);
  }, ms) : undefined;
  try {
    return await Promise.race([task(controller.signal), ended]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
