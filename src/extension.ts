import * as vscode from 'vscode';
import { AwsService } from './aws/awsService';
import { section } from './settings/connection';
import { SettingsHub } from './settings/settingsHub';
import { isSdkLoaded } from './aws/sdkLoader';
import { copyImageId } from './commands/copyImageId';
import { filterImages } from './commands/filterImages';
import { groupByTag } from './commands/groupByTag';
import { showDetails } from './commands/imageDetails';
import { copyArn, openInConsole } from './commands/awsLinks';
import { ImageDetailsPanels } from './details/imageDetailsPanels';
import { snapshotPricePerGBMonth } from './settings/cost';
import { LastLaunchedReader } from './shared/lastLaunched';
import { loadMore } from './commands/loadMore';
import { refresh } from './commands/refresh';
import { selectProfile } from './commands/selectProfile';
import { selectRegions } from './commands/selectRegions';
import type { ActionDeps } from './actions/common/actionDeps';
import { copyImage } from './actions/copyImage/command';
import { createImage } from './actions/createImage/command';
import { deprecateImage } from './actions/deprecateImage/command';
import { deregisterImage } from './actions/deregisterImage/command';
import { disableImage, enableImage } from './actions/disableImage/command';
import { restoreImage } from './actions/restoreImage/command';
import { setDeregistrationProtection } from './actions/setDeregistrationProtection/command';
import { findImages } from './actions/findImages/command';
import { editTags } from './actions/editTags/command';
import { launchInstance } from './actions/launchInstance/command';
import { instanceStateCommand } from './actions/instanceState/command';
import { revealImage } from './commands/revealImage';
import { shareImage } from './actions/shareImage/command';
import { showImageUsage } from './actions/showImageUsage/command';
import { findMentions } from './code/idMentions';
import { imageUsage } from './shared/imageUsage';
import { pageScheme, TextPages } from './shared/textPages';
import { retireImages } from './actions/retireImages/command';
import { CodeFeatures } from './code/codeFeatures';
import { imageAtCursor } from './code/imageAtCursor';
import { ImageFilterState } from './explorer/imageFilterState';
import { ImagesTree } from './explorer/imagesTree';
import { InstancesTree } from './explorer/instancesTree';
import { disposeLog } from './shared/log';
import { registerCommand } from './shared/registerCommand';
import { onDidNotify } from './shared/notify';
import { answerModalsWith } from './shared/confirm';
import { onDidShowSummary } from './shared/summaryStep';
import { onDidShowStep } from './shared/wizard/shownStep';
import type { AmiExplorerApi } from './api/amiExplorerApi';
import { createApi } from './api/createApi';
import { ConnectionStatusBar } from './status/connectionStatusBar';

