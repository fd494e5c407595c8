import * as vscode from 'vscode';
import type { AwsError } from '../../aws/errors';
import { md } from '../../shared/format';
import type { SettingProblem } from '../../settings/problems';
import { ExplorerNode } from './explorerNode';

/** An empty result says so, rather than showing nothing. */
export class PlaceholderNode extends ExplorerNode {
  readonly id: string;
  constructor(parent: ExplorerNode | undefined, private readonly label: string, private readonly tooltip?: string) {
    super(parent);
    this.id = `${parent?.id ?? ''}/placeholder`;
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.tooltip = this.tooltip;
    item.contextValue = 'placeholder';
    return item;
  }
}

const fixCommands: Partial<Record<AwsError['kind'], { command: string; title: string }>> = {
  noCredentials: { command: 'amiExplorer.selectProfile', title: 'Select AWS Profile' },
  profileNotFound: { command: 'amiExplorer.selectProfile', title: 'Select AWS Profile' },
  invalidCredentials: { command: 'amiExplorer.selectProfile', title: 'Select AWS Profile' },
  regionNotEnabled: { command: 'amiExplorer.selectRegions', title: 'Select Regions' },
};

/** A failed load: the label says what failed, the tooltip what to do, a click does it (or retries). */
export class ErrorNode extends ExplorerNode {
  readonly id: string;
  constructor(parent: ExplorerNode | undefined, readonly error: AwsError) {
    super(parent);
    this.id = `${parent?.id ?? ''}/error`;
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.error.summary, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    const fix = fixCommands[this.error.kind];
    item.tooltip = new vscode.MarkdownString(`${md(this.error.summary)}\n\n${this.error.fix ? md(this.error.fix) : 'Click to try again.'}`);
    item.description = this.error.fix ? 'hover for the fix' : undefined;
    item.contextValue = 'error';
    item.command = fix
      ? { ...fix, arguments: [] }
      : { command: 'amiExplorer.refresh', title: 'Try Again', arguments: [this.parent] };
    return item;
  }
}

/** A setting value the views ignore: it says which and why, and a click opens the setting. */
export class SettingProblemNode extends ExplorerNode {
  readonly id: string;
  constructor(readonly problem: SettingProblem, index: number) {
    super(undefined);
    this.id = `settings/${index}`;
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`Ignored setting: ${this.problem.setting}`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    item.description = 'hover for why';
    item.tooltip = new vscode.MarkdownString(`${md(this.problem.message)}\n\nClick to open the setting.`);
    item.contextValue = 'settingProblem';
    item.command = { command: 'workbench.action.openSettings', title: 'Open Setting', arguments: [this.problem.setting] };
    return item;
  }
}

/** The last child of a paged list; one click loads one more page. */
export class LoadMoreNode extends ExplorerNode {
  readonly id: string;
  constructor(readonly owner: ExplorerNode & { loadMore(): Promise<void> }) {
    super(owner);
    this.id = `${owner.id}/more`;
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'loadMore';
    item.command = { command: 'amiExplorer.loadMore', title: 'Load More', arguments: [this] };
    return item;
  }
}
