import type * as vscode from 'vscode';

/** An AbortSignal that follows a VS Code cancellation token, for the SDK calls and waits a provider starts. */
export function signalOf(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) {
    controller.abort();
  } else {
    const listener = token.onCancellationRequested(() => {
      listener.dispose();
      controller.abort();
    });
  }
  return controller.signal;
}

/** True for the rejection of a wait that its caller cancelled. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** A cancel the person asked for: the SDK's abort, or an AwsError of kind "cancelled" (duck-typed: no AWS import here). */
export function isCancellation(error: unknown): boolean {
  return isAbort(error) || (typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === 'cancelled');
}
