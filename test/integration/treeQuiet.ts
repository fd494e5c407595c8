import type * as vscode from 'vscode';

/**
 * Resolves once a view's provider has fired no change for `quietMs`: settings changed by a suite (or restored by
 * the one before) rebuild the whole tree a moment later, which would drop a selection made meanwhile.
 */
export function treeQuiet(provider: { onDidChangeTreeData: vscode.Event<unknown> }, quietMs = 500, maxMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(timer);
      clearTimeout(limit);
      sub.dispose();
      resolve();
    };
    const limit = setTimeout(done, maxMs);
    const sub = provider.onDidChangeTreeData(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    timer = setTimeout(done, quietMs);
  });
}
