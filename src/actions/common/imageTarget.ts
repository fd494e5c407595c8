import * as vscode from 'vscode';
import type { AwsService } from '../../aws/awsService';
import type { ImageTarget } from '../../aws/model';
import { isPlainObject } from '../../shared/plainObject';
import type { ImageViews } from '../../shared/views';
import { checkImageId, checkRegion, ensureValid } from '../../shared/validation';

export type { ImageTarget } from '../../aws/model';

/** The image whose id is under the editor's cursor, if any: what a palette command acts on first. */
export type ImageAtCursor = () => Promise<ImageTarget | undefined>;

/** Where a command's image can come from besides its argument. */
export interface TargetSources {
  readonly aws: AwsService;
  readonly images: Pick<ImageViews, 'imageOf'>;
  readonly atCursor?: ImageAtCursor;
}

/**
 * The image a command acts on, from whichever way it was called: a tree item, `{ imageId, region }`,
 * the id under the editor's cursor, or (from the palette) asked for. Undefined when the user cancels.
 */
export async function imageTarget(sources: TargetSources, arg: unknown): Promise<ImageTarget | undefined> {
  const { aws, atCursor } = sources;
  const fromTree = sources.images.imageOf(arg);
  if (fromTree) {
    return { imageId: fromTree.id, region: fromTree.region };
  }
  if (isPlainObject(arg)) {
    return {
      imageId: ensureValid(arg.imageId, checkImageId) as string,
      region: ensureValid(arg.region, checkRegion) as string,
    };
  }
  const underCursor = await atCursor?.();
  if (underCursor) {
    return underCursor;
  }
  const imageId = await vscode.window.showInputBox({
    title: 'Image id',
    prompt: 'The AMI to act on',
    placeHolder: 'ami-0abcdef1234567890',
    validateInput: (v) => checkImageId(v.trim()),
    ignoreFocusOut: true,
  });
  if (!imageId) {
    return undefined;
  }
  const region = await pickRegion(aws, `Region of ${imageId.trim()}`);
  return region ? { imageId: imageId.trim(), region } : undefined;
}

export async function pickRegion(aws: AwsService, title: string): Promise<string | undefined> {
  const regions = await aws.regions();
  if (regions.length === 1) {
    return regions[0];
  }
  return vscode.window.showQuickPick(regions, { title, ignoreFocusOut: true });
}
