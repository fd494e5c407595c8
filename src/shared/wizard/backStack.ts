// The wizard's memory for Back: each answered step with the context as it was before it. Pure.

/** An answered step: what was pending from it on, the context before its prompt, and the answer it gave. */
export interface Visit<S> {
  readonly step: S;
  readonly pending: readonly S[];
  readonly snapshot: Readonly<Record<string, unknown>>;
  readonly answer?: unknown;
}

export class BackStack<S> {
  private visits: Visit<S>[] = [];

  get depth(): number {
    return this.visits.length;
  }

  /** The steps answered on the way to the current one, oldest first. */
  steps(): S[] {
    return this.visits.map((v) => v.step);
  }

  push(visit: Visit<S>): void {
    this.visits.push(visit);
  }

  /** The last answered step, forgotten: where Back goes. */
  pop(): Visit<S> | undefined {
    return this.visits.pop();
  }

  /** Forgets `step`'s first visit and all after it: a hub shown again stands where it first stood. */
  rewindTo(step: S): void {
    const first = this.visits.findIndex((v) => v.step === step);
    if (first >= 0) {
      this.visits = this.visits.slice(0, first);
    }
  }
}

/** The context's own properties, copied: enough to undo a step that assigns its answers. */
export function snapshotOf(ctx: object): Record<string, unknown> {
  return { ...(ctx as Record<string, unknown>) };
}

/** Puts the context back as `snapshot` holds it: properties added since are removed, the others reassigned. */
export function restore(ctx: object, snapshot: Readonly<Record<string, unknown>>): void {
  const target = ctx as Record<string, unknown>;
  for (const key of Object.keys(target)) {
    if (!Object.prototype.hasOwnProperty.call(snapshot, key)) {
      delete target[key];
    }
  }
  Object.assign(target, snapshot);
}
