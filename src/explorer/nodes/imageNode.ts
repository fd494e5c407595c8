import * as vscode from 'vscode';
import type { ImageInfo, ImageScope } from '../../aws/model';
import { age, isPast } from '../../shared/format';
import { imageTooltipMarkdown } from '../../shared/imageMarkdown';
import type { LastLaunchedReader } from '../../shared/lastLaunched';
import { ExplorerNode } from './explorerNode';
import type { ImageTreeContext } from './treeContext';
import { UsedByNode } from './usedByNode';

function imageIcon(image: ImageInfo): vscode.ThemeIcon {
  switch (image.state) {
    case 'pending':
      return new vscode.ThemeIcon('loading~spin');
    case 'disabled':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    case 'failed':
    case 'invalid':
    case 'error':
    case 'deregistered':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  }
  if (isPast(image.deprecationTime)) {
    return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  }
  return new vscode.ThemeIcon(image.platform === 'windows' ? 'window' : 'vm');
}

/**
 * contextValue carries the state menus match on, e.g. "image owned available" or "image shared deprecated".
 * package.json menus use `viewItem =~ /\bowned\b/`.
 */
export function imageContextValue(image: ImageInfo, scope: ImageScope): string {
  const flags = ['image', scope, image.state];
  if (isPast(image.deprecationTime)) {
    flags.push('deprecated');
  }
  if (image.public) {
    flags.push('public');
  }
  return flags.join(' ');
}

export class ImageNode extends ExplorerNode {
  readonly id: string;
  /** Under an image this account owns: what uses it, looked up when expanded. */
  readonly usedBy: UsedByNode | undefined;

  constructor(parent: ExplorerNode, readonly image: ImageInfo, readonly scope: ImageScope, ctx?: ImageTreeContext) {
    super(parent);
    this.id = `${parent.id}/${image.id}`;
    this.usedBy = scope === 'owned' && ctx ? new UsedByNode(this, image, ctx) : undefined;
  }

  get imageId(): string {
    return this.image.id;
  }
  get region(): string {
    return this.image.region;
  }

  getTreeItem(): vscode.TreeItem {
    const { image } = this;
    const item = new vscode.TreeItem(image.name, this.usedBy ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const when = age(image.creationDate);
    const deprecated = isPast(image.deprecationTime) ? 'deprecated' : undefined;
    const state = image.state !== 'available' ? image.state : undefined;
    // A public image of anyone says whose it is, alias and account id, right beside its name.
    const owner = this.scope !== 'public' ? undefined : image.ownerAlias ? `by ${image.ownerAlias} (${image.ownerId})` : `by ${image.ownerId}`;
    item.description = [image.id, when, state ?? deprecated, owner].filter(Boolean).join(' · ');
    item.iconPath = imageIcon(image);
    // When EC2 did not say with the image when it last launched, the tooltip asks as it is shown (resolveTooltip).
    item.tooltip = this.asksLastLaunched ? undefined : new vscode.MarkdownString(imageTooltipMarkdown(image));
    item.contextValue = imageContextValue(image, this.scope);
    item.accessibilityInformation = { label: `${image.name}, ${image.id}, ${image.state}${deprecated ? ', deprecated' : ''}` };
    return item;
  }

  override getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve(this.usedBy ? [this.usedBy] : []);
  }

  /** Only the owner may read when an image last launched. */
  private get asksLastLaunched(): boolean {
    return this.scope === 'owned' && !this.image.lastLaunchedTime;
  }

  /** The tooltip with the image's last launch, read when it is about to show (at most a few seconds' wait). */
  async resolveTooltip(item: vscode.TreeItem, lastLaunched?: LastLaunchedReader): Promise<vscode.TreeItem> {
    if (item.tooltip === undefined) {
      const last = this.asksLastLaunched && lastLaunched ? await lastLaunched.within(this.image, 3000, 'still being read: hover again') : undefined;
      item.tooltip = new vscode.MarkdownString(imageTooltipMarkdown(this.image, Date.now(), undefined, last));
    }
    return item;
  }
}
