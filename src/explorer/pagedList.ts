import type { Page } from '../aws/model';

/**
 * What a paged parent has loaded so far. One page at a time; a second request while one is in flight joins it,
 * so a double click on "Load more…" loads one page, not two.
 */
export class PagedList<T> {
  private items: T[] = [];
  private nextToken: string | undefined;
  private started = false;
  private inFlight: Promise<void> | undefined;

  constructor(private readonly fetchPage: (nextToken: string | undefined) => Promise<Page<T>>) {}

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
    this.inFlight = this.fetchPage(token)
      .then((page) => {
        this.items = [...this.items, ...page.items];
        this.nextToken = page.nextToken;
        this.started = true;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  reset(): void {
    this.items = [];
    this.nextToken = undefined;
    this.started = false;
    this.inFlight = undefined;
  }
}
