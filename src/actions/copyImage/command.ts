import * as vscode from 'vscode';
import { ensureKnownRegions } from '../../aws/knownRegions';
import type { AwsService } from '../../aws/awsService';
import { AwsError, toAwsError } from '../../aws/errors';
import type { ImageInfo } from '../../aws/model';
import { withProgress, type ReportProgress } from '../../shared/progress';
import type { CommandHandler } from '../../shared/registerCommand';
import { checkImageName } from '../../shared/validation';
import { joinAnd } from '../../shared/format';
import type { ActionDeps } from '../common/actionDeps';
import { askCopyRequest } from './wizard';
import {
  copiesSentence, copySummary, parseCopyRequest, partialFailureMessage, summarizeCopies,
  type CopyOutcome, type CopyRequest, type CopySummary,
} from './request';
import { reviewAnswers } from '../common/confirmChange';
import { invocationOf } from '../common/invocation';
import { imageRequestFor } from '../common/requestFor';

interface CopyPlan {
  readonly source: ImageInfo;
  readonly request: CopyRequest;
  readonly name: string;
  readonly description?: string;
}

/** Everything that can be known wrong before the first copy starts, so a bad input changes nothing. */
async function prepare(aws: AwsService, request: CopyRequest): Promise<CopyPlan> {
  await ensureKnownRegions(aws, [request.region, ...request.targetRegions]);
  const { image: source } = await aws.describeImage(request.region, request.imageId);
  if (source.state !== 'available') {
    throw new Error(`${source.id} in ${request.region} is ${source.state}, not available: only available images can be copied.`
      + (source.state === 'disabled' ? ' Enable it first with "Enable Image" (amiExplorer.enableImage).' : ''));
  }
  const name = request.name ?? source.name;
  const nameProblem = checkImageName(name);
  if (nameProblem) {
    throw new Error(`${nameProblem} Pass a name for the copies.`);
  }
  const problems = (await Promise.all(request.targetRegions.map(async (target) => {
    const found: string[] = [];
    const taken = await aws.ownedImagesNamed(target, name).then((images) => images.map((i) => i.id));
    if (taken.length) {
      found.push(`an image named "${name}" already exists in ${target} (${taken.join(', ')}): choose another name`);
    }
    const key = request.kmsKeyIds[target];
    if (key) {
      try {
        await aws.kmsKeyArn(target, key);
      } catch (error) {
        const err = toAwsError(error);
        if (err.kind !== 'other' && err.kind !== 'notFound' && err.kind !== 'invalidInput') {
          throw err;
        }
        found.push(`the KMS key ${key} does not exist in ${target} (KMS keys belong to one region: use an alias or key of ${target})`);
      }
    }
    return found;
  }))).flat();
  if (problems.length) {
    throw new Error(`Cannot copy ${source.id}: ${problems.join('; ')}. Nothing was copied.`);
  }
  return { source, request, name, description: request.description ?? source.description };
}

/** Per-region progress on one line, e.g. "eu-central-1: copying ami-… · us-east-2: available". */
function progressLine(report: ReportProgress, regions: readonly string[]) {
  const status = new Map(regions.map((r) => [r, 'starting']));
  return (region: string, text: string, increment?: number) => {
    status.set(region, text);
    report([...status].map(([r, s]) => `${r}: ${s}`).join(' · '), increment);
  };
}

