import * as vscode from 'vscode';
import { ensureKnownRegions } from '../../aws/knownRegions';
import type { RetireImagesResult } from '../../api/amiExplorerApi';
import { snapshotPricePerGBMonth } from '../../settings/cost';
import { groupByTagKey } from '../../settings/images';
import { confirmDestructive } from '../../shared/confirm';
import { plural } from '../../shared/format';
import { withProgress } from '../../shared/progress';
import type { CommandHandler } from '../../shared/registerCommand';
import type { ActionSummary } from '../../shared/summaryText';
import type { TextPage, TextPages } from '../../shared/textPages';
import type { Answers } from '../../shared/wizard/wizard';
import type { ActionDeps } from '../common/actionDeps';
import { reviewAnswers } from '../common/confirmChange';
import { prepare, type Prepared } from '../common/deregistration';
import { retentionText } from '../common/recycleBinRetention';
import { ensureConfirmed, invocationOf, withoutConfirmed } from '../common/invocation';
import { planCleanup, type CleanupPlan, type PlanContext } from './cleanupPlan';
import { runPlan } from './execute';
import { gather } from './gather';
import { planDocument, type Outcomes } from './planDocument';
import { dollars, unitPrice } from '../../shared/snapshotCost';
import { parseRetireRequest, type RetireRequest } from './request';
import { askRetireRequest } from './wizard';

/** A plan with what it was made from. */
interface Planned {
  readonly regions: readonly string[];
  readonly plan: CleanupPlan;
  readonly notSearched: readonly string[];
  /** For deregister: each region's images with their instances, snapshots' fate and Recycle Bin retention. */
  readonly prepared: readonly Prepared[];
}

const verbs = { deprecate: 'Deprecate', disable: 'Disable', deregister: 'Deregister' } as const;
const pastTense = { deprecate: 'Deprecated', disable: 'Disabled', deregister: 'Deregistered' } as const;

function listed(ids: readonly string[], max = 10): string {
  return ids.length > max ? `${ids.slice(0, max).join(', ')} and ${ids.length - max} more` : ids.join(', ');
}

/** Reads the estate and makes the plan, under a cancellable progress; nothing changes. */
async function makePlan(deps: ActionDeps, request: RetireRequest): Promise<Planned> {
  const regions = request.criteria.regions ? [...request.criteria.regions] : await deps.aws.regions();
  if (request.criteria.regions) {
    await ensureKnownRegions(deps.aws, regions);
  }
  const ctx: PlanContext = { now: Date.now(), groupKey: groupByTagKey() || undefined, pricePerGBMonth: snapshotPricePerGBMonth() };
  return withProgress('Planning the cleanup', async (report, signal) => {
    const { candidates, notSearched } = await gather(deps.aws, request, regions, ctx, report, signal);
    const plan = planCleanup(candidates, request.criteria, request.action, ctx);
    const byRegion = new Map<string, string[]>();
    for (const { image } of plan.retire) {
      byRegion.set(image.region, [...(byRegion.get(image.region) ?? []), image.id]);
    }
    const prepared = request.action === 'deregister'
      ? await Promise.all([...byRegion].map(([region, imageIds]) => prepare(deps.aws, { region, imageIds }, signal)))
      : [];
    return { regions, plan, notSearched, prepared };
  });
}

function pageText(request: RetireRequest, planned: Planned, outcomes?: Outcomes): string {
  return planDocument(planned.plan, request.criteria, planned.regions, request.deleteSnapshots, { outcomes, notSearched: planned.notSearched });
}

/** What the Recycle Bin will keep of a deregistration, image by image, in one line per kind of fate. */
function retentionLines(planned: Planned, deleteSnapshots: boolean): string[] {
  const fates = new Map<string, string[]>();
  for (const p of planned.prepared) {
    for (const image of p.images) {
      const retention = p.retention[image.id];
      const ownSnapshotsGo = deleteSnapshots && image.blockDevices.some((b) => b.snapshotId && p.plan.deletable.includes(b.snapshotId));
      const fate = retention ? retentionText(retention, ownSnapshotsGo) : 'permanent: this cannot be undone';
      fates.set(fate, [...(fates.get(fate) ?? []), image.id]);
    }
  }
  return [...fates].map(([fate, ids]) => `${listed(ids, 5)}: ${fate}`);
}

