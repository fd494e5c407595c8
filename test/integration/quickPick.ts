import * as vscode from 'vscode';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Answers the QuickPick that opens next by moving `down` items from the first and accepting, as a person at the
 * keyboard would. The pause lets the command reach its QuickPick (a few sandbox calls away).
 *
 * Only for pickers that announce nothing (the profile picker of selectProfile): wizards announce each step as it
 * shows and are answered through WizardScript (wizardScript.ts), without pauses.
 */
export async function answerQuickPick(down: number): Promise<void> {
  await sleep(1500);
  for (let i = 0; i < down; i++) {
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
  }
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}
