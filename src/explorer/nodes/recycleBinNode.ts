import * as vscode from 'vscode';
import type { RecycleBinImage } from '../../aws/model';
import { md, utc } from '../../shared/format';
import { expiryLabel } from '../../shared/retirementText';
import { ExplorerNode } from './explorerNode';
import { KeptAnswer } from './keptAnswer';
import { childrenOrError } from './loadChildren';
import { PlaceholderNode } from './messageNodes';
import type { TreeContext } from './treeContext';

/** A region's Recycle Bin: the account's deregistered images a retention rule still keeps, soonest to go first. */
export class RecycleBinNode extends ExplorerNode {
  readonly id: string;
  private readonly images = new KeptAnswer<RecycleBinImage[]>();

  constructor(parent: ExplorerNode, readonly region: string, private readonly ctx: TreeContext) {
    super(parent);
    this.id = `${parent.id}/recycleBin`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Recycle Bin', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('trash');
    item.contextValue = 'recycleBin';
    item.description = this.images.current?.length ? String(this.images.current.length) : undefined;
    item.tooltip = `Deregistered images a Recycle Bin retention rule keeps in ${this.region}, until they expire`;
    return item;
  }

  override reset(): void {
    this.images.reset();
  }

  override getChildren(): Promise<ExplorerNode[]> {
    return childrenOrError(this, async () => {
      const counted = this.images.current?.length;
      const images = await this.images.get(() => this.ctx.aws.imagesInRecycleBin(this.region));
      // The count beside the node follows what was just kept (an answer a refresh overtook is kept for no one).
      if (this.images.current === images && counted !== images.length) {
        this.ctx.refresh(this);
      }
      return images.length
        ? images.map((i) => new RecycleBinImageNode(this, i))
        : [new PlaceholderNode(this, 'Nothing to restore', `No image of this account is in the Recycle Bin of ${this.region}`)];
    });
  }
}

/** One recoverable image; Restore brings it back. */
export class RecycleBinImageNode extends ExplorerNode {
  readonly id: string;
  constructor(parent: ExplorerNode, readonly image: RecycleBinImage) {
    super(parent);
    this.id = `${parent.id}/${image.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { image } = this;
    const item = new vscode.TreeItem(image.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('history');
    const expiry = expiryLabel(image.expiresAt);
    item.description = `${image.id} · deleted for good ${expiry}`;
    const lines = [`**${md(image.name)}** (${md(image.id)})`, ''];
    if (image.description && image.description !== image.name) {
      lines.push(md(image.description), '');
    }
    lines.push(
      `Deregistered ${md(utc(image.enteredAt) ?? 'at an unknown time')}; the Recycle Bin deletes it for good ${md(expiry)}.`,
      '',
      'Restore brings it back with its id, tags and launch settings, as long as its snapshots still exist.',
    );
    item.tooltip = new vscode.MarkdownString(lines.join('\n'));
    item.contextValue = 'recycleBinImage';
    item.accessibilityInformation = { label: `${image.name}, ${image.id}, in the Recycle Bin, deleted for good ${expiry}` };
    return item;
  }
}
