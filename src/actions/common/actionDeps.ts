import type { AwsService } from '../../aws/awsService';
import type { MentionFinder } from '../../shared/imageUsage';
import type { ImageViews, InstanceViews } from '../../shared/views';
import type { ImageAtCursor } from './imageTarget';

/** What the AMI actions need: AWS, the two views (to refresh and reveal what changed), and the id at the cursor. */
export interface ActionDeps {
  readonly aws: AwsService;
  readonly images: ImageViews;
  readonly instances: InstanceViews;
  readonly atCursor: ImageAtCursor;
  /** Adds regions to the views (`amiExplorer.regions`), when the person asks to see what an action made there. */
  readonly showRegions: (regions: readonly string[]) => Promise<void>;
  /** The workspace's files that mention an image id. */
  readonly findMentions: MentionFinder;
}
