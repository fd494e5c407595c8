import * as vscode from 'vscode';
import { isCancellation } from './cancellation';

export type ReportProgress = (message: string, increment?: number) => void;

/**
 * Runs a long step under a cancellable notification. Cancelling aborts the signal, which AWS calls and the SDK's
 * waiters take, so the work stops rather than finishing unseen.
 */
export async function withProgress<T>(title: string, task: (report: ReportProgress, signal: AbortSignal) => Promise<T>): Promise<T> {
  return vscode.window.withProgress<T>(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const cancelled = token.onCancellationRequested(() => abort.abort());
      try {
        return await task((message, increment) => progress.report({ message, increment }), abort.signal);
      } finally {
        cancelled.dispose();
      }
    },
  );
}

/**
 * Waits for work EC2 has already accepted (an image, instances). False when the person cancelled: EC2 goes on,
 * only the waiting stops, so the caller keeps the ids. Any other failure becomes `failure(reason)`.
 */
export async function waitForAccepted(wait: () => Promise<unknown>, failure: (reason: string) => string): Promise<boolean> {
  try {
    await wait();
    return true;
  } catch (error) {
    if (isCancellation(error)) {
      return false;
    }
    throw new Error(failure(error instanceof Error ? error.message : String(error)));
  }
}
