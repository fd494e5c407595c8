import * as vscode from 'vscode';
import { ensureKnownRegions } from '../aws/knownRegions';
import type { LaunchPermissions } from '../aws/model';
import { isProgrammatic } from '../shared/commandArgs';
import { snapshotsOf } from '../shared/imageSnapshots';
import { withProgress } from '../shared/progress';
import type { CommandHandler } from '../shared/registerCommand';
import type { ActionDeps } from './actionDeps';
import { imageTarget } from './imageTarget';
import { askShareRequest, readShareContext } from './shareImageWizard';
import { describeLaunchPermissions, isEmptyChange, parseShareRequest, shareRefusal, type ShareRequest } from './shareRequest';

/** Checks the request against the image and the account, then changes launch (and snapshot) permissions. */
async function applyShare(deps: ActionDeps, request: ShareRequest): Promise<LaunchPermissions> {
  const { aws } = deps;
  const { imageId, region, change } = request;
  await ensureKnownRegions(aws, [region]);
  const { ctx, details } = await readShareContext(aws, imageId, region, change.add.public);
  const refusal = shareRefusal(change, ctx);
  if (refusal) {
    throw new Error(refusal);
  }
  if (isEmptyChange(change)) {
    return details.launchPermissions!;
  }
  const snapshots = snapshotsOf([details.image]);
  await withProgress(`Sharing ${details.image.name}`, async (report, signal) => {
    report('changing launch permissions');
    await aws.call('ModifyImageAttribute', region, (sdk, c) => sdk.modifyLaunchPermissions(c, region, imageId, change, signal));
    if (!request.shareSnapshots) {
      return;
    }
    try {
      for (const [operation, accounts] of [['add', change.add.accounts], ['remove', change.remove.accounts]] as const) {
        for (const snapshotId of accounts.length ? snapshots : []) {
          report(`${operation === 'add' ? 'granting' : 'revoking'} createVolumePermission on ${snapshotId}`);
          await aws.call('ModifySnapshotAttribute', region, (sdk, c) => sdk.modifySnapshotVolumePermissions(c, region, snapshotId, operation, accounts, signal));
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
 * optionally lets the same accounts create volumes from its snapshots. Returns the launch permissions after the change.
 */
export function shareImage(deps: ActionDeps): CommandHandler {
  return async (arg, via) => {
    if (isProgrammatic(arg, via)) {
      return applyShare(deps, parseShareRequest(arg));
    }
    const target = await imageTarget(deps.aws, arg, deps.atCursor);
    const request = target && await askShareRequest(deps.aws, target);
    if (!request) {
      return undefined;
    }
    const after = await applyShare(deps, request);
    void vscode.window.showInformationMessage(`${request.imageId} can now be launched by ${describeLaunchPermissions(after)}.`);
    return after;
  };
}
