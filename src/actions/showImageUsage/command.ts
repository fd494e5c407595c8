import * as vscode from 'vscode';
import { ensureKnownRegions } from '../../aws/knownRegions';
import type { ImageTarget } from '../../aws/model';
import { imageUsage, toImageUsage, usageDetails, type ImageUsage, type UsageDetails, type UsageSources } from '../../shared/imageUsage';
import { withProgress } from '../../shared/progress';
import type { CommandHandler } from '../../shared/registerCommand';
import { runWizard, type WizardStep } from '../../shared/wizard/wizard';
import type { ActionDeps } from '../common/actionDeps';
import { imageTarget } from '../common/imageTarget';
import { invocationOf } from '../common/invocation';
import { parseUsageRequest } from './request';
import { usageEntries, usageTitle, type UsageChoice } from './usageList';
import { reportOnOtherAccounts } from './usageReport';

const sources = (deps: ActionDeps): UsageSources => ({ aws: deps.aws, findMentions: deps.findMentions });

/** The list, to pick a line from; undefined on Escape. */
async function pickUsage(usage: UsageDetails): Promise<UsageChoice | undefined> {
  const step: WizardStep<{ choice?: UsageChoice }> = {
    async prompt(ctx, ui) {
      ctx.choice = await ui.pick({
        title: usageTitle(usage),
        placeholder: 'Pick a file to open it at the line, an instance to reveal it, another resource to copy its ARN',
        matchOnDescription: true,
        items: usageEntries(usage),
      });
    },
  };
  return (await runWizard('Image usage', [step], {}))?.choice;
}

/** Does what the picked line offers. */
async function act(deps: ActionDeps, target: ImageTarget, choice: Exclude<UsageChoice, { kind: 'report' }>): Promise<void> {
  switch (choice.kind) {
    case 'open': {
      const line = choice.line - 1;
      await vscode.window.showTextDocument(vscode.Uri.parse(choice.uri), { selection: new vscode.Range(line, 0, line, 0) });
      return;
    }
    case 'revealInstance':
      if (!await deps.instances.reveal([choice.instanceId], target.region)) {
        void vscode.window.showInformationMessage(`The Instances view does not show ${target.region}: add it with "AMI Explorer: Select Regions" to see ${choice.instanceId} there.`);
      }
      return;
    case 'copyArn':
      await vscode.env.clipboard.writeText(choice.arn);
      void vscode.window.showInformationMessage(`Copied ${choice.arn}.`);
      return;
  }
}

/** The API's shape of what was shown, when every part of it was found. */
function shown(usage: UsageDetails): ImageUsage | undefined {
  try {
    return toImageUsage(usage);
  } catch {
    return undefined;
  }
}

/**
 * amiExplorer.showImageUsage: who uses an image, as a list grouped by kind with counts and names: this account's
 * instances, launch templates, SSM parameters and Image Builder recipes; other accounts, from the newest AMI usage
 * report (a new one on request, after a summary); the workspace lines that mention the id. Picking a file opens it
 * at the line, an instance reveals it, another resource copies its ARN. Returns `{ references, accounts?, files }`
 * as last shown. Its first effect is the list, so links may call it with `{ imageId, region }`.
 */
export function showImageUsage(deps: ActionDeps): CommandHandler {
  return async (...args) => {
    const call = invocationOf(args);
    const target = call.via === 'link' ? parseUsageRequest(call.input) : await imageTarget(deps, call.via === 'tree' ? call.node : undefined);
    if (!target) {
      return undefined;
    }
    if (call.via === 'link') {
      await ensureKnownRegions(deps.aws, [target.region]);
    }
    let usage = await withProgress(`Checking what uses ${target.imageId}`, (_report, signal) => usageDetails(sources(deps), target, signal));
    for (;;) {
      const choice = await pickUsage(usage);
      if (!choice) {
        return shown(usage);
      }
      if (choice.kind !== 'report') {
        await act(deps, target, choice);
        return shown(usage);
      }
      const reports = await reportOnOtherAccounts(deps, usage.details.image, choice.pending);
      if (reports) {
        usage = { ...usage, reports: { ok: true, value: reports } };
      }
    }
  };
}

/** The API's imageUsage: `{ imageId, region }` → `{ references, accounts?, files }`. Creates no report. */
export async function imageUsageApi(deps: ActionDeps, input: unknown): Promise<ImageUsage> {
  const target = parseUsageRequest(input);
  await ensureKnownRegions(deps.aws, [target.region]);
  return imageUsage(sources(deps), target);
}
