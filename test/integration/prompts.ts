// Answering the UI a command shows, the way a person would, and reading what it told them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ShownSummary } from '../../src/shared/summaryStep';
import type { TestingApi } from './helpers';

/**
 * Starts `run` (a command), waits for its summary, answers it (accept or cancel) and returns both. Fails when the
 * command ends without showing a summary: every command that changes AWS must show one.
 */
export async function answerSummary<T>(api: TestingApi, run: () => Thenable<T>, answer: 'accept' | 'cancel'): Promise<{ summary: ShownSummary; result: T }> {
  let listener: vscode.Disposable | undefined;
  const shown = new Promise<ShownSummary>((resolve) => {
    listener = api.onDidShowSummary(resolve);
  });
  const running = Promise.resolve(run());
  try {
    const summary = await Promise.race([shown, running.then(() => undefined)]);
    assert.ok(summary, 'the command showed its summary before finishing');
    await vscode.commands.executeCommand(answer === 'accept' ? 'workbench.action.acceptSelectedQuickOpenItem' : 'workbench.action.closeQuickOpen');
    return { summary, result: await running };
  } finally {
    listener?.dispose();
  }
}

/** Runs a command and returns the error or warning it showed; fails when it showed none. */
export async function noticeOf(api: TestingApi, run: () => Thenable<unknown>): Promise<string> {
  const seen: string[] = [];
  const listener = api.onDidNotify((n) => seen.push(n.message));
  try {
    await run();
  } finally {
    listener.dispose();
  }
  assert.ok(seen.length, 'the command told the person what went wrong');
  return seen.join('\n');
}
