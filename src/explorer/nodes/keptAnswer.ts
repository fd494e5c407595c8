// A node's list, loaded once and kept until the node is reset. Pure.

/** Keeps what `get` loaded until `reset`; an answer a reset overtook is returned to its caller but kept for no one. */
export class KeptAnswer<T> {
  private value: T | undefined;
  private generation = 0;

  /** What is kept, if anything. */
  get current(): T | undefined {
    return this.value;
  }

  reset(): void {
    this.value = undefined;
    this.generation++;
  }

  async get(load: () => Promise<T>): Promise<T> {
    if (this.value !== undefined) {
      return this.value;
    }
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) {
      this.value = value;
    }
    return value;
  }
}
