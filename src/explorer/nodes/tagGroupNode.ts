import * as vscode from 'vscode';
import type { ImageInfo } from '../../aws/model';
import { ExplorerNode } from './explorerNode';
import { ImageNode } from './imageNode';
import type { ImageScopeNode } from './imageScopeNode';

/** "Project: PetTracker (3)" or `No "Project" tag (39)`: images of one tag value, newest first. */
export class TagGroupNode extends ExplorerNode {
  readonly id: string;
  constructor(readonly scopeNode: ImageScopeNode, readonly tagKey: string, readonly value: string | undefined, readonly images: readonly ImageInfo[]) {
    super(scopeNode);
    // Raw key and value, not the label: stable across renames of the wording.
    this.id = `${scopeNode.id}/tag:${encodeURIComponent(tagKey)}=${value === undefined ? '\u2205' : encodeURIComponent(value)}`;
  }

  getTreeItem(): vscode.TreeItem {
    const label = this.value === undefined
      ? `No "${this.tagKey}" tag (${this.images.length})`
      : `${this.tagKey}: ${this.value || '(empty)'} (${this.images.length})`;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.value === undefined ? 'circle-outline' : 'tag');
    item.contextValue = this.value === undefined ? 'tagGroup untagged' : 'tagGroup';
    return item;
  }

  override getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve(this.images.map((image) => new ImageNode(this, image, this.scopeNode.scope, this.scopeNode.context)));
  }
}
