import * as vscode from 'vscode';
import type { ImageInfo } from '../../aws/model';
import { Emitter } from '../../shared/emitter';
import type { CommandHandler } from '../../shared/registerCommand';
import type { ActionDeps } from '../common/actionDeps';
import { invocationOf } from '../common/invocation';
import { FoundImages, parseFindRequest, type FoundImage } from './request';
import { searchCount, searchedRegions, searchImages } from './search';
import { askFind, pickFound } from './wizard';

const found = (i: ImageInfo): FoundImage => ({ imageId: i.id, region: i.region, name: i.name, state: i.state });

/**
 * amiExplorer.findImages: asks for a name, an id prefix or tags, then lists the matches in a pick that opens at once
 * and fills in as each region answers, naming the regions that fail; the one picked is revealed. Closing the pick
 * stops the searches still running. Returns the matches it listed.
 */
export function findImages(deps: ActionDeps): CommandHandler {
  return async (...args) => {
    const call = invocationOf(args);
    const request = call.via === 'link' ? parseFindRequest(call.input) : await askFind();
    if (!request) {
      return undefined;
    }
    const regions = await searchedRegions(deps, request);
    const results = new FoundImages(searchCount(regions), request.idPrefix);
    const changed = new Emitter<void>();
    const stop = new AbortController();
    const searching = searchImages(deps, request, regions, (answer) => {
      results.record(answer);
      changed.fire();
    }, stop.signal);
    try {
      const picked = await pickFound(results, changed.event, searching);
      if (picked) {
        await vscode.commands.executeCommand('amiExplorer.revealImage', { imageId: picked.id, region: picked.region });
      }
    } finally {
      stop.abort();
      changed.dispose();
    }
    return results.images().map(found);
  };
}

/**
 * The API's findImages: `{ namePattern?, tags?, idPrefix?, regions? }` → `[{ imageId, region, name, state }]`, once
 * every region has answered; it rejects when a region could not be searched and nothing was found elsewhere.
 */
export async function findImagesApi(deps: ActionDeps, input: unknown): Promise<FoundImage[]> {
  const request = parseFindRequest(input);
  const regions = await searchedRegions(deps, request);
  const results = new FoundImages(searchCount(regions), request.idPrefix);
  await searchImages(deps, request, regions, (answer) => results.record(answer));
  const failures = results.failures();
  if (failures.length && !results.images().length) {
    // An empty answer with a region unsearched would read as "none anywhere".
    const which = failures.map((f) => `${f.region} (${f.scope}): ${f.reason}`).join('; ');
    throw new Error(failures.length === results.searches ? `No region could be searched: ${which}`
      : `Nothing matched where the search ran, but some regions could not be searched: ${which}`);
  }
  return results.images().map(found);
}
