import * as vscode from 'vscode';
import type { ImageInfo, ImageScope } from '../../aws/model';
import { groupByTagKey } from '../../settings/images';
import { pageSize } from '../../settings/paging';
import { groupByTagValue, sortNewestFirst } from '../tagGroups';
import { ExplorerNode } from './explorerNode';
import { ImageNode } from './imageNode';
import { childrenOrError } from './loadChildren';
import { PlaceholderNode } from './messageNodes';
import { PagedParentNode } from './pagedParentNode';
import { TagGroupNode } from './tagGroupNode';
import type { ImageTreeContext } from './treeContext';

const scopeLabels: Record<Exclude<ImageScope, 'public'>, string> = { owned: 'Owned by me', shared: 'Shared with me' };

/** "Owned by me" / "Shared with me" in one region: pages of DescribeImages, grouped by the chosen tag. */
export class ImageScopeNode extends PagedParentNode<ImageInfo, ImageTreeContext> {
  readonly id: string;
  private countShown: string | undefined;

  constructor(parent: ExplorerNode, readonly region: string, readonly scope: Exclude<ImageScope, 'public'>, ctx: ImageTreeContext) {
    super(parent, ctx, (token, signal) => ctx.aws.listImagesPage(region, { scope, filter: ctx.imageFilter() }, pageSize(), token, signal));
    this.id = `${parent.id}/${scope}`;
  }

  /** What the image nodes below need of the view. */
  get context(): ImageTreeContext {
    return this.ctx;
  }

  get images(): readonly ImageInfo[] {
    return this.pages.loaded;
  }

  private countLabel(): string | undefined {
    if (!this.pages.isStarted) {
      return undefined;
    }
    return `${this.pages.loaded.length}${this.pages.hasMore ? '+' : ''}`;
  }

  getTreeItem(): vscode.TreeItem {
    const count = this.countLabel();
    this.countShown = count;
    const item = new vscode.TreeItem(`${scopeLabels[this.scope]}${count ? ` (${count})` : ''}`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.scope === 'owned' ? 'account' : 'organization');
    item.contextValue = `imageScope ${this.scope}`;
    item.tooltip = this.scope === 'owned'
      ? `Images this account owns in ${this.region}`
      : `Images other accounts shared with this account in ${this.region}`;
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    return childrenOrError(this, async () => {
      await this.pages.ensureFirstPage();
      if (this.countShown !== this.countLabel()) {
        // The count belongs in this node's own label, known only now.
        this.ctx.refresh(this);
      }
      const images = this.pages.loaded;
      if (!images.length) {
        const filtered = this.ctx.imageFilter().namePattern || this.ctx.imageFilter().architectures?.length || this.ctx.imageFilter().states?.length;
        return [new PlaceholderNode(this, filtered ? 'No images match the filter' : this.scope === 'owned' ? 'No images owned in this region' : 'No images shared with you here')];
      }
      return this.withLoadMore(this.groupsOrImages());
    });
  }

  private groupsOrImages(): (TagGroupNode | ImageNode)[] {
    const tagKey = groupByTagKey();
    return tagKey
      ? groupByTagValue(this.pages.loaded, tagKey).map((g) => new TagGroupNode(this, tagKey, g.value, g.images))
      : sortNewestFirst(this.pages.loaded).map((i) => new ImageNode(this, i, this.scope, this.ctx));
  }

  /**
   * The node of an image in this scope, loading pages until it appears (at most `maxPages`), so that the view
   * can reveal it. Undefined when this scope does not list it.
   */
  async nodeFor(imageId: string, maxPages = 50): Promise<ImageNode | undefined> {
    if (!await this.loadUntil((i) => i.id === imageId, maxPages)) {
      return undefined;
    }
    for (const child of this.groupsOrImages()) {
      if (child instanceof ImageNode) {
        if (child.imageId === imageId) {
          return child;
        }
      } else if (child.images.some((i) => i.id === imageId)) {
        return (await child.getChildren()).find((n): n is ImageNode => n instanceof ImageNode && n.imageId === imageId);
      }
    }
    return undefined;
  }
}
