// What the details page shows of one image, gathered before it is drawn. Pure types.
import type { AllowedImagesSettings, ImageDetails, ImageInfo } from '../aws/model';
import type { LastLaunched } from '../shared/imageLabels';

/** An answer, or why there is none: a part that failed never hides the rest of the page. */
export type Fact<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** One step back in the chain an image came from. */
export interface LineageLink {
  /** `copy`: the image was copied from `imageId`; `instance`: it was made from `instanceId`, launched from `imageId`. */
  readonly relation: 'copy' | 'instance';
  readonly region: string;
  readonly imageId?: string;
  readonly instanceId?: string;
  /** The source image, when EC2 still knows it. */
  readonly image?: ImageInfo;
  /** Why the chain ends here, when it does for a reason worth saying. */
  readonly note?: string;
}

/** Who uses the image, as the usage lookup reports it (the shape of the API's `imageUsage`). */
export interface ImageUsageView {
  readonly references: readonly { readonly resourceType: string; readonly arn: string }[];
  readonly accounts?: readonly { readonly accountId: string; readonly resources: number | Readonly<Record<string, number>> }[];
  readonly files: readonly { readonly path: string; readonly line: number }[];
}

export interface ImagePage {
  readonly details: ImageDetails;
  /** The caller's own image: only then are launch permissions, last launch and snapshot costs its to see. */
  readonly owned: boolean;
  readonly selfAccount?: string;
  /** Owned images only. */
  readonly lastLaunched?: LastLaunched;
  readonly allowed: Fact<AllowedImagesSettings>;
  readonly lineage: readonly LineageLink[];
  readonly pricePerGBMonth: number;
  /** Drawn only when given: who uses the image, or why that could not be found out. */
  readonly usage?: Fact<ImageUsageView>;
  readonly now: number;
}
