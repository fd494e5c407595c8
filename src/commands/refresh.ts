import type { AwsService } from '../aws/awsService';
import { ExplorerNode } from '../explorer/nodes/explorerNode';
import type { ExplorerTreeProvider } from '../explorer/explorerTreeProvider';
import type { CommandHandler } from '../shared/registerCommand';

/** amiExplorer.refresh: a node reloads itself; without one, both views start over with fresh credentials. */
export function refresh(aws: AwsService, providers: { images: ExplorerTreeProvider; instances: ExplorerTreeProvider }, onFullRefresh: () => void): CommandHandler {
  return async (arg) => {
    if (arg instanceof ExplorerNode) {
      arg.reset();
      (arg.id.startsWith('instances/') ? providers.instances : providers.images).refresh(arg);
      return;
    }
    await aws.reset();
    onFullRefresh();
    providers.images.refresh();
    providers.instances.refresh();
  };
}
