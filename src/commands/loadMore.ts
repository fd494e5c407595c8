import { LoadMoreNode } from '../explorer/nodes/messageNodes';
import type { CommandHandler } from '../shared/registerCommand';

/** amiExplorer.loadMore (tree only): one more page under the node's parent. */
export function loadMore(): CommandHandler {
  return async (arg) => {
    if (arg instanceof LoadMoreNode) {
      await arg.owner.loadMore();
    }
  };
}
