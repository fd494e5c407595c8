// What a step can ask, independent of how it is shown. Pure.

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

export function isArriving<T>(items: PickOptions<T>['items']): items is ArrivingEntries<T> {
  return !Array.isArray(items) && !(items instanceof Promise);
}

/**
 * A list that fills in while its step is on screen, such as each region's answer as it comes: the step shows at
 * once, busy until `done`, and can be answered meanwhile. Its entries keep their identity from one change to the
 * next, so that the line the person is on stays highlighted.
 */
export interface ArrivingEntries<T> {
  /** The list as it stands; asked again after each change. */
  current(): readonly Entry<T>[];
  /** The step's title as the list stands, e.g. "12 images found so far"; else the options' title. */
  title?(): string;
  onDidChange(listener: () => void): { dispose(): void };
  /** Settles once nothing more will arrive. */
  readonly done: Promise<void>;
}

export interface PickOptions<T> {
  /** Follows the wizard's title, e.g. "name of the copies". */
  readonly title: string;
  readonly placeholder?: string;
  /** The list; or its promise, the step busy until it arrives; or a list that fills in as it shows. */
  readonly items: readonly Entry<T>[] | Promise<readonly Entry<T>[]> | ArrivingEntries<T>;
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
