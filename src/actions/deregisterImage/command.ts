import * as vscode from 'vscode';
import type { ImageInfo } from '../../aws/model';
import { ensureKnownRegions } from '../../aws/knownRegions';
import { isCancellation } from '../../shared/cancellation';
import { confirmDestructive } from '../../shared/confirm';
import { plural } from '../../shared/format';
import { snapshotsOf } from '../../shared/imageSnapshots';
import { withProgress } from '../../shared/progress';
import type { CommandHandler } from '../../shared/registerCommand';
import type { ActionDeps } from '../common/actionDeps';
import type { DeregisterResult } from '../../api/amiExplorerApi';
import type { ActionSummary } from '../../shared/summaryText';
import { parseDeregisterRequest } from './request';
import { askDeregistration, type Retirement } from './wizard';
import { deregisterPrepared, emptyDeregisterResult, prepare, type Prepared, type RegionBatch } from '../common/deregistration';
import { reviewAnswers } from '../common/confirmChange';
import type { Answers } from '../../shared/wizard/wizard';
import { ensureConfirmed, invocationOf, withoutConfirmed, type Invocation } from '../common/invocation';
import { partialRetirement } from '../common/retirementPlan';
import { retentionText } from '../common/recycleBinRetention';
import { imageUsageLine, usageConsequence } from './usageNote';

export type { DeregisterResult };

/** Tree calls pass `(clickedItem, selectedItems)`: the selection wins when it includes the clicked item. */
function batchesFromTree(images: readonly ImageInfo[]): RegionBatch[] {
  const byRegion = new Map<string, string[]>();
  for (const image of images) {
    const ids = byRegion.get(image.region) ?? [];
    if (!ids.includes(image.id)) {
      ids.push(image.id);
    }
    byRegion.set(image.region, ids);
  }
  return [...byRegion].map(([region, imageIds]) => ({ region, imageIds }));
}

/** Whether deregistering this image also deletes one of its own snapshots, which a restore from the bin needs. */
function deletesItsSnapshots(p: Prepared, image: ImageInfo, deleteSnapshots: boolean): boolean {
  return deleteSnapshots && snapshotsOf([image]).some((s) => p.plan.deletable.includes(s));
}

/** "• name (id, region): used by 1 instance (…); recoverable from the Recycle Bin for 7 days (rule …)". */
function imageLine(p: Prepared, image: ImageInfo, deleteSnapshots: boolean): string {
  const retention = p.retention[image.id];
  const fate = retention ? `; ${retentionText(retention, deletesItsSnapshots(p, image, deleteSnapshots))}` : '';
  return `• ${imageUsageLine(image, p.instances[image.id], p.usage)}${fate}`;
}

async function confirm(prepared: readonly Prepared[], deleteSnapshots: boolean): Promise<boolean> {
  const images = prepared.flatMap((p) => p.images);
  const regions = [...new Set(prepared.map((p) => p.region))].join(', ');
  const [only] = images;
  const message = only && images.length === 1
    ? `Deregister ${only.name} (${only.id}) in ${regions}?`
    : `Deregister ${images.length} images in ${regions}?`;
  const lines = prepared.flatMap((p) => p.images.map((i) => imageLine(p, i, deleteSnapshots)));
  const running = prepared.reduce((n, p) => n + Object.values(p.instances).reduce((m, ids) => m + ids.length, 0), 0);
  lines.push('');
  lines.push(usageConsequence(images, prepared.map((p) => p.usage), running > 0));
  const deletable = prepared.flatMap((p) => p.plan.deletable);
  const kept = prepared.flatMap((p) => p.plan.kept);
  if (deleteSnapshots && deletable.length) {
    lines.push(`Snapshots deleted for good: ${deletable.join(', ')}.`);
  }
  if (deleteSnapshots && kept.length) {
    lines.push(`Snapshots kept: ${kept.map((k) => `${k.snapshotId} (${k.reason})`).join(', ')}.`);
  }
  if (!deleteSnapshots) {
    const all = prepared.flatMap((p) => snapshotsOf(p.images));
    if (all.length) {
      lines.push(`Snapshots kept (they still cost storage): ${all.join(', ')}.`);
    }
  }
  const undoable = prepared.some((p) => p.images.some((i) => p.retention[i.id]?.kind === 'recoverable' && !deletesItsSnapshots(p, i, deleteSnapshots)));
  if (!undoable) {
    lines.push('This cannot be undone.');
  }
  return confirmDestructive(message, lines.join('\n'), images.length === 1 ? 'Deregister' : `Deregister ${images.length} Images`);
}

/** The summary before the modal: each image, its snapshots' fate, and who and where. */
function deregisterSummary(prepared: readonly Prepared[], deleteSnapshots: boolean): ActionSummary {
  const images = prepared.flatMap((p) => p.images);
  const lines = prepared.flatMap((p) => p.images.map((i) => imageLine(p, i, deleteSnapshots).replace(/^• /, 'Deregisters ')));
  const running = prepared.some((p) => Object.values(p.instances).some((ids) => ids.length));
  lines.push(usageConsequence(images, prepared.map((p) => p.usage), running).replace(/\.$/, ''));
  const deletable = prepared.flatMap((p) => p.plan.deletable);
  const all = prepared.flatMap((p) => snapshotsOf(p.images));
  if (deleteSnapshots && deletable.length) {
    lines.push(`Deletes for good the snapshots ${deletable.join(', ')}`);
  } else if (all.length) {
    lines.push(`Keeps the snapshots ${all.join(', ')} (they still cost storage)`);
  }
  return {
    title: images[0] && images.length === 1 ? `Deregister ${images[0].name} (${images[0].id})` : `Deregister ${images.length} images`,
    accept: images.length === 1 ? 'Deregister' : `Deregister ${images.length} Images`,
    regions: [...new Set(prepared.map((p) => p.region))],
    lines,
    destructive: true,
  };
}

