// The engine every wizard runs on: the next step, skipped steps, steps an answer adds, Back and numbering. Pure:
// the prompts come in through `ui`, so that unit tests drive it with scripted answers.
import { BackStack, restore, snapshotOf, type Visit } from './backStack';
import { stepNumbers } from './numbering';
import { GoBack, WizardCancelled, type Step, type StepPosition } from './steps';

const asks = <C>(ctx: C) => (step: { shouldPrompt?(ctx: Readonly<C>): boolean }) => step.shouldPrompt?.(ctx) ?? true;

/**
 * Runs steps over `ctx` in order: a step is configured, then skipped when it should not prompt, else asked through
 * `ui(position)`; the steps it returns come next. Back (a prompt throwing GoBack) restores the context as it was
 * before the previous step and asks that step again.
 */
export class StepFlow<C extends object, U> {
  private readonly stack = new BackStack<Step<C, U>>();
  private pending: readonly Step<C, U>[];
  /** Set when Back returned to pending[0]: its configuration and context are those of its earlier visit. */
  private resumed?: Visit<Step<C, U>>;

  constructor(steps: readonly Step<C, U>[], private readonly ctx: C, private readonly ui: (position: StepPosition) => U) {
    this.pending = steps;
  }

  /** True once a step was answered: Back from what follows the wizard (its summary) has a step to return to. */
  get canGoBack(): boolean {
    return this.stack.depth > 0;
  }

  /** True when the last step was answered, false when the person cancelled; any other failure rejects. */
  async run(): Promise<boolean> {
    while (this.pending.length) {
      try {
        await this.next();
      } catch (error) {
        if (error instanceof WizardCancelled) {
          return false;
        }
        if (!(error instanceof GoBack) || !this.goBack()) {
          throw error;
        }
      }
    }
    return true;
  }

  /** Back from after the last step: asks the last answered step again, then goes on as `run` does. */
  back(): Promise<boolean> {
    this.goBack();
    return this.run();
  }

  private async next(): Promise<void> {
    const { ctx } = this;
    const [step, ...rest] = this.pending as [Step<C, U>, ...Step<C, U>[]];
    if (!this.resumed) {
      await step.configure?.(ctx);
      if (!asks(ctx)(step)) {
        this.pending = rest;
        return;
      }
      if (step.hub) {
        this.stack.rewindTo(step);
      }
    }
    const here = { step, pending: this.pending, snapshot: this.resumed?.snapshot ?? snapshotOf(ctx) };
    let answer: unknown;
    const position: StepPosition = {
      ...stepNumbers(this.stack.steps(), step, rest, asks(ctx)),
      canGoBack: this.stack.depth > 0,
      previous: this.resumed?.answer,
      remember: (given) => {
        answer = given;
      },
    };
    // Back from the first step cannot come from the UI (it has no Back button): it asks the step again.
    this.resumed = here;
    const more = await step.prompt(ctx, this.ui(position));
    this.stack.push({ ...here, answer });
    this.pending = [...(more ?? []), ...rest];
    this.resumed = undefined;
  }

  /** Returns to the last answered step (or asks the current one again); false when there is none. */
  private goBack(): boolean {
    const back = this.stack.pop() ?? this.resumed;
    if (!back) {
      return false;
    }
    this.resumed = back;
    restore(this.ctx, back.snapshot);
    this.pending = back.pending;
    return true;
  }
}

/** Runs `steps` over `ctx` once: true when the last step was answered, false when the person cancelled. */
export function runSteps<C extends object, U>(steps: readonly Step<C, U>[], ctx: C, ui: (position: StepPosition) => U): Promise<boolean> {
  return new StepFlow(steps, ctx, ui).run();
}