/** Builds the few services and registers the features. No AWS SDK here: it loads on the first AWS call. */
export function activate(context: vscode.ExtensionContext): AmiExplorerApi & { testing?: TestingHooks } {
  const settings = new SettingsHub();
  const aws = new AwsService(settings);
  const statusBar = new ConnectionStatusBar(aws);
  const filter = new ImageFilterState(context.workspaceState);
  // When owned images last launched: read as someone looks, shared by tooltips, hovers and details pages.
  const lastLaunched = new LastLaunchedReader((region, imageId) => aws.imageLastLaunched(region, imageId));
  const images = new ImagesTree(aws, filter, (regions) => statusBar.setResolvedRegions(regions), (imageId, signal) => findMentions(imageId, signal), lastLaunched);
  const instances = new InstancesTree(aws);
  const details = new ImageDetailsPanels({
    aws, lastLaunched, price: snapshotPricePerGBMonth,
    usage: (target, signal) => imageUsage({ aws, findMentions: (imageId, s) => findMentions(imageId, s) }, target, signal),
  });
  const pages = new TextPages();
  const code = new CodeFeatures(aws, settings, context.globalState, lastLaunched);
  context.subscriptions.push(settings, aws, statusBar, filter, images, instances, details, code, pages,
    vscode.workspace.registerTextDocumentContentProvider(pageScheme, pages));
  const atCursor = () => imageAtCursor(code.ids, code.lookup);

  const showRegions = async (extra: readonly string[]) => {
    const shown = images.shownRegions();
    await vscode.workspace.getConfiguration(section).update('regions', [...new Set([...shown, ...extra])], vscode.ConfigurationTarget.Global);
  };
  const deps: ActionDeps = { aws, images, instances, atCursor, showRegions, findMentions: (imageId, signal) => findMentions(imageId, signal) };
  const commands: Record<string, (...args: unknown[]) => unknown> = {
    'amiExplorer.refresh': refresh(aws, { images: images.provider, instances: instances.provider }, () => {
      statusBar.update();
      code.lookup.clear();
      lastLaunched.clear();
      void details.refreshAll();
    }),
    'amiExplorer.loadMore': loadMore(),
    'amiExplorer.showDetails': showDetails(deps, details),
    'amiExplorer.copyImageId': copyImageId(deps),
    'amiExplorer.copyArn': copyArn(deps),
    'amiExplorer.openInConsole': openInConsole(deps),
    'amiExplorer.revealImage': revealImage(deps, images, filter),
    'amiExplorer.copyImage': copyImage(deps),
    'amiExplorer.shareImage': shareImage(deps),
    'amiExplorer.launchInstance': launchInstance(deps),
    'amiExplorer.createImage': createImage(deps),
    'amiExplorer.editTags': editTags(deps),
    'amiExplorer.deprecateImage': deprecateImage(deps),
    'amiExplorer.deregisterImage': deregisterImage(deps),
    'amiExplorer.disableImage': disableImage(deps),
    'amiExplorer.enableImage': enableImage(deps),
    'amiExplorer.setDeregistrationProtection': setDeregistrationProtection(deps),
    'amiExplorer.restoreImage': restoreImage(deps),
    'amiExplorer.retireImages': retireImages(deps, pages),
    'amiExplorer.findImages': findImages(deps),
    'amiExplorer.showImageUsage': showImageUsage(deps),
    'amiExplorer.stopInstance': instanceStateCommand(deps, 'stop'),
    'amiExplorer.startInstance': instanceStateCommand(deps, 'start'),
    'amiExplorer.rebootInstance': instanceStateCommand(deps, 'reboot'),
    'amiExplorer.terminateInstance': instanceStateCommand(deps, 'terminate'),
    'amiExplorer.filter': filterImages(filter),
    'amiExplorer.groupByTag': groupByTag(() => images.knownTagKeys()),
    'amiExplorer.selectProfile': selectProfile(aws),
    'amiExplorer.selectRegions': selectRegions(aws),
  };
  for (const [id, handler] of Object.entries(commands)) {
    registerCommand(context, id, handler);
  }

  context.subscriptions.push(
    settings.on(['connection'], () => void aws.reset().then(() => {
      statusBar.reconnected();
      code.lookup.reconnected();
      lastLaunched.clear();
      images.provider.refresh();
      instances.provider.refresh();
      // Another account or endpoint may not have the image at all: the page says so.
      return details.refreshAll();
    })),
    settings.on(['imagesView'], (changed) => {
      if (!changed.has('connection')) {
        images.provider.refresh();
      }
    }),
    settings.on(['cost'], () => details.redrawAll(snapshotPricePerGBMonth())),
  );

  const api = createApi(deps);
  // Tests reach the views' providers through `testing`; users get the API only.
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    return { ...api, testing: { aws, images, instances, code, statusBar, globalState: context.globalState, isSdkLoaded, onDidShowSummary, onDidShowStep, onDidNotify, answerModals: answerModalsWith, settings, details, lastLaunched } };
  }
  return api;
}

/** What the integration tests reach inside the extension; absent outside the test host. */
export interface TestingHooks {
  readonly aws: AwsService;
  readonly images: ImagesTree;
  readonly instances: InstancesTree;
  readonly code: CodeFeatures;
  readonly statusBar: ConnectionStatusBar;
  readonly globalState: vscode.Memento;
  readonly isSdkLoaded: () => boolean;
  readonly onDidShowSummary: typeof onDidShowSummary;
  /** Each wizard step as it shows, live: tests answer it through its QuickPick or InputBox. */
  readonly onDidShowStep: typeof onDidShowStep;
  readonly onDidNotify: typeof onDidNotify;
  /** Answers the modal questions of destructive actions, which VS Code does not show under test. */
  readonly answerModals: typeof answerModalsWith;
  readonly settings: SettingsHub;
  /** The open details pages: their HTML, and what a page's button would post. */
  readonly details: ImageDetailsPanels;
  readonly lastLaunched: LastLaunchedReader;
}

export function deactivate(): void {
  disposeLog();
}
