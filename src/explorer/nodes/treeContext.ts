import type { AwsService } from '../../aws/awsService';
import type { ImageFilter } from '../../aws/model';
import type { ExplorerNode } from './explorerNode';

/** What nodes need from their tree: AWS, the current filter, and a way to redraw themselves. */
export interface TreeContext {
  readonly aws: AwsService;
  imageFilter(): ImageFilter;
  /** Redraws `node` (its label and children) or, without one, the whole view. */
  refresh(node?: ExplorerNode): void;
}
