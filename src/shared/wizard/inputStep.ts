import * as vscode from 'vscode';
import type { InputOptions } from './prompts';
import type { QuickInputSession } from './session';
import type { StepPosition } from './steps';

/** Runs the slower check with the box busy and closed to typing; its problem, if any. */
async function checking(box: vscode.InputBox, check: () => Promise<string | undefined>): Promise<string | undefined> {
  box.busy = true;
  box.enabled = false;
  try {
    return await check();
  } finally {
    box.busy = false;
    box.enabled = true;
  }
}

type Problem = (value: string) => string | undefined;

/** Enter: the text, once valid and checked; else the step stays open, says why, and is announced again. */
function onEnter(session: QuickInputSession, position: StepPosition, box: vscode.InputBox, problem: Problem, options: InputOptions,
  resolve: (value: string) => void, reject: (error: Error) => void): vscode.Disposable {
  return box.onDidAccept(async () => {
    const value = box.value;
    try {
      const wrong = problem(value) ?? (options.check && await checking(box, () => options.check!(value)));
      box.validationMessage = wrong;
      if (wrong) {
        session.shown(position, { kind: 'input', inputBox: box });
      } else {
        position.remember(value);
        resolve(value);
      }
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/**
 * An InputBox step: validated as the person types, and on Enter validated again and checked; a problem keeps the
 * step open, says what is wrong, and announces the step again. Back to it shows the text given before.
 */
export function showInput(session: QuickInputSession, position: StepPosition, options: InputOptions): Promise<string> {
  const box = vscode.window.createInputBox();
  session.frame(box, options.title, position);
  box.value = typeof position.previous === 'string' ? position.previous : options.value ?? '';
  box.prompt = options.prompt;
  box.placeholder = options.placeholder;
  const problem: Problem = (value) => options.validate?.(value);
  box.validationMessage = box.value ? problem(box.value) : undefined;
  const answer = session.answer<string>(box, position, (resolve, reject) => [
    box.onDidChangeValue((value) => {
      box.validationMessage = problem(value);
    }),
    onEnter(session, position, box, problem, options, resolve, reject),
  ]);
  session.show(box);
  session.shown(position, { kind: 'input', inputBox: box });
  return answer;
}