/** What EC2 reports using the images the plan retires, named, and what the action means for them. */
function usedLines(plan: CleanupPlan, max = 10): string[] {
  const used = plan.retire.filter((p) => p.usedBy);
  const consequence = { deprecate: 'they still launch it; deprecation only hides it from searches', disable: 'their launches fail while it is disabled', deregister: 'their launches fail once it is gone' }[plan.action];
  const lines = used.slice(0, max).map((p) => `${p.image.id} (${p.image.name}) is used by ${p.usedBy ?? ''}: ${consequence}`);
  return used.length > max ? [...lines, `${used.length - max} more images in use (the plan's References column)`] : lines;
}

function summaryOf(request: RetireRequest, planned: Planned): ActionSummary {
  const { plan } = planned;
  const ids = plan.retire.map((p) => p.image.id);
  const verb = verbs[plan.action];
  const deletable = planned.prepared.flatMap((p) => p.plan.deletable);
  const lines = [
    `${verb}s ${plural(ids.length, 'owned image')}: ${listed(ids)}`,
    `Their snapshots: ${plan.totalSnapshotGiB} GiB, about ${dollars(plan.monthlyCost)} a month at ${unitPrice(plan.pricePerGBMonth)} per GB-month (an estimate)`,
    ...(plan.action === 'deregister'
      ? [request.deleteSnapshots && deletable.length ? `Deletes for good the snapshots no other image uses: ${listed(deletable)}` : 'Keeps their snapshots (they still cost storage)', ...retentionLines(planned, request.deleteSnapshots)]
      : []),
    ...usedLines(plan),
    ...(plan.kept.length ? [`Keeps ${plural(plan.kept.length, 'image')} the rules spare (see the plan)`] : []),
    ...planned.notSearched.map((n) => `Not searched: ${n}`),
  ];
  return {
    title: `Cleanup plan: ${verb.toLowerCase()} ${plural(ids.length, 'image')}`,
    accept: `${verb} ${plural(ids.length, 'Image')}`,
    regions: [...new Set(plan.retire.map((p) => p.image.region))],
    lines,
    destructive: plan.action !== 'deprecate',
  };
}

/** Deregistering asks once more in a modal, naming what will be lost. */
function confirmDeregister(request: RetireRequest, planned: Planned): Promise<boolean> {
  const { plan } = planned;
  const regions = [...new Set(plan.retire.map((p) => p.image.region))].join(', ');
  const deletable = planned.prepared.flatMap((p) => p.plan.deletable);
  const detail = [
    ...retentionLines(planned, request.deleteSnapshots),
    request.deleteSnapshots && deletable.length ? `Snapshots deleted for good: ${listed(deletable)}.` : 'Their snapshots are kept.',
    'No new instance can be launched from them; running instances keep running.',
  ].join('\n');
  return confirmDestructive(`Deregister ${plural(plan.retire.length, 'image')} in ${regions}?`, detail, `Deregister ${plural(plan.retire.length, 'Image')}`);
}

function resultOf(planned: Planned, outcomes?: Outcomes): RetireImagesResult {
  const { plan } = planned;
  return {
    images: plan.retire.map((p) => ({
      imageId: p.image.id, region: p.image.region, name: p.image.name, ageDays: p.ageDays,
      lastLaunched: p.lastLaunched === undefined ? 'unknown' : p.lastLaunched,
      references: p.references ?? null, snapshotGiB: p.snapshotGiB, monthlyCost: p.monthlyCost,
      ...(outcomes ? { outcome: outcomes[p.image.id] ?? 'not done' } : {}),
    })),
    totalSnapshotGiB: plan.totalSnapshotGiB,
    monthlyCost: plan.monthlyCost,
    notSearched: [...planned.notSearched],
  };
}

