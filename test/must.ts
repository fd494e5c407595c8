// Values a test expects to exist where the type allows none (an index past the end, a key not in a record, a regex
// that did not match): each throws naming what is missing, so the test fails on the cause rather than later on a
// `TypeError` about `undefined`. Pure: shared by the unit tests, the integration tests and the benchmark.

/** `value`, or a throw `missing <what>` when it is undefined or null. */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) {
    throw new Error(`missing ${what}`);
  }
  return value;
}

/** `items[index]`, or a throw naming `what`, the index and the length. A negative index (a `findIndex` miss) throws. */
export function at<T>(items: readonly T[], index: number, what: string): T {
  if (!Number.isInteger(index) || index < 0 || index >= items.length) {
    throw new Error(`missing ${what}: no index ${index} among ${items.length}`);
  }
  return items[index] as T;
}
