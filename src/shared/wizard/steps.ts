// What a wizard is made of: steps over one shared context, and the signals a prompt ends with. Pure.

/** Thrown by a prompt when the person presses Back: the wizard returns to the step before, as it was. */
export class GoBack extends Error {
  constructor() {
    super('Back');
    this.name = 'GoBack';
  }
}

/** Thrown by a prompt or a step's `configure` when the person cancels: the wizard ends and asks nothing more. */
export class WizardCancelled extends Error {
  constructor(reason = 'Cancelled') {
    super(reason);
    this.name = 'WizardCancelled';
  }
}

/** Where a prompt stands: its number, whether it offers Back, and its last answer when Back led to it. */
export interface StepPosition {
  readonly step: number;
  readonly totalSteps: number;
  readonly canGoBack: boolean;
  /** The answer this step gave before the person came back to it (what its prompt recorded with `remember`). */
  readonly previous?: unknown;
  /** Records the answer as the person gave it, so that Back to this step shows it again. */
  remember(answer: unknown): void;
}

/**
 * One question of a wizard. A step records its answer in the context by assigning properties (never by changing
 * an object already there), so that Back can put the context back as it was before the step.
 */
export interface Step<C, U> {
  /**
   * A step the wizard comes back to after the steps it returns, such as a list of pending changes: shown again,
   * it keeps its number, and Back from it goes to the step before its first showing.
   */
  readonly hub?: boolean;
  /** Reads what the step needs when the wizard reaches it going forward (not when Back returns to it). Not a step itself. */
  configure?(ctx: C): void | Promise<void>;
  /** False skips the step. Also asked of every step ahead, to count them. Default: true. */
  shouldPrompt?(ctx: Readonly<C>): boolean;
  /** Asks through `ui` and records the answer in `ctx`. May return steps to take right after this one. */
  prompt(ctx: C, ui: U): Promise<void | readonly Step<C, U>[]>;
}

/**
 * The step, with Escape going back to the step before instead of ending the wizard: for the questions a hub asks
 * on the way back to itself (the value of a tag being added), where Escape means "not this change".
 */
export function escapeGoesBack<C, U>(step: Step<C, U>): Step<C, U> {
  return {
    ...step,
    prompt: (ctx, ui) => step.prompt(ctx, ui).catch((error: unknown) => {
      throw error instanceof WizardCancelled ? new GoBack() : error;
    }),
  };
}