async function copyAll(aws: AwsService, plan: CopyPlan, report: ReportProgress, signal: AbortSignal): Promise<CopyOutcome[]> {
  const { request } = plan;
  const show = progressLine(report, request.targetRegions);
  const share = 100 / request.targetRegions.length;
  return Promise.all(request.targetRegions.map(async (target): Promise<CopyOutcome> => {
    let imageId: string | undefined;
    try {
      imageId = await aws.copyImageTo(target, {
        sourceImageId: request.imageId, sourceRegion: request.region, name: plan.name, description: plan.description,
        encrypted: request.encrypted, kmsKeyId: request.kmsKeyIds[target], copyTags: request.copyTags,
      }, signal);
      show(target, `copying to ${imageId}`);
      const id = imageId;
      await aws.waitForImageAvailable(target, id, 3 * 3600, signal);
      show(target, 'available', share);
      return { region: target, imageId };
    } catch (error) {
      const err = toAwsError(error, { action: 'CopyImage', region: target });
      if (err.kind === 'cancelled') {
        return { region: target, error: 'cancelled while waiting; EC2 goes on with the copy', imageId };
      }
      show(target, 'failed', share);
      return { region: target, error: imageId ? await failureReason(aws, target, imageId, err) : err.message, imageId };
    }
  }));
}

/** Why a started copy did not become available: EC2's state reason, when it gives one. */
async function failureReason(aws: AwsService, region: string, imageId: string, err: AwsError): Promise<string> {
  try {
    const { image } = await aws.describeImage(region, imageId);
    return `the copy is ${image.state}${image.stateReason ? ` (${image.stateReason})` : ''}`;
  } catch {
    return err.message;
  }
}

async function showCopies(deps: ActionDeps, copies: Readonly<Record<string, string>>): Promise<string[]> {
  const notShown: string[] = [];
  for (const region of Object.keys(copies)) {
    deps.images.refreshRegion(region);
  }
  for (const [region, imageId] of Object.entries(copies)) {
    const outcome = await deps.images.reveal(imageId, region, ['owned']).catch(() => 'notListed' as const);
    if (outcome === 'regionNotShown') {
      notShown.push(region);
    }
  }
  return notShown;
}

/** Copies as planned, refreshes and reveals the copies; the summary of what was made and what failed. */
async function runCopy(deps: ActionDeps, plan: CopyPlan): Promise<{ summary: CopySummary; notShown: string[] }> {
  const count = plan.request.targetRegions.length;
  const outcomes = await withProgress(`Copying ${plan.source.name} to ${count} region${count > 1 ? 's' : ''}`,
    (report, signal) => copyAll(deps.aws, plan, report, signal));
  const summary = summarizeCopies(outcomes);
  return { summary, notShown: await showCopies(deps, summary.copies) };
}

/**
 * amiExplorer.copyImage: copies an image to other regions in parallel, after the summary, and waits until every
 * copy is available. Returns `{ [targetRegion]: newImageId }`; a region that fails says why, the others go on.
 */
export function copyImage(deps: ActionDeps): CommandHandler {
  return async (...args) => {
    const reviewed = await reviewAnswers(deps.aws, await imageRequestFor(deps, invocationOf(args), parseCopyRequest, (target) => askCopyRequest(deps.aws, target)),
      (request) => prepare(deps.aws, request), (request, plan) => copySummary(request, plan.source, plan.name));
    if (!reviewed) {
      return undefined;
    }
    const { answers: request, plan } = reviewed;
    const { summary, notShown } = await runCopy(deps, plan);
    for (const failure of summary.failures) {
      void vscode.window.showErrorMessage(`Copying ${request.imageId} to ${failure.region} failed: ${failure.reason}`);
    }
    if (Object.keys(summary.copies).length) {
      const add = `Show ${joinAnd(notShown)} in the Images view`;
      void vscode.window.showInformationMessage(copiesSentence(request.imageId, summary.copies), ...(notShown.length ? [add] : []))
        .then((choice) => choice === add ? deps.showRegions(notShown) : undefined);
    }
    return summary.copies;
  };
}

/** The API's copyImage: asks nothing; rejects naming each failed region and the copies made anyway. */
export async function copyImageApi(deps: ActionDeps, input: unknown): Promise<Record<string, string>> {
  const request = parseCopyRequest(input);
  const { summary } = await runCopy(deps, await prepare(deps.aws, request));
  if (summary.failures.length) {
    throw new Error(partialFailureMessage(request.imageId, summary));
  }
  return summary.copies;
}
