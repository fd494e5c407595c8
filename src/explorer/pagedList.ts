import type { Page } from '../aws/model';

/**
 * What a paged parent has loaded so far. One page at a time; a second request while one is in flight joins it,
 * so a double click on "Load more…" loads one page, not two. A reset aborts the page in flight and ignores its
 * answer, so a refresh during a load can neither append a stale page nor clear the new load's marker.
 */
export class PagedList<T> {
  private items: T[] = [];
  private nextToken: string | undefined;
  private started = false;
  private inFlight: Promise<void> | undefined;
  private generation = 0;
  private controller: AbortController | undefined;

  constructor(private readonly fetchPage: (nextToken: string | undefined, signal: AbortSignal) => Promise<Page<T>>) {}

  get loaded(): readonly T[] {
    return this.items;
  }
  get hasMore(): boolean {
    return !this.started || this.nextToken !== undefined;
  }
  get isStarted(): boolean {
    return this.started;
  }

  /** Loads the first page if nothing is loaded yet. */
  ensureFirstPage(): Promise<void> {
    return this.started ? (this.inFlight ?? Promise.resolve()) : this.loadNext();
  }

  loadNext(): Promise<void> {
    if (this.inFlight) {
      return this.inFlight;
    }
    if (this.started && this.nextToken === undefined) {
      return Promise.resolve();
    }
    const token = this.nextToken;
    const generation = this.generation;
    const controller = new AbortController();
    this.controller = controller;
    const current = () => generation === this.generation;
    this.inFlight = this.fetchPage(token, controller.signal)
      .then((page) => {
        if (current()) {
          this.items = [...this.items, ...page.items];
          this.nextToken = page.nextToken;
          this.started = true;
        }
      }, (error: unknown) => {
        // The answer of a load that a reset replaced, failure included, is nobody's business any more.
        if (current()) {
          throw error;
        }
      })
      .finally(() => {
        if (current()) {
          this.inFlight = undefined;
        }
      });
    return this.inFlight;
  }

  reset(): void {
    this.generation++;
    this.controller?.abort();
    this.controller = undefined;
    this.items = [];
    this.nextToken = undefined;
    this.started = false;
    this.inFlight = undefined;
  }
}
