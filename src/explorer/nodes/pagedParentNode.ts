import type { Page } from '../../aws/model';
import { PagedList } from '../pagedList';
import { ExplorerNode } from './explorerNode';
import { LoadMoreNode } from './messageNodes';
import type { TreeContext } from './treeContext';

/** A parent listing one page at a time: it keeps what it loaded and redraws only itself for "Load more…". */
export abstract class PagedParentNode<T> extends ExplorerNode {
  protected readonly pages: PagedList<T>;

  constructor(parent: ExplorerNode | undefined, protected readonly ctx: TreeContext, fetchPage: (nextToken: string | undefined, signal: AbortSignal) => Promise<Page<T>>) {
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

  async loadMore(): Promise<void> {
    await this.pages.loadNext();
    this.ctx.refresh(this);
  }
}
