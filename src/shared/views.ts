// What the actions and commands need of the views, without knowing their nodes: the explorer implements these.
import type { ImageInfo, InstanceInfo, RecycleBinImage } from '../aws/model';

export type RevealOutcome = 'revealed' | 'regionNotShown' | 'notListed';

export interface ImageViews {
  /** Reloads the images of one region an action changed. */
  refreshRegion(region: string): void;
  /** Opens the Images view at an image; `scopes` are where it may be listed. */
  reveal(imageId: string, region: string, scopes: readonly ('owned' | 'shared')[]): Promise<RevealOutcome>;
  /** The regions the Images view shows now. */
  shownRegions(): readonly string[];
  /** Tag keys of the images loaded so far, for pickers. */
  knownTagKeys(): string[];
  /** The image a tree item stands for, when a command was started from one. */
  imageOf(item: unknown): ImageInfo | undefined;
  /** The images of a tree multi-selection that includes `item`, else `item`'s alone. */
  imagesOf(item: unknown, selection: readonly unknown[]): ImageInfo[];
  /** The image in the Recycle Bin a tree item stands for (Restore from the tree). */
  recycledImageOf(item: unknown): RecycleBinImage | undefined;
}

export interface InstanceViews {
  refreshRegion(region: string): void;
  /** Selects the instances in the Instances view; false when their region is not shown. */
  reveal(instanceIds: readonly string[], region: string): Promise<boolean>;
  /** The instance a tree item stands for, when a command was started from one. */
  instanceOf(item: unknown): InstanceInfo | undefined;
}
