import * as vscode from 'vscode';

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
