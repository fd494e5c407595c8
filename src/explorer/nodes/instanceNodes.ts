import * as vscode from 'vscode';
import type { InstanceInfo } from '../../aws/model';
import { md } from '../../shared/format';
import { pageSize } from '../../settings/paging';
import { ExplorerNode } from './explorerNode';
import { childrenOrError } from './loadChildren';
import { PlaceholderNode } from './messageNodes';
import { PagedParentNode } from './pagedParentNode';
import type { TreeContext } from './treeContext';

const stateIcons: Record<string, [string, string?]> = {
  running: ['vm-running', 'testing.iconPassed'],
  stopped: ['vm-outline'],
  stopping: ['loading~spin'],
  pending: ['loading~spin'],
  'shutting-down': ['loading~spin'],
};

export class InstanceNode extends ExplorerNode {
  readonly id: string;
  constructor(parent: ExplorerNode, readonly instance: InstanceInfo) {
    super(parent);
    this.id = `${parent.id}/${instance.id}`;
  }
  get instanceId(): string {
    return this.instance.id;
  }
  get region(): string {
    return this.instance.region;
  }

  getTreeItem(): vscode.TreeItem {
    const i = this.instance;
    const item = new vscode.TreeItem(i.name ?? i.id, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [i.name ? i.id : undefined, i.state, i.type].filter(Boolean).join(' · ');
    const [icon, color] = stateIcons[i.state] ?? ['vm'];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    const rows: [string, string | undefined][] = [
      ['ID', i.id], ['State', i.state], ['Type', i.type], ['Source AMI', i.imageId], ['Platform', i.platform],
      ['Architecture', i.architecture], ['Launched', i.launchTime], ['Private IP', i.privateIp], ['Public IP', i.publicIp],
    ];
    item.tooltip = new vscode.MarkdownString([`**${md(i.name ?? i.id)}**`, '', '| | |', '|---|---|',
      ...rows.filter(([, v]) => v).map(([k, v]) => `| ${k} | ${md(v ?? '')} |`)].join('\n'));
    item.contextValue = `instance ${i.state}`;
    return item;
  }
}

export class InstanceRegionNode extends PagedParentNode<InstanceInfo> {
  readonly id: string;

  constructor(readonly region: string, ctx: TreeContext) {
    super(undefined, ctx, (token, signal) => ctx.aws.listInstancesPage(region, pageSize(), token, signal));
    this.id = `instances/${region}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.region, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = 'instanceRegion';
    return item;
  }

  /** The node of an instance in this region, loading pages until it appears, so that the view can reveal it. */
  async nodeFor(instanceId: string, maxPages = 50): Promise<InstanceNode | undefined> {
    const instance = await this.loadUntil((i) => i.id === instanceId, maxPages);
    return instance && new InstanceNode(this, instance);
  }

  override getChildren(): Promise<ExplorerNode[]> {
    return childrenOrError(this, async () => {
      await this.pages.ensureFirstPage();
      if (!this.pages.loaded.length) {
        return [new PlaceholderNode(this, 'No instances in this region')];
      }
      return this.withLoadMore(this.pages.loaded.map((i) => new InstanceNode(this, i)));
    });
  }
}
