import * as vscode from 'vscode';
import { fireShownStep, type LiveInput } from './shownStep';
import { GoBack, WizardCancelled, type StepPosition } from './steps';

type Input = vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;
type Listen<T> = (resolve: (value: T) => void, reject: (error: Error) => void) => vscode.Disposable[];

/**
 * The quick inputs of one wizard run. One shows at a time: an answered step stays on screen, busy, until the next
 * replaces it, so the person never sees the wizard flicker closed between steps.
 */
export class QuickInputSession implements vscode.Disposable {
  private current?: vscode.QuickInput;

  constructor(readonly title: string) {}

  /** Titles, numbers and Back the same way on every step; the number shows only when there is more than one step. */
  frame(input: Input, title: string, position: StepPosition): void {
    input.title = this.titled(title);
    if (position.totalSteps > 1) {
      input.step = position.step;
      input.totalSteps = position.totalSteps;
    }
    input.ignoreFocusOut = true;
    input.buttons = position.canGoBack ? [vscode.QuickInputButtons.Back] : [];
  }

  /** A step's title as shown: "Copy image: name of the copies". */
  titled(title: string): string {
    return `${this.title}: ${title}`;
  }

  /** Shows `input` in place of the step before. */
  show(input: vscode.QuickInput): void {
    const previous = this.current;
    this.current = input;
    input.show();
    previous?.dispose();
  }

  /**
   * The step's answer: what `listen` resolves; GoBack on Back (offered only after the first step); WizardCancelled
   * when the input is hidden (Escape). Once answered, the input waits busy for the next step.
   */
  answer<T>(input: Input, position: StepPosition, listen: Listen<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const settle = (then: () => void) => {
        for (const d of listeners) {
          d.dispose();
        }
        input.enabled = false;
        input.busy = true;
        then();
      };
      const listeners: vscode.Disposable[] = [
        ...listen((value) => settle(() => resolve(value)), (error) => settle(() => reject(error))),
        input.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back && position.canGoBack) {
            settle(() => reject(new GoBack()));
          }
        }),
        input.onDidHide(() => settle(() => reject(new WizardCancelled()))),
      ];
    });
  }

  /** Tells tests the step is on screen and ready. */
  shown(position: StepPosition, live: LiveInput): void {
    const { step, totalSteps, canGoBack } = position;
    const title = (live.kind === 'pick' ? live.quickPick.title : live.inputBox.title) ?? '';
    fireShownStep({ ...live, wizard: this.title, title, step, totalSteps, canGoBack });
  }

  dispose(): void {
    this.current?.dispose();
    this.current = undefined;
  }
}
