import * as vscode from 'vscode';
import { ExplorerNode } from './explorerNode';
import { ImageScopeNode } from './imageScopeNode';
import { PublicCatalogNode } from './publicCatalogNode';
import { RecycleBinNode } from './recycleBinNode';
import type { ImageTreeContext } from './treeContext';

export class ImageRegionNode extends ExplorerNode {
  readonly id: string;
  readonly owned: ImageScopeNode;
  readonly shared: ImageScopeNode;
  readonly catalog: PublicCatalogNode;
  readonly recycleBin: RecycleBinNode;

  constructor(readonly region: string, ctx: ImageTreeContext) {
    super(undefined);
    this.id = `images/${region}`;
    this.owned = new ImageScopeNode(this, region, 'owned', ctx);
    this.shared = new ImageScopeNode(this, region, 'shared', ctx);
    this.catalog = new PublicCatalogNode(this, region, ctx);
    this.recycleBin = new RecycleBinNode(this, region, ctx);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.region, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = 'region';
    return item;
  }

  override getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([this.owned, this.shared, this.catalog, this.recycleBin]);
  }

  /** Refresh on a region reloads everything under it (the catalog's searches are made anew when it redraws). */
  override reset(): void {
    this.owned.reset();
    this.shared.reset();
    this.recycleBin.reset();
  }
}
