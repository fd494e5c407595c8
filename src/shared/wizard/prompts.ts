// What a step can ask, independent of how it is shown. Pure (types only).

/** An answer in a list. */
export interface Choice<T> {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  /** Selected at first in a multi-select. */
  readonly picked?: boolean;
  readonly value: T;
}

/** A line of a list that is not an answer: picking it does nothing. */
export interface Note {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly note: true;
}

/** A heading between groups of a list. */
export interface Heading {
  readonly heading: string;
}

export type Entry<T> = Choice<T> | Note | Heading;

export interface PickOptions<T> {
  /** Follows the wizard's title, e.g. "name of the copies". */
  readonly title: string;
  readonly placeholder?: string;
  /** The list, or its promise: the step shows busy until it arrives. */
  readonly items: readonly Entry<T>[] | Promise<readonly Entry<T>[]>;
  readonly matchOnDescription?: boolean;
  readonly matchOnDetail?: boolean;
}

/** A page more of a paged list, and whether there are more after it. */
export interface MoreChoices<T> {
  readonly items: readonly Choice<T>[];
  readonly more: boolean;
  readonly placeholder?: string;
}

export interface PickManyOptions<T> extends PickOptions<T> {
  /** A title-bar button that appends the next page, keeping what is selected. */
  readonly more?: { readonly tooltip: string; readonly available: boolean; load(): Promise<MoreChoices<T>> };
}

export interface InputOptions {
  readonly title: string;
  readonly value?: string;
  readonly prompt?: string;
  readonly placeholder?: string;
  /** As the person types: what is wrong with the text, or undefined. */
  readonly validate?: (value: string) => string | undefined;
  /** On Enter, once `validate` passes: a slower check (against EC2, say); a problem keeps the step open, saying it. */
  readonly check?: (value: string) => Promise<string | undefined>;
}

/** How a step asks. Each call rejects with GoBack when the person presses Back, WizardCancelled on Escape. */
export interface Prompter {
  pick<T>(options: PickOptions<T>): Promise<T>;
  pickMany<T>(options: PickManyOptions<T>): Promise<T[]>;
  input(options: InputOptions): Promise<string>;
}
