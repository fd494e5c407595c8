import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import { defaultImageFilter } from '../aws/model';
import { ExplorerTreeProvider } from './explorerTreeProvider';
import type { ExplorerNode } from './nodes/explorerNode';
import { InstanceRegionNode } from './nodes/instanceNodes';
import { childrenOrError } from './nodes/loadChildren';
import type { TreeContext } from './nodes/treeContext';

/** The Instances view: the sources for "Create image from instance", by region. */
export class InstancesTree implements vscode.Disposable {
  readonly provider: ExplorerTreeProvider;
  readonly view: vscode.TreeView<ExplorerNode>;

  constructor(aws: AwsService) {
    const ctx: TreeContext = { aws, imageFilter: () => defaultImageFilter, refresh: (node) => this.provider.refresh(node) };
    this.provider = new ExplorerTreeProvider(() =>
      childrenOrError(undefined, async () => {
        await aws.checkCredentials();
        return (await aws.regions()).map((r) => new InstanceRegionNode(r, ctx));
      }));
    this.view = vscode.window.createTreeView('amiExplorer.instances', { treeDataProvider: this.provider, showCollapseAll: true });
  }

  dispose(): void {
    this.view.dispose();
    this.provider.dispose();
  }
}
