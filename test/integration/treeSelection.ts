import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';

/** How often the selection is read while it lacks what a test waits for. */
const pollMs = 20;

/**
 * Waits until the view's selection holds what `wanted` accepts; fails after `ms`, naming `what` and the selection.
 *
 * `TreeView.selection` maps what the workbench has selected to the nodes the extension host holds, and refreshing a
 * parent takes its children out of the extension host until the workbench asks for them again. VS Code runs the
 * refreshes asked for right after a first one 200 ms later, and a reveal does not wait for those: a refresh of the
 * revealed node's parent can land after the reveal, and for that moment `selection` lacks the node although the
 * view still shows it selected. Its return fires no event, so the selection is read again until it holds the node.
 */
export async function waitForSelection<T extends { readonly id: string }>(view: vscode.TreeView<T>, wanted: (selection: readonly T[]) => boolean,
  what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!wanted(view.selection) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  const selection = view.selection;
  assert.ok(wanted(selection), `${what}; selection: ${selection.map((n) => n.id).join(', ') || 'none'}`);
}
