import * as vscode from 'vscode';

/**
 * A modal question before anything destructive: `message` names what will be lost, `detail` the consequences.
 * True only when the person chose `action`.
 */
export async function confirmDestructive(message: string, detail: string, action: string): Promise<boolean> {
  const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
  return choice === action;
}
