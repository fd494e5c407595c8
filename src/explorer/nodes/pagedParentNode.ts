import type { Page } from '../../aws/model';
import { PagedList } from '../pagedList';
import { ExplorerNode } from './explorerNode';
import { LoadMoreNode } from './messageNodes';
import type { TreeContext } from './treeContext';

/** A parent listing one page at a time: it keeps what it loaded and redraws only itself for "Load more…". */
export abstract class PagedParentNode<T, C extends TreeContext = TreeContext> extends ExplorerNode {
  protected readonly pages: PagedList<T>;

  constructor(parent: ExplorerNode | undefined, protected readonly ctx: C, fetchPage: (nextToken: string | undefined, signal: AbortSignal) => Promise<Page<T>>) {
    super(parent);
    this.pages = new PagedList(fetchPage);
  }

  /** Appends "Load more…" while EC2 has more pages. */
  protected withLoadMore(children: ExplorerNode[]): ExplorerNode[] {
    return this.pages.hasMore ? [...children, new LoadMoreNode(this)] : children;
  }

  override reset(): void {
    this.pages.reset();
  }

  /**
   * Loads pages until `isWanted` holds for a loaded item or there is none left (at most `maxPages`), redrawing
   * when more was loaded; the item, or undefined. How a view reveals what is not on its first page.
   */
  protected async loadUntil(isWanted: (item: T) => boolean, maxPages = 50): Promise<T | undefined> {
    await this.pages.ensureFirstPage();
    const loadedBefore = this.pages.loaded.length;
    for (let page = 1; !this.pages.loaded.some(isWanted) && this.pages.hasMore && page < maxPages; page++) {
      await this.pages.loadNext();
    }
    if (this.pages.loaded.length !== loadedBefore) {
      this.ctx.refresh(this);
    }
    return this.pages.loaded.find(isWanted);
  }

  async loadMore(): Promise<void> {
    await this.pages.loadNext();
    this.ctx.refresh(this);
  }
}
