import type { Prompter } from './prompts';
import { runSteps } from './flow';
import { QuickInputSession } from './session';
import type { Step } from './steps';
import { showInput } from './inputStep';
import { pickMany, pickOne } from './pickStep';

export { escapeGoesBack, GoBack, WizardCancelled } from './steps';
export type { Choice, Entry, Heading, Note, Prompter } from './prompts';

/** A step of a wizard shown in QuickPicks and InputBoxes. */
export type WizardStep<C> = Step<C, Prompter>;

/**
 * Runs a wizard titled `title` ("Copy image"): its steps ask through QuickPicks and InputBoxes titled
 * "Copy image: <step>", numbered, with Back after the first. The context with every answer, or undefined when the
 * person cancelled.
 */
export async function runWizard<C extends object>(title: string, steps: readonly WizardStep<C>[], ctx: C): Promise<C | undefined> {
  const session = new QuickInputSession(title);
  try {
    const finished = await runSteps(steps, ctx, (position): Prompter => ({
      pick: (options) => pickOne(session, position, options),
      pickMany: (options) => pickMany(session, position, options),
      input: (options) => showInput(session, position, options),
    }));
    return finished ? ctx : undefined;
  } finally {
    session.dispose();
  }
}
