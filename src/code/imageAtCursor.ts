import * as vscode from 'vscode';
import type { ImageTarget } from '../aws/model';
import { noIcons } from '../shared/format';
import type { AmiLookup } from './amiLookup';
import type { DocumentIds } from './documentIds';

/**
 * The image whose id is under the cursor, with the region it lives in, so palette commands need not ask.
 * Undefined when the cursor is on no id or the id was not found; a failed lookup is an error worth reading.
 */
export async function imageAtCursor(ids: DocumentIds, lookup: AmiLookup): Promise<ImageTarget | undefined> {
  const editor = vscode.window.activeTextEditor;
  const occurrence = editor && ids.at(editor.document, editor.selection.active);
  if (!occurrence) {
    return undefined;
  }
  const resolution = await lookup.resolve(occurrence.id);
  if (resolution.kind === 'failed') {
    throw new Error(`Could not look up ${occurrence.id}: ${resolution.errors.map((e) => e.message).join('; ')}`);
  }
  if (resolution.kind === 'notFound') {
    return undefined;
  }
  const inContext = resolution.images.find((i) => i.region === occurrence.context.region);
  const only = resolution.images.length === 1 ? resolution.images[0] : undefined;
  if (inContext ?? only) {
    return { imageId: occurrence.id, region: (inContext ?? only)!.region };
  }
  const region = await vscode.window.showQuickPick(resolution.images.map((i) => ({ label: i.region, description: noIcons(i.name) })), {
    title: `${occurrence.id} exists in ${resolution.images.length} regions`,
    placeHolder: 'Region',
  });
  return region && { imageId: occurrence.id, region: region.label };
}
