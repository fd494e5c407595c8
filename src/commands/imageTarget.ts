import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import { ImageNode } from '../explorer/nodes/imageNode';
import { isPlainObject } from '../shared/plainObject';
import { checkImageId, checkRegion, ensureValid } from '../shared/validation';

export interface ImageTarget {
  readonly imageId: string;
  readonly region: string;
}

/** The image whose id is under the editor's cursor, if any: what a palette command acts on first. */
export type ImageAtCursor = () => Promise<ImageTarget | undefined>;

/**
 * The image a command acts on, from whichever way it was called: a tree node, `{ imageId, region }`,
 * the id under the editor's cursor, or (from the palette) asked for. Undefined when the user cancels.
 */
export async function imageTarget(aws: AwsService, arg: unknown, atCursor?: ImageAtCursor): Promise<ImageTarget | undefined> {
  if (arg instanceof ImageNode) {
    return { imageId: arg.imageId, region: arg.region };
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
