import type { AwsService } from '../../aws/awsService';
import type { ImageFilter } from '../../aws/model';
import type { MentionFinder } from '../../shared/imageUsage';
import type { ExplorerNode } from './explorerNode';

/** What nodes need from their tree: AWS and a way to redraw themselves. */
export interface TreeContext {
  readonly aws: AwsService;
  /** Redraws `node` (its label and children) or, without one, the whole view. */
  refresh(node?: ExplorerNode): void;
}

/** The Images tree's nodes also list through the view's filter. */
export interface ImageTreeContext extends TreeContext {
  imageFilter(): ImageFilter;
  /** Searches the workspace for an image id, for "Used by". */
  readonly findMentions: MentionFinder;
}
