import type * as vscode from 'vscode';

/** Every node of both views. `id` is built from raw keys (region, tag value, image id) so expansion survives refresh. */
export abstract class ExplorerNode {
  constructor(readonly parent: ExplorerNode | undefined) {}
  abstract readonly id: string;
  abstract getTreeItem(): vscode.TreeItem;
  getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve([]);
  }
  /** Forget loaded data so the next getChildren asks AWS again. */
  reset(): void {}
}