/** Runs the plan under a cancellable progress; the outcomes say what was done even when it stopped part way. */
async function execute(deps: ActionDeps, request: RetireRequest, planned: Planned): Promise<{ outcomes: Outcomes; stopped?: string }> {
  const outcomes: Record<string, string> = {};
  try {
    await withProgress(`${verbs[request.action]} ${plural(planned.plan.retire.length, 'image')}`, (report, signal) =>
      runPlan(deps.aws, planned.plan, planned.prepared, request.deleteSnapshots, outcomes, (m) => report(m), signal));
    return { outcomes };
  } catch (error) {
    return { outcomes, stopped: error instanceof Error ? error.message : String(error) };
  } finally {
    for (const region of new Set(planned.plan.retire.map((p) => p.image.region))) {
      deps.images.refreshRegion(region);
    }
  }
}

function outcomeMessage(request: RetireRequest, planned: Planned, outcomes: Outcomes, stopped?: string): string {
  const total = planned.plan.retire.length;
  const failed = Object.values(outcomes).filter((o) => o.startsWith('failed')).length;
  const done = Object.values(outcomes).filter((o) => !o.startsWith('failed') && o !== 'not done').length;
  const head = `${pastTense[request.action]} ${done} of ${plural(total, 'image')}`;
  return `${head}${failed ? `; ${failed} failed` : ''}${stopped ? `; stopped: ${stopped}` : ''}. The plan page shows each outcome.`;
}

/**
 * amiExplorer.retireImages: asks for the plan's rules (or takes a link's object), shows the plan as a read-only
 * page, and after the summary (and, to deregister, a modal) applies it, writing each image's outcome on the page.
 */
export function retireImages(deps: ActionDeps, pages: TextPages): CommandHandler {
  return async (...args) => {
    const call = invocationOf(args);
    const asked: Answers<RetireRequest> | undefined = call.via === 'link'
      ? { value: parseRetireRequest(withoutConfirmed(call.input)) }
      : await askRetireRequest();
    let page: TextPage | undefined;
    const show = async (text: string) => {
      if (page) {
        page.update(text);
      } else {
        page = await pages.show('Cleanup plan.txt', text);
      }
    };
    if (!asked) {
      return undefined;
    }
    if (asked.value.dryRun) {
      // Only a link's object asks for a dry run: the page is all it wants.
      const planned = await makePlan(deps, asked.value);
      await show(pageText(asked.value, planned));
      return resultOf(planned);
    }
    const reviewed = await reviewAnswers(deps.aws, asked, async (request) => {
      const planned = await makePlan(deps, request);
      await show(pageText(request, planned));
      if (!planned.plan.retire.length) {
        throw new Error(`No owned image matches every rule of the plan${planned.plan.kept.length ? `; the plan page says why each of ${plural(planned.plan.kept.length, 'image')} stays` : ''}.`);
      }
      return planned;
    }, summaryOf);
    if (!reviewed) {
      return undefined;
    }
    const { answers: request, plan: planned } = reviewed;
    if (request.action === 'deregister' && !await confirmDeregister(request, planned)) {
      return undefined;
    }
    const { outcomes, stopped } = await execute(deps, request, planned);
    await show(pageText(request, planned, outcomes));
    const text = outcomeMessage(request, planned, outcomes, stopped);
    void (stopped || Object.values(outcomes).some((o) => o.startsWith('failed')) ? vscode.window.showWarningMessage(text) : vscode.window.showInformationMessage(text));
    return resultOf(planned, outcomes);
  };
}

/**
 * The API's retireImages: `dryRun: true` returns the plan and changes nothing; otherwise `confirmed: true` is
 * needed, and the result carries each image's outcome. A stop part way rejects, naming what was done.
 */
export async function retireImagesApi(deps: ActionDeps, input: unknown): Promise<RetireImagesResult> {
  const request = parseRetireRequest(input);
  if (!request.dryRun) {
    ensureConfirmed(input as Record<string, unknown>, `Retiring images (${request.action}) changes every image the plan picks`);
  }
  const planned = await makePlan(deps, request);
  if (request.dryRun) {
    return resultOf(planned);
  }
  const { outcomes, stopped } = await execute(deps, request, planned);
  if (stopped) {
    throw new Error(outcomeMessage(request, planned, outcomes, stopped).replace(' The plan page shows each outcome.', ` Outcomes: ${JSON.stringify(outcomes)}`));
  }
  return resultOf(planned, outcomes);
}
