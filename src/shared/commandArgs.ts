// Pure: shared by command handlers and the text that builds command links.

/**
 * Second argument of a command run from a hover link or a CodeLens: a person clicked, so failures are shown,
 * although the first argument is a plain object (which otherwise means a programmatic caller).
 */
export const fromLink = 'link';
