import * as vscode from 'vscode';
import { ensureKnownRegions } from '../../aws/knownRegions';
import type { AwsService } from '../../aws/awsService';
import type { ImageDetails, LaunchPermissions } from '../../aws/model';
import { snapshotsOf } from '../../shared/imageSnapshots';
import { withProgress } from '../../shared/progress';
import type { CommandHandler } from '../../shared/registerCommand';
import type { ActionDeps } from '../common/actionDeps';
import { askShareRequest, readShareContext } from './wizard';
import { reviewAnswers } from '../common/confirmChange';
import { ensureConfirmed, invocationOf } from '../common/invocation';
import { imageRequestFor } from '../common/requestFor';
import { describeLaunchPermissions, exposes, isEmptyPermissionChange, parseShareRequest, shareRefusal, shareSummary, type ShareRequest } from './request';

interface SharePlan {
  readonly request: ShareRequest;
  readonly details: ImageDetails;
  readonly snapshots: string[];
}

/** Checks the request against the image and the account before anything changes. */
async function prepare(aws: AwsService, request: ShareRequest): Promise<SharePlan> {
  await ensureKnownRegions(aws, [request.region]);
  const { ctx, details } = await readShareContext(aws, request.imageId, request.region, request.change.add.public);
  const refusal = shareRefusal(request.change, ctx);
  if (refusal) {
    throw new Error(refusal);
  }
  return { request, details, snapshots: snapshotsOf([details.image]) };
}

/** Changes launch (and snapshot) permissions; returns the launch permissions after the change. */
async function applyShare(deps: ActionDeps, plan: SharePlan): Promise<LaunchPermissions> {
  const { aws } = deps;
  const { request, details, snapshots } = plan;
  const { imageId, region, change } = request;
  if (isEmptyPermissionChange(change)) {
    return details.launchPermissions!;
  }
  await withProgress(`Sharing ${details.image.name}`, async (report, signal) => {
    report('changing launch permissions');
    await aws.modifyLaunchPermissions(region, imageId, change, signal);
    if (!request.shareSnapshots) {
      return;
    }
    try {
      for (const [operation, accounts] of [['add', change.add.accounts], ['remove', change.remove.accounts]] as const) {
        for (const snapshotId of accounts.length ? snapshots : []) {
          report(`${operation === 'add' ? 'granting' : 'revoking'} createVolumePermission on ${snapshotId}`);
          await aws.modifySnapshotVolumePermissions(region, snapshotId, operation, accounts, signal);
        }
      }
    } catch (error) {
      throw new Error(`The launch permissions of ${imageId} were changed, but its snapshots were not all shared: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  deps.images.refreshRegion(region);
  const after = await aws.describeImage(region, imageId);
  return after.launchPermissions!;
}

/**
 * amiExplorer.shareImage: shows and changes who can launch an image (accounts, organizations, OUs, public), and
 * optionally lets the same accounts create volumes from its snapshots, after the summary. Returns the launch
 * permissions after the change.
 */
export function shareImage(deps: ActionDeps): CommandHandler {
  return async (...args) => {
    const reviewed = await reviewAnswers(deps.aws, await imageRequestFor(deps, invocationOf(args), parseShareRequest, (target) => askShareRequest(deps.aws, target)),
      (request) => prepare(deps.aws, request), (request, plan) => shareSummary(request, plan.details.image, plan.snapshots));
    if (!reviewed) {
      return undefined;
    }
    const { answers: request, plan } = reviewed;
    const after = await applyShare(deps, plan);
    void vscode.window.showInformationMessage(`${request.imageId} can now be launched by ${describeLaunchPermissions(after)}.`);
    return after;
  };
}

/** The API's shareImage: making public or sharing snapshots needs `confirmed: true`. */
export async function shareImageApi(deps: ActionDeps, input: unknown): Promise<LaunchPermissions> {
  const request = parseShareRequest(input);
  const exposure = exposes(request);
  if (exposure) {
    ensureConfirmed(input as Record<string, unknown>, exposure);
  }
  return applyShare(deps, await prepare(deps.aws, request));
}
