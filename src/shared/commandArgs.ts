// Pure: shared by command handlers and the text that builds command links.
import { isPlainObject } from './plainObject';

/**
 * Second argument of a command run from a hover link or a CodeLens: a person clicked, so failures are shown,
 * although the first argument is a plain object (which otherwise means a programmatic caller).
 */
export const fromLink = 'link';

/** One plain object from code (not from a link): the command asks nothing and returns its result. */
export function isProgrammatic(arg: unknown, second: unknown): arg is Record<string, unknown> {
  return isPlainObject(arg) && second !== fromLink;
}
