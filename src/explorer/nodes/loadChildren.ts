import { toAwsError } from '../../aws/errors';
import type { ExplorerNode } from './explorerNode';
import { ErrorNode } from './messageNodes';

/** getChildren never throws: a failure becomes an error node under the parent that failed. */
export async function childrenOrError(parent: ExplorerNode | undefined, load: () => Promise<ExplorerNode[]>): Promise<ExplorerNode[]> {
  try {
    return await load();
  } catch (error) {
    return [new ErrorNode(parent, toAwsError(error))];
  }
}
