import * as vscode from 'vscode';

interface StepFacts {
  /** The wizard's title, e.g. "Copy image". */
  readonly wizard: string;
  /** The step's title as shown, without its number, e.g. "Copy image: name of the copies". */
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  readonly canGoBack: boolean;
}

/**
 * A step on screen, ready for an answer (its list loaded, or filling in), with the live QuickPick or InputBox the
 * person sees: tests answer through it as a person would.
 */
export type ShownStep = StepFacts & LiveInput;

/** A list that fills in while it shows: each change, and when it is complete. */
export interface Filling {
  readonly onDidChange: vscode.Event<void>;
  readonly complete: Promise<void>;
}

/** The QuickPick or InputBox of a step. */
export type LiveInput =
  | { readonly kind: 'pick'; readonly quickPick: vscode.QuickPick<vscode.QuickPickItem>; readonly filling?: Filling }
  | { readonly kind: 'input'; readonly inputBox: vscode.InputBox };

const shown = new vscode.EventEmitter<ShownStep>();

/** Fires when a wizard's step is shown and ready: how tests (and only tests) know which step waits for an answer. */
export const onDidShowStep: vscode.Event<ShownStep> = shown.event;

export function fireShownStep(step: ShownStep): void {
  shown.fire(step);
}
