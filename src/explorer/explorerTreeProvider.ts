import * as vscode from 'vscode';
import type { ExplorerNode } from './nodes/explorerNode';

/** Shared by both views: nodes render themselves; the provider only routes calls and change events. */
export class ExplorerTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Promise<ExplorerNode[]> | undefined;

  constructor(
    private readonly loadRoots: () => Promise<ExplorerNode[]>,
    /** Fills in what a node leaves for later (a tooltip that costs a call), when VS Code is about to show it. */
    private readonly resolve?: (item: vscode.TreeItem, node: ExplorerNode, token: vscode.CancellationToken) => Promise<vscode.TreeItem>,
  ) {}

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    return this.resolve ? this.resolve(item, node, token) : item;
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) {
      return node.getChildren();
    }
    this.roots ??= this.loadRoots();
    return this.roots;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  /** Redraws one node, or rebuilds the whole tree (node ids keep what was expanded). */
  refresh(node?: ExplorerNode): void {
    if (!node) {
      this.roots = undefined;
    }
    this.changed.fire(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
