// How a command was started, and the rules every action's two doors share. Pure.
import { isPlainObject } from '../../shared/plainObject';

/**
 * How a command was started. A command never trusts its caller: from the palette it asks everything, from the
 * tree it starts from the node, and with an object (a hover or markdown link, a keybinding's args, another
 * extension) the object only pre-fills the wizard. Every way ends at the summary; only the API asks nothing.
 */
export type Invocation =
  | { readonly via: 'palette' }
  | { readonly via: 'tree'; readonly node: unknown; readonly selection: readonly unknown[] }
  | { readonly via: 'link'; readonly input: Readonly<Record<string, unknown>> };

export function invocationOf(args: readonly unknown[]): Invocation {
  const [first, second] = args;
  if (first === undefined) {
    return { via: 'palette' };
  }
  if (isPlainObject(first)) {
    return { via: 'link', input: first };
  }
  return { via: 'tree', node: first, selection: Array.isArray(second) ? second : [] };
}

/** True when a link's object names more than its target, so it pre-fills every step and only the summary is left. */
export function prefillsEverything(input: Readonly<Record<string, unknown>>, targetKeys: readonly string[] = ['imageId', 'region']): boolean {
  return Object.keys(input).some((k) => !targetKeys.includes(k));
}

/** A link's object without `confirmed`: only the API's caller can confirm for the user. */
export function withoutConfirmed(input: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([key]) => key !== 'confirmed'));
}

/** The API's rule for what destroys or exposes: the caller says `confirmed: true`, or nothing happens. */
export function ensureConfirmed(input: Readonly<Record<string, unknown>>, what: string): void {
  if (input.confirmed !== true) {
    throw new Error(`${what}: pass "confirmed": true to do it.`);
  }
}
