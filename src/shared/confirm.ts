import * as vscode from 'vscode';

/** A modal question as asked: its text and the choices besides Cancel. */
export interface ShownModal {
  readonly message: string;
  readonly detail: string;
  readonly actions: readonly string[];
}

/** Answers modals in the person's place: the choice, or undefined for Cancel. */
export type ModalAnswerer = (modal: ShownModal) => string | undefined;

let answerer: ModalAnswerer | undefined;

/**
 * Tests only (through the extension's testing hooks): answers each modal question with `answer` instead of showing
 * it, until disposed. VS Code refuses to show modal dialogs under test, so without this no test could accept one.
 */
export function answerModalsWith(answer: ModalAnswerer): vscode.Disposable {
  answerer = answer;
  return new vscode.Disposable(() => {
    if (answerer === answer) {
      answerer = undefined;
    }
  });
}

/**
 * A modal question before anything destructive: `message` names what will be lost, `detail` the consequences.
 * True only when the person chose `action`.
 */
export async function confirmDestructive(message: string, detail: string, action: string): Promise<boolean> {
  const choice = answerer ? answerer({ message, detail, actions: [action] }) : await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
  return choice === action;
}
