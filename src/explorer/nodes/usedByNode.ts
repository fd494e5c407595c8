import * as vscode from 'vscode';
import { toAwsError } from '../../aws/errors';
import type { ImageInfo } from '../../aws/model';
import { inAccountUsage, type InAccountUsage, type MentionScan } from '../../shared/imageUsage';
import { isCancellation } from '../../shared/cancellation';
import { checkedKinds, countOf, countsText, type UsageGroup, type UsedBy } from '../../shared/usageText';
import { plural } from '../../shared/format';
import { ExplorerNode } from './explorerNode';
import { ErrorNode } from './messageNodes';
import type { ImageTreeContext } from './treeContext';

/** A part of the lookup: what it found, or the error that stopped it. */
type Part<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

interface Found {
  readonly account: Part<InAccountUsage>;
  readonly files: Part<MentionScan>;
}

async function part<T>(work: Promise<T>): Promise<Part<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * "Used by" under an image this account owns: looked up only when expanded (DescribeImageReferences, the names of
 * the instances and templates, the workspace's files), kept until refreshed. Its children count each kind; a
 * lookup that failed says so and is never shown as "unused".
 */
export class UsedByNode extends ExplorerNode {
  readonly id: string;
  private found: Promise<Found> | undefined;
  private summary: string | undefined;

  constructor(parent: ExplorerNode, readonly image: ImageInfo, private readonly ctx: ImageTreeContext) {
    super(parent);
    this.id = `${parent.id}/usedBy`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Used by', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('references');
    item.description = this.summary;
    item.tooltip = `What of this account uses ${this.image.id} (every ${checkedKinds}), and the workspace files that mention it. Expand to check.`;
    item.contextValue = 'usedBy';
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    const { image, ctx } = this;
    this.found ??= Promise.all([
      part(inAccountUsage(ctx.aws, image.region, [image.id]).then((m) => m.get(image.id) ?? { references: [], groups: [] })),
      part(ctx.findMentions(image.id)),
    ]).then(([account, files]) => ({ account, files }));
    const found = await this.found;
    const summary = this.summaryOf(found);
    if (summary !== this.summary) {
      this.summary = summary;
      // The counts belong in this node's own description, known only now.
      this.ctx.refresh(this);
    }
    return [...this.accountChildren(found.account), this.filesChild(found.files)];
  }

  private summaryOf({ account, files }: Found): string {
    const inAccount = account.ok ? (account.value.groups.length ? countsText(account.value.groups) : 'nothing in the account') : 'could not check';
    const mentions = files.ok && files.value.mentions.length ? `, ${plural(new Set(files.value.mentions.map((m) => m.uri)).size, 'file')}` : '';
    return `${inAccount}${mentions}`;
  }

  private accountChildren(account: Part<InAccountUsage>): ExplorerNode[] {
    if (!account.ok) {
      // Never "unused": what failed, and a click to try again.
      return [new ErrorNode(this, toAwsError(account.error))];
    }
    if (!account.value.groups.length) {
      return [new UsageMessageNode(this, 'none', 'Nothing in this account uses it', `No ${checkedKinds} of this account in ${this.image.region} uses ${this.image.id}.`, 'pass')];
    }
    return account.value.groups.map((g) => new UsageKindNode(this, g));
  }

  private filesChild(files: Part<MentionScan>): ExplorerNode {
    if (!files.ok) {
      const why = isCancellation(files.error) ? 'cancelled' : files.error instanceof Error ? files.error.message : String(files.error);
      return new UsageMessageNode(this, 'files-error', `Could not search the workspace: ${why}`, 'Refresh "Used by" to try again.', 'error');
    }
    if (!files.value.mentions.length) {
      return new UsageMessageNode(this, 'no-files', 'No workspace file mentions it', `No file of the workspace (less files.exclude and search.exclude) mentions ${this.image.id}.`, 'file');
    }
    return new FileMentionsNode(this, files.value);
  }

  override reset(): void {
    this.found = undefined;
  }
}

const kindIcons: Record<string, string> = {
  'ec2:Instance': 'vm',
  'ec2:LaunchTemplate': 'rocket',
  'ssm:Parameter': 'symbol-variable',
  'imagebuilder:ImageRecipe': 'package',
  'imagebuilder:ContainerRecipe': 'package',
};

/** "Instances (2)": the resources of one kind that use the image. */
class UsageKindNode extends ExplorerNode {
  readonly id: string;
  constructor(parent: ExplorerNode, readonly group: UsageGroup) {
    super(parent);
    this.id = `${parent.id}/${group.resourceType}`;
  }
  getTreeItem(): vscode.TreeItem {
    const { group } = this;
    const item = new vscode.TreeItem(`${group.heading} (${group.items.length})`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(kindIcons[group.resourceType] ?? 'symbol-misc');
    item.tooltip = countOf(group.resourceType, group.items.length);
    item.contextValue = 'usedByKind';
    return item;
  }
  override getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve(this.group.items.map((i) => new UsedByResourceNode(this, i)));
  }
}

/** One instance, launch template, parameter or recipe: its name, its id, its ARN in the tooltip. */
class UsedByResourceNode extends ExplorerNode {
  readonly id: string;
  constructor(parent: ExplorerNode, readonly item: UsedBy) {
    super(parent);
    this.id = `${parent.id}/${item.arn}`;
  }
  getTreeItem(): vscode.TreeItem {
    const { item: used } = this;
    const item = new vscode.TreeItem(used.name ?? used.id, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = used.name ? used.id : undefined;
    item.tooltip = used.arn;
    item.iconPath = new vscode.ThemeIcon(kindIcons[used.resourceType] ?? 'symbol-misc');
    item.contextValue = 'usedByResource';
    return item;
  }
}

/** "Workspace files (3)": the lines that mention the id; a click opens one. */
class FileMentionsNode extends ExplorerNode {
  readonly id: string;
  constructor(parent: ExplorerNode, readonly scan: MentionScan) {
    super(parent);
    this.id = `${parent.id}/files`;
  }
  getTreeItem(): vscode.TreeItem {
    const { mentions, truncated } = this.scan;
    const files = new Set(mentions.map((m) => m.uri)).size;
    const item = new vscode.TreeItem(`Workspace files (${files})`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = `${plural(mentions.length, 'line')}${truncated ? ', search stopped at its limit' : ''}`;
    item.iconPath = new vscode.ThemeIcon('files');
    item.contextValue = 'usedByFiles';
    return item;
  }
  override getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve(this.scan.mentions.map((m, i) => new FileMentionNode(this, m, i)));
  }
}

class FileMentionNode extends ExplorerNode {
  readonly id: string;
  constructor(parent: ExplorerNode, readonly mention: MentionScan['mentions'][number], index: number) {
    super(parent);
    this.id = `${parent.id}/${index}:${mention.uri}:${mention.line}`;
  }
  getTreeItem(): vscode.TreeItem {
    const { mention } = this;
    const uri = vscode.Uri.parse(mention.uri);
    const item = new vscode.TreeItem(`${mention.label}:${mention.line}`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.resourceUri = uri;
    item.iconPath = vscode.ThemeIcon.File;
    item.tooltip = `${mention.path}, line ${mention.line}`;
    item.contextValue = 'usedByFile';
    const line = mention.line - 1;
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(line, 0, line, 0) }] };
    return item;
  }
}

/** A line under "Used by" that is not a resource: nothing uses it, or a part could not be checked. */
class UsageMessageNode extends ExplorerNode {
  readonly id: string;
  constructor(parent: ExplorerNode, key: string, private readonly label: string, private readonly tooltip: string | undefined, private readonly icon: string) {
    super(parent);
    this.id = `${parent.id}/${key}`;
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.tooltip = this.tooltip;
    item.iconPath = this.icon === 'error' ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')) : new vscode.ThemeIcon(this.icon);
    item.contextValue = 'placeholder';
    return item;
  }
}
