// Who uses an image, gathered once for every place that shows it (the usage list, the Images view, the retire
// confirmations, the details, the API): the account's own resources that name it, what other accounts use by the
// newest AMI usage report, and the workspace files that mention its id. No vscode: the file search is handed in.
import type { ImageUsage } from '../api/amiExplorerApi';
import type { AwsService } from '../aws/awsService';
import { toAwsError } from '../aws/errors';
import { referenceNames, referencesOf } from '../aws/imageUsage';
import type { ImageDetails, ImageTarget } from '../aws/model';
import type { ImageReference, UsageReport } from '../aws/usageModel';
import { isCancellation } from './cancellation';
import { accountsOf, groupReferences, type AccountUsage, type UsageGroup } from './usageText';


/** A line of a file that mentions an image id. */
export interface FileMention {
  /** The file's absolute path (its URI for files not on disk). */
  readonly path: string;
  /** 1-based, as editors number lines. */
  readonly line: number;
}

/** A mention as the views show it. */
export interface WorkspaceMention extends FileMention {
  readonly uri: string;
  /** The path relative to its workspace folder. */
  readonly label: string;
}

export interface MentionScan {
  readonly mentions: readonly WorkspaceMention[];
  /** The search stopped at one of its caps: there may be more. */
  readonly truncated: boolean;
}

/** Searches the workspace for an image id (src/code/idMentions.ts). */
export type MentionFinder = (imageId: string, signal?: AbortSignal) => Promise<MentionScan>;

/** What the usage lookups need. */
export interface UsageSources {
  readonly aws: AwsService;
  readonly findMentions: MentionFinder;
}

export type { ImageUsage };

/** A part of the usage that was found, or why it could not be. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** The account's own resources that name an image, with names where known. */
export interface InAccountUsage {
  readonly references: readonly ImageReference[];
  readonly groups: readonly UsageGroup[];
}

/** A report and, once available, what it counted. */
export interface ReportUsage {
  readonly report: UsageReport;
  readonly accounts: readonly AccountUsage[];
}

/** The newest usage reports of an owned image: the newest available one and a newer one still pending. */
export interface ReportsUsage {
  readonly available?: ReportUsage;
  readonly pending?: UsageReport;
}

export interface UsageDetails {
  readonly details: ImageDetails;
  /** The caller owns the image: only then are there usage reports. */
  readonly owned: boolean;
  readonly inAccount: Outcome<InAccountUsage>;
  /** Owned images only. */
  readonly reports?: Outcome<ReportsUsage>;
  readonly files: Outcome<MentionScan>;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A part's outcome; a cancel is no outcome, it ends the whole lookup. */
async function outcome<T>(work: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    if (isCancellation(error)) {
      throw error;
    }
    return { ok: false, error: reason(error) };
  }
}

/**
 * What of the account uses each image of one region, named: DescribeImageReferences 10 images a call, then the
 * instances' and launch templates' names. Rejects when the references cannot be read.
 */
export async function inAccountUsage(aws: Pick<AwsService, 'imageReferences' | 'instanceNames' | 'launchTemplateNames'>, region: string, imageIds: readonly string[], signal?: AbortSignal): Promise<Map<string, InAccountUsage>> {
  const byImage = await referencesOf(aws, region, imageIds, signal);
  const names = await referenceNames(aws, region, [...byImage.values()].flat(), signal);
  return new Map([...byImage].map(([id, references]) => [id, { references, groups: groupReferences(references, names) }]));
}

/** The newest available report of an image (with its entries) and a newer pending one, if any. */
export async function newestReports(aws: AwsService, region: string, imageId: string, signal?: AbortSignal): Promise<ReportsUsage> {
  const reports = (await aws.imageUsageReports(region, { imageId }, signal))
    .sort((a, b) => (b.creationTime ?? '').localeCompare(a.creationTime ?? ''));
  const available = reports.find((r) => r.state === 'available');
  const pending = reports.find((r) => r.state === 'pending' && (!available || (r.creationTime ?? '') > (available.creationTime ?? '')));
  if (!available) {
    return { pending };
  }
  const entries = await aws.imageUsageReportEntries(region, available.reportId, signal);
  return { available: { report: available, accounts: accountsOf(entries) }, pending };
}

/**
 * Everything known of who uses an image, each part found or failed on its own. Rejects only when the image
 * cannot be read (it does not exist in the region, say) or the caller cancels.
 */
export async function usageDetails(sources: UsageSources, target: ImageTarget, signal?: AbortSignal): Promise<UsageDetails> {
  const { aws } = sources;
  const { imageId, region } = target;
  const [details, self] = await Promise.all([
    aws.describeImage(region, imageId, signal).catch((error: unknown) => {
      if (toAwsError(error).kind === 'notFound') {
        throw new Error(`Image ${imageId} does not exist in ${region}, or this account cannot see it. Check the id and the region.`);
      }
      throw error;
    }),
    aws.accountId(),
  ]);
  const owned = self !== undefined && details.image.ownerId === self;
  const [inAccount, reports, files] = await Promise.all([
    outcome(inAccountUsage(aws, region, [imageId], signal).then((m) => m.get(imageId) ?? { references: [], groups: [] })),
    owned ? outcome(newestReports(aws, region, imageId, signal)) : Promise.resolve(undefined),
    outcome(sources.findMentions(imageId, signal)),
  ]);
  return { details, owned, inAccount, reports, files };
}

/** The API's shape; rejects, saying which, when the account's references or the workspace could not be read. */
export function toImageUsage(usage: UsageDetails): ImageUsage {
  const { image } = usage.details;
  if (!usage.inAccount.ok) {
    throw new Error(`Could not check what uses ${image.id} in ${image.region}: ${usage.inAccount.error}`);
  }
  if (!usage.files.ok) {
    throw new Error(`Could not search the workspace for ${image.id}: ${usage.files.error}`);
  }
  const available = usage.reports?.ok ? usage.reports.value.available : undefined;
  return {
    references: usage.inAccount.value.references.map((r) => ({ resourceType: r.resourceType, arn: r.arn })),
    ...(available ? { accounts: available.accounts.map((a) => ({ accountId: a.accountId, resources: { ...a.resources } })) } : {}),
    files: usage.files.value.mentions.map((m) => ({ path: m.path, line: m.line })),
  };
}

/** Who uses an image, as the API answers it: `{ references, accounts?, files }`. Asks nothing and creates nothing. */
export async function imageUsage(sources: UsageSources, target: ImageTarget, signal?: AbortSignal): Promise<ImageUsage> {
  return toImageUsage(await usageDetails(sources, target, signal));
}
