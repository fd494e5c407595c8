// Step numbers, computed rather than counted by hand. Pure.

export interface StepNumbers {
  readonly step: number;
  readonly totalSteps: number;
}

/**
 * The current step is one more than the steps answered on the way to it; the total adds the steps ahead that
 * would ask something now. A step already answered on the way (a hub the wizard comes back to) is not counted
 * again. The total grows when an answer adds steps, and shrinks when it makes some unnecessary.
 */
export function stepNumbers<S>(answered: readonly S[], current: S, ahead: readonly S[], asks: (step: S) => boolean): StepNumbers {
  const counted = new Set<S>([...answered, current]);
  let more = 0;
  for (const step of ahead) {
    if (!counted.has(step) && asks(step)) {
      counted.add(step);
      more++;
    }
  }
  return { step: answered.length + 1, totalSteps: answered.length + 1 + more };
}
