import type { Prompter } from './prompts';
import { StepFlow } from './flow';
import { QuickInputSession } from './session';
import type { Step } from './steps';
import { showInput } from './inputStep';
import { pickMany, pickOne } from './pickStep';

export { escapeGoesBack, GoBack, WizardCancelled } from './steps';
export type { ArrivingEntries, Choice, Entry, Heading, Note, Prompter } from './prompts';

/** A step of a wizard shown in QuickPicks and InputBoxes. */
export type WizardStep<C> = Step<C, Prompter>;

/**
 * A wizard titled `title` ("Copy image"): its steps ask through QuickPicks and InputBoxes titled
 * "Copy image: <step>", numbered, with Back after the first.
 */
export class Wizard<C extends object> {
  private readonly session: QuickInputSession;
  private readonly flow: StepFlow<C, Prompter>;

  constructor(title: string, steps: readonly WizardStep<C>[], readonly ctx: C) {
    const session = new QuickInputSession(title);
    this.session = session;
    this.flow = new StepFlow(steps, ctx, (position): Prompter => ({
      pick: (options) => pickOne(session, position, options),
      pickMany: (options) => pickMany(session, position, options),
      input: (options) => showInput(session, position, options),
    }));
  }

  /** True once a step was answered: the summary that follows offers Back to it. */
  get canGoBack(): boolean {
    return this.flow.canGoBack;
  }

  /** The context with every answer, or undefined when the person cancelled. */
  run(): Promise<C | undefined> {
    return this.finish(this.flow.run());
  }

  /** Back from the summary: asks the last step again (showing its answer) and goes on from there. */
  back(): Promise<C | undefined> {
    return this.finish(this.flow.back());
  }

  private async finish(done: Promise<boolean>): Promise<C | undefined> {
    try {
      return await done ? this.ctx : undefined;
    } finally {
      this.session.dispose();
    }
  }
}

/** Runs a wizard once: the context with every answer, or undefined when the person cancelled. */
export function runWizard<C extends object>(title: string, steps: readonly WizardStep<C>[], ctx: C): Promise<C | undefined> {
  return new Wizard(title, steps, ctx).run();
}

/** A wizard's answers as what its command works on, and the way back into the wizard from the summary. */
export interface Answers<R> {
  readonly value: R;
  /** Back from the summary to the wizard's last step; absent when the wizard asked nothing. */
  readonly back?: () => Promise<Answers<R> | undefined>;
}

/** Runs `wizard` (or goes on with `running`) and turns its context into `Answers`; undefined when cancelled. */
export async function answersOf<C extends object, R>(wizard: Wizard<C>, value: (ctx: C) => R | undefined, running = wizard.run()): Promise<Answers<R> | undefined> {
  const ctx = await running;
  const answered = ctx && value(ctx);
  if (answered === undefined) {
    return undefined;
  }
  return { value: answered, back: wizard.canGoBack ? () => answersOf(wizard, value, wizard.back()) : undefined };
}