/** Deregisters what was prepared; rejects, naming what was done, when some of it failed. */
async function runDeregister(deps: ActionDeps, prepared: readonly Prepared[], deleteSnapshots: boolean): Promise<DeregisterResult> {
  const result = emptyDeregisterResult();
  const failures: string[] = [];
  const total = prepared.reduce((n, p) => n + p.images.length, 0);
  try {
    await withProgress(`Deregistering ${plural(total, 'image')}`, async (report, signal) => {
      for (const p of prepared) {
        await deregisterPrepared(deps.aws, p, deleteSnapshots, result, failures, (m) => report(m), signal);
      }
    });
  } catch (error) {
    // Stopped part way (cancelled, or a read failed): say exactly what is already gone and what is not.
    const cause = isCancellation(error) ? 'Deregistration was cancelled' : `Deregistration stopped (${error instanceof Error ? error.message : String(error)})`;
    const planned = {
      images: prepared.flatMap((p) => p.images.map((i) => i.id)),
      snapshots: deleteSnapshots ? prepared.flatMap((p) => p.plan.deletable) : [],
    };
    throw new Error(partialRetirement(cause, result, planned));
  } finally {
    for (const p of prepared) {
      deps.images.refreshRegion(p.region);
    }
  }
  if (failures.length) {
    const done = result.deregistered.length ? `Deregistered ${result.deregistered.join(', ')}, but ` : '';
    throw new Error(`${done}${failures.join('; ')}. Fix the cause and run Deregister again for what remains.`);
  }
  return result;
}

/**
 * The prepared batches a command works on and whether their snapshots go too: a link's object names its images
 * (and may say what happens to the snapshots), a tree call its selection; from the palette the wizard asks.
 */
async function askRetirement(deps: ActionDeps, call: Invocation): Promise<Answers<Retirement> | undefined> {
  if (call.via === 'link') {
    const { batch, deleteSnapshots } = parseDeregisterRequest(withoutConfirmed(call.input));
    await ensureKnownRegions(deps.aws, [batch.region]);
    return askDeregistration(deps, { batches: [batch], deleteSnapshots: call.input.deleteSnapshots === undefined ? undefined : deleteSnapshots });
  }
  const fromTree = call.via === 'tree' ? deps.images.imagesOf(call.node, call.selection) : [];
  return askDeregistration(deps, { batches: fromTree.length ? batchesFromTree(fromTree) : undefined });
}

/**
 * amiExplorer.deregisterImage: deregisters one image or a multi-selection, after the summary and a modal naming
 * each image, its region and the instances still running from it; optionally deletes the snapshots no other
 * image of the account uses. Returns `{ deregistered, deletedSnapshots, keptSnapshots, runningInstances }`.
 */
export function deregisterImage(deps: ActionDeps): CommandHandler {
  return async (...args) => {
    const reviewed = await reviewAnswers(deps.aws, await askRetirement(deps, invocationOf(args)),
      (retirement) => Promise.resolve(retirement), ({ prepared, deleteSnapshots }) => deregisterSummary(prepared, deleteSnapshots));
    if (!reviewed) {
      return undefined;
    }
    const { prepared, deleteSnapshots } = reviewed.answers;
    if (!await confirm(prepared, deleteSnapshots)) {
      return undefined;
    }
    const result = await runDeregister(deps, prepared, deleteSnapshots);
    const snaps = result.deletedSnapshots.length ? ` and deleted ${plural(result.deletedSnapshots.length, 'snapshot')}` : '';
    const kept = result.keptSnapshots.length ? ` (${plural(result.keptSnapshots.length, 'snapshot')} kept: other images use them)` : '';
    const binned = prepared.flatMap((p) => p.images.filter((i) => result.deregistered.includes(i.id) && p.retention[i.id]?.kind === 'recoverable'
      && !deletesItsSnapshots(p, i, deleteSnapshots)));
    const recoverable = binned.length ? ` ${plural(binned.length, 'image')} can be restored from the region's Recycle Bin until its rule's retention ends.` : '';
    void vscode.window.showInformationMessage(`Deregistered ${plural(result.deregistered.length, 'image')}${snaps}${kept}.${recoverable}`);
    return result;
  };
}

/** The API's deregisterImage: `{ imageId | imageIds, region, deleteSnapshots?, confirmed: true }`. */
export async function deregisterImageApi(deps: ActionDeps, input: unknown): Promise<DeregisterResult> {
  const { batch, deleteSnapshots } = parseDeregisterRequest(input);
  ensureConfirmed(input as Record<string, unknown>, `Deregistering ${batch.imageIds.join(', ')} in ${batch.region} cannot be undone unless a Recycle Bin rule keeps it`);
  await ensureKnownRegions(deps.aws, [batch.region]);
  return runDeregister(deps, [await prepare(deps.aws, batch)], deleteSnapshots);
}
