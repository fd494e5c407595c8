import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import type { InstanceInfo } from '../aws/model';
import type { InstanceViews } from '../shared/views';
import { ExplorerTreeProvider } from './explorerTreeProvider';
import type { ExplorerNode } from './nodes/explorerNode';
import { InstanceNode, InstanceRegionNode } from './nodes/instanceNodes';
import { childrenOrError } from './nodes/loadChildren';
import type { TreeContext } from './nodes/treeContext';

/** The Instances view: the sources for "Create image from instance", by region. */
export class InstancesTree implements InstanceViews, vscode.Disposable {
  readonly provider: ExplorerTreeProvider;
  readonly view: vscode.TreeView<ExplorerNode>;
  regions: InstanceRegionNode[] = [];

  constructor(aws: AwsService) {
    const ctx: TreeContext = { aws, refresh: (node) => this.provider.refresh(node) };
    this.provider = new ExplorerTreeProvider(() =>
      childrenOrError(undefined, async () => {
        this.regions = [];
        await aws.checkCredentials();
        this.regions = (await aws.regions()).map((r) => new InstanceRegionNode(r, ctx));
        return this.regions;
      }));
    this.view = vscode.window.createTreeView('amiExplorer.instances', { treeDataProvider: this.provider, showCollapseAll: true });
  }

  /** Reloads one region's instances after an action changed them. */
  refreshRegion(region: string): void {
    const node = this.regions.find((r) => r.region === region);
    if (node) {
      node.reset();
      this.provider.refresh(node);
    }
  }

  /** Reloads the region and selects the instances in the view; false when the view does not show the region. */
  async reveal(instanceIds: readonly string[], region: string): Promise<boolean> {
    await this.provider.getChildren();
    const node = this.regions.find((r) => r.region === region);
    if (!node) {
      return false;
    }
    node.reset();
    this.provider.refresh(node);
    let revealed = false;
    for (const [i, id] of instanceIds.entries()) {
      const child = await node.nodeFor(id);
      if (child) {
        await this.view.reveal(child, { select: i === 0, focus: i === 0, expand: false });
        revealed = true;
      }
    }
    return revealed;
  }

  instanceOf(item: unknown): InstanceInfo | undefined {
    return item instanceof InstanceNode ? item.instance : undefined;
  }

  dispose(): void {
    this.view.dispose();
    this.provider.dispose();
  }
}
