import * as vscode from 'vscode';
import type { ImageInfo, ImageQuery } from '../../aws/model';
import type { CommandHandler } from '../../shared/registerCommand';
import type { ActionDeps } from '../common/actionDeps';
import { ensureKnownRegions } from '../../aws/knownRegions';
import { invocationOf } from '../common/invocation';
import { findFilters, maxFound, parseFindRequest, type FindRequest, type FoundImage } from './request';
import { askFind, pickFound } from './wizard';

/**
 * Owned and shared images matching the request in each region, newest first; a region that fails is named and the
 * others still answer (the API rejects only when every region failed).
 */
async function find(deps: ActionDeps, request: FindRequest, signal?: AbortSignal): Promise<{ images: ImageInfo[]; failures: string[] }> {
  const regions = request.regions ? [...request.regions] : await deps.aws.regions();
  if (request.regions) {
    await ensureKnownRegions(deps.aws, regions);
  }
  const query = (scope: 'owned' | 'shared'): ImageQuery => ({
    scope,
    filter: { namePattern: request.namePattern, includeDeprecated: true, includeDisabled: true },
    extraFilters: findFilters(request),
  });
  const failures: string[] = [];
  const perRegion = await Promise.all(regions.flatMap((region) => (['owned', 'shared'] as const).map(async (scope) => {
    try {
      return await deps.aws.newestImages(region, query(scope), maxFound, signal);
    } catch (error) {
      failures.push(`${region} (${scope}): ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  })));
  const images = perRegion.flat()
    .filter((i) => !request.idPrefix || i.id.startsWith(request.idPrefix))
    .sort((a, b) => (b.creationDate ?? '').localeCompare(a.creationDate ?? ''))
    .slice(0, maxFound);
  return { images, failures };
}

const found = (i: ImageInfo): FoundImage => ({ imageId: i.id, region: i.region, name: i.name, state: i.state });

/** amiExplorer.findImages: asks for a name, an id prefix or tags, lists the matches, and reveals or explains the one picked. */
export function findImages(deps: ActionDeps): CommandHandler {
  return async (...args) => {
    const call = invocationOf(args);
    const request = call.via === 'link' ? parseFindRequest(call.input) : await askFind();
    if (!request) {
      return undefined;
    }
    const { images, failures } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Finding images', cancellable: true },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return find(deps, request, abort.signal);
      },
    );
    for (const failure of failures) {
      void vscode.window.showWarningMessage(`Not searched: ${failure}`);
    }
    if (!images.length) {
      void vscode.window.showInformationMessage('No owned or shared image matches.');
      return [];
    }
    const picked = await pickFound(images, images.length === maxFound);
    if (picked) {
      await vscode.commands.executeCommand('amiExplorer.revealImage', { imageId: picked.id, region: picked.region });
    }
    return images.map(found);
  };
}

/** The API's findImages: `{ namePattern?, tags?, idPrefix?, regions? }` → `[{ imageId, region, name, state }]`. */
export async function findImagesApi(deps: ActionDeps, input: unknown): Promise<FoundImage[]> {
  const request = parseFindRequest(input);
  const { images, failures } = await find(deps, request);
  if (failures.length && !images.length) {
    throw new Error(`No region could be searched: ${failures.join('; ')}`);
  }
  return images.map(found);
}
