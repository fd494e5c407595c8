// What a cleanup plan is made from: each region's owned images in scope, and, for those the cheap rules do not
// already keep, their last launch and references. A region that fails is named; the others still plan.
import type { AwsService } from '../../aws/awsService';
import type { ImageInfo, ImageQuery } from '../../aws/model';
import { isCancellation } from '../../shared/cancellation';
import { inAccountUsage, type InAccountUsage } from '../../shared/imageUsage';
import { usedByText } from '../../shared/usageText';
import { planCleanup, type Candidate, type ImageFacts, type PlanContext } from './cleanupPlan';
import type { RetireRequest } from './request';

/** Owned images in scope per region at most: a plan is for a family of images, not an estate. */
export const maxPerRegion = 1000;

export interface Gathered {
  readonly candidates: readonly Candidate[];
  /** "eu-west-1: AccessDenied …": regions left out of the plan, and why. */
  readonly notSearched: readonly string[];
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function rethrowCancel(error: unknown): void {
  if (isCancellation(error)) {
    throw error;
  }
}

async function inScope(aws: AwsService, region: string, request: RetireRequest, signal: AbortSignal): Promise<ImageInfo[]> {
  const { namePattern, tags } = request.criteria;
  const query: ImageQuery = {
    scope: 'owned',
    filter: { namePattern, includeDeprecated: true, includeDisabled: true },
    extraFilters: Object.entries(tags).map(([key, value]) => ({ name: `tag:${key}`, values: [value] })),
  };
  const images = await aws.newestImages(region, query, maxPerRegion + 1, signal);
  if (images.length > maxPerRegion) {
    throw new Error(`more than ${maxPerRegion} owned images match: narrow the name pattern or tags`);
  }
  return images;
}

/** Last launch per image: DescribeImages may carry it; otherwise one DescribeImageAttribute each, within the budget. */
type LaunchFact = { readonly at?: string | null; readonly problem?: string };

async function lastLaunches(aws: AwsService, images: readonly ImageInfo[], signal: AbortSignal): Promise<Map<string, LaunchFact>> {
  const answers = await Promise.all(images.map(async (image): Promise<[string, LaunchFact]> => {
    if (image.lastLaunchedTime) {
      return [image.id, { at: image.lastLaunchedTime }];
    }
    try {
      return [image.id, { at: (await aws.imageLastLaunched(image.region, image.id, signal)) ?? null }];
    } catch (error) {
      rethrowCancel(error);
      return [image.id, { problem: `could not read the last launch: ${message(error)}` }];
    }
  }));
  return new Map(answers);
}

/**
 * What of the account uses each image in one region (ten images a call, then the names); undefined for all of
 * them when EC2 would not say.
 */
async function references(aws: AwsService, region: string, ids: readonly string[], signal: AbortSignal): Promise<{ found?: Map<string, InAccountUsage>; problem?: string }> {
  if (!ids.length) {
    return { found: new Map() };
  }
  try {
    return { found: await inAccountUsage(aws, region, ids, signal) };
  } catch (error) {
    rethrowCancel(error);
    return { problem: `could not read what uses it: ${message(error)}` };
  }
}

/**
 * The plan's candidates in every region: images the cheap rules (scope, Latest, age, newest K, what the action
 * can change) let through get their facts read; the rest are kept for their own reason and need none.
 */
export async function gather(aws: AwsService, request: RetireRequest, regions: readonly string[], ctx: PlanContext, report: (m: string) => void, signal: AbortSignal): Promise<Gathered> {
  const notSearched: string[] = [];
  const perRegion = await Promise.all(regions.map(async (region) => {
    try {
      const images = await inScope(aws, region, request, signal);
      const unread: ImageFacts = { lastLaunched: undefined, references: undefined };
      const cheap = planCleanup(images.map((image) => ({ image, facts: { lastLaunched: null, references: 0 } })),
        { ...request.criteria, notLaunchedForDays: undefined, unreferencedOnly: false }, request.action, ctx);
      const needFacts = cheap.retire.map((p) => p.image);
      report(`${region}: ${images.length} in scope, checking ${needFacts.length}`);
      const [launched, refs] = await Promise.all([lastLaunches(aws, needFacts, signal), references(aws, region, needFacts.map((i) => i.id), signal)]);
      return images.map((image): Candidate => {
        const launch = launched.get(image.id);
        if (!launch) {
          return { image, facts: unread };
        }
        const problems = [launch.problem, refs.problem].filter(Boolean).join('; ');
        const usage = refs.found?.get(image.id);
        return {
          image,
          facts: {
            lastLaunched: launch.at, references: usage?.references.length,
            ...(usage?.groups.length ? { usedBy: usedByText(usage.groups) } : {}), ...(problems ? { unknownBecause: problems } : {}),
          },
        };
      });
    } catch (error) {
      rethrowCancel(error);
      notSearched.push(`${region}: ${message(error)}`);
      return [];
    }
  }));
  return { candidates: perRegion.flat(), notSearched };
}
