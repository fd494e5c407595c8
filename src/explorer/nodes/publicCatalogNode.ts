import * as vscode from 'vscode';
import type { ImageInfo, ImageQuery } from '../../aws/model';
import { savedSearches, type SavedSearch } from '../../settings/images';
import { ExplorerNode } from './explorerNode';
import { ImageNode } from './imageNode';
import { KeptAnswer } from './keptAnswer';
import { childrenOrError } from './loadChildren';
import { PlaceholderNode } from './messageNodes';
import type { ImageTreeContext } from './treeContext';

/** The public catalog is millions of images: it is only ever shown through saved searches. */
export class PublicCatalogNode extends ExplorerNode {
  readonly id: string;
  constructor(parent: ExplorerNode, readonly region: string, private readonly ctx: ImageTreeContext) {
    super(parent);
    this.id = `${parent.id}/public`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Public catalog', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = 'publicCatalog';
    item.tooltip = 'Saved searches of public images (setting amiExplorer.publicCatalog.searches)';
    return item;
  }

  override getChildren(): Promise<ExplorerNode[]> {
    const searches = savedSearches(this.region);
    if (!searches.length) {
      return Promise.resolve([new PlaceholderNode(this, 'No saved searches', 'Add some in the setting amiExplorer.publicCatalog.searches')]);
    }
    return Promise.resolve(searches.map((s) => new SavedSearchNode(this, this.region, s, this.ctx)));
  }
}

export function savedSearchQuery(search: SavedSearch): ImageQuery {
  const extraFilters = [{ name: 'name', values: [search.name] }];
  if (search.architecture) {
    extraFilters.push({ name: 'architecture', values: [search.architecture] });
  }
  if (search.platform) {
    extraFilters.push({ name: 'platform', values: [search.platform] });
  }
  return { scope: 'public', owners: search.owners, extraFilters, filter: { includeDeprecated: false, includeDisabled: false } };
}

export class SavedSearchNode extends ExplorerNode {
  readonly id: string;
  private readonly images = new KeptAnswer<ImageInfo[]>();

  constructor(parent: ExplorerNode, readonly region: string, readonly search: SavedSearch, private readonly ctx: ImageTreeContext) {
    super(parent);
    this.id = `${parent.id}/search:${encodeURIComponent(search.label)}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.search.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('search');
    item.contextValue = 'savedSearch';
    // Whose images these are, in plain sight: a search pointed at another account must not pass for Amazon's.
    const owners = this.search.owners.join(', ');
    item.description = `owner ${owners}`;
    item.tooltip = `Newest public images named ${this.search.name} owned by ${owners}`;
    return item;
  }

  override reset(): void {
    this.images.reset();
  }

  override getChildren(): Promise<ExplorerNode[]> {
    return childrenOrError(this, async () => {
      const images = await this.images.get(() => this.ctx.aws.newestImages(this.region, savedSearchQuery(this.search), this.search.limit ?? 5));
      return images.length
        ? images.map((i) => new ImageNode(this, i, 'public'))
        : [new PlaceholderNode(this, 'No matching public images in this region')];
    });
  }
}
