import { ensureKnownRegions } from '../../aws/knownRegions';
import type { ImageQuery } from '../../aws/model';
import type { ActionDeps } from '../common/actionDeps';
import { findFilters, maxFound, type FindRequest, type SearchAnswer } from './request';

const scopes = ['owned', 'shared'] as const;

/** The regions a request searches: its own, checked against the account's, else those the Images view shows. */
export async function searchedRegions(deps: ActionDeps, request: FindRequest): Promise<string[]> {
  if (!request.regions) {
    return deps.aws.regions();
  }
  await ensureKnownRegions(deps.aws, request.regions);
  return [...request.regions];
}

/** How many searches `searchImages` makes: each region's owned and shared images. */
export function searchCount(regions: readonly string[]): number {
  return regions.length * scopes.length;
}

/**
 * Searches every region's owned and shared images at once; `onAnswer` hears each search as it answers, a failure
 * (named, with why) as much as a match, so a slow or failing region never holds back the others. Resolves once
 * every search has answered; never rejects.
 */
export async function searchImages(
  deps: ActionDeps, request: FindRequest, regions: readonly string[], onAnswer: (answer: SearchAnswer) => void, signal?: AbortSignal,
): Promise<void> {
  const query = (scope: 'owned' | 'shared'): ImageQuery => ({
    scope,
    filter: { namePattern: request.namePattern, includeDeprecated: true, includeDisabled: true },
    extraFilters: findFilters(request),
  });
  await Promise.all(regions.flatMap((region) => scopes.map(async (scope) => {
    let answer: SearchAnswer;
    try {
      answer = { region, scope, images: await deps.aws.newestImages(region, query(scope), maxFound, signal) };
    } catch (error) {
      answer = { region, scope, failure: error instanceof Error ? error.message : String(error) };
    }
    onAnswer(answer);
  })));
}
