// The engine every wizard runs on: the next step, skipped steps, steps an answer adds, Back and numbering. Pure:
// the prompts come in through `ui`, so that unit tests drive it with scripted answers.
import { BackStack, restore, snapshotOf, type Visit } from './backStack';
import { stepNumbers } from './numbering';
import { GoBack, WizardCancelled, type Step, type StepPosition } from './steps';

const asks = <C>(ctx: C) => (step: { shouldPrompt?(ctx: Readonly<C>): boolean }) => step.shouldPrompt?.(ctx) ?? true;

/**
 * Runs `steps` over `ctx` in order: a step is configured, then skipped when it should not prompt, else asked
 * through `ui(position)`; the steps it returns come next. Back (a prompt throwing GoBack) restores the context as
 * it was before the previous step and asks that step again. True when the last step was answered, false when the
 * person cancelled; any other failure rejects.
 */
export async function runSteps<C extends object, U>(steps: readonly Step<C, U>[], ctx: C, ui: (position: StepPosition) => U): Promise<boolean> {
  const stack = new BackStack<Step<C, U>>();
  let pending = steps;
  // Set when Back returned to pending[0]: its configuration and context are those of its earlier visit.
  let resumed: Visit<Step<C, U>> | undefined;
  while (pending.length) {
    const [step, ...rest] = pending as [Step<C, U>, ...Step<C, U>[]];
    let here: Visit<Step<C, U>> | undefined;
    try {
      if (!resumed) {
        await step.configure?.(ctx);
        if (!asks(ctx)(step)) {
          pending = rest;
          continue;
        }
        if (step.hub) {
          stack.rewindTo(step);
        }
      }
      here = { step, pending, snapshot: resumed?.snapshot ?? snapshotOf(ctx) };
      let answer: unknown;
      const position: StepPosition = {
        ...stepNumbers(stack.steps(), step, rest, asks(ctx)),
        canGoBack: stack.depth > 0,
        previous: resumed?.answer,
        remember: (given) => {
          answer = given;
        },
      };
      const more = await step.prompt(ctx, ui(position));
      stack.push({ ...here, answer });
      pending = [...(more ?? []), ...rest];
      resumed = undefined;
    } catch (error) {
      if (error instanceof WizardCancelled) {
        return false;
      }
      if (!(error instanceof GoBack)) {
        throw error;
      }
      // Back from the first step cannot come from the UI (it has no Back button): it asks the step again.
      const back = stack.pop() ?? here;
      if (!back) {
        throw error;
      }
      resumed = back;
      restore(ctx, back.snapshot);
      pending = resumed.pending;
    }
  }
  return true;
}
