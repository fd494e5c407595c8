import * as vscode from 'vscode';
import type { ImageInfo } from '../../aws/model';
import type { UsageReport } from '../../aws/usageModel';
import { isCancellation } from '../../shared/cancellation';
import { newestReports, type ReportsUsage } from '../../shared/imageUsage';
import { pollUntil } from '../../shared/poll';
import { withProgress } from '../../shared/progress';
import type { ActionSummary } from '../../shared/summaryText';
import type { ActionDeps } from '../common/actionDeps';
import { confirmChange } from '../common/confirmChange';

/** How long the command waits for EC2 to make a report; EC2 goes on after that, and a later look shows it. */
export const reportDeadlineMs = 5 * 60_000;
/** Asks often at first (small estates take seconds), then every 15 s. */
const reportPollMs = [1000, 2000, 3000, 5000, 10_000, 15_000];

function reportSummary(image: ImageInfo): ActionSummary {
  return {
    title: `Create a usage report on ${image.name} (${image.id})`,
    accept: 'Create Report',
    regions: [image.region],
    lines: [
      'Creates an AMI usage report: EC2 counts, per account, the instances and launch templates of other accounts that use the image',
      'EC2 keeps the report 30 days; it may miss instances of the last 24 hours and launch templates of the last few days',
      `AMI Explorer waits up to ${reportDeadlineMs / 60_000} minutes for it; cancelling stops the waiting, not the report`,
    ],
  };
}

/**
 * Waits, under a cancellable notification, for the report to leave "pending". The report as last read; an
 * "error" report rejects with EC2's reason.
 */
async function waitForReport(deps: ActionDeps, image: ImageInfo, reportId: string | undefined): Promise<UsageReport> {
  const { aws } = deps;
  return withProgress(`Usage report on ${image.name}`, async (report, signal) => {
    const id = reportId ?? await aws.createImageUsageReport(image.region, image.id, signal);
    const started = Date.now();
    const polled = await pollUntil(async () => {
      const [current] = await aws.imageUsageReports(image.region, { reportIds: [id] }, signal);
      if (!current) {
        throw new Error(`The usage report ${id} of ${image.id} no longer exists.`);
      }
      report(`${current.state} (${Math.round((Date.now() - started) / 1000)} s)`);
      return current;
    }, (r) => r.state !== 'pending', { intervalsMs: reportPollMs, deadlineMs: reportDeadlineMs, signal });
    if (polled.value.state === 'error') {
      throw new Error(`EC2 could not make the usage report ${id} of ${image.id}: ${polled.value.stateReason ?? 'no reason given'}.`);
    }
    return polled.value;
  });
}

/**
 * Creates a usage report on an owned image (after the summary) or goes on waiting for one in progress, then reads
 * the newest reports again. Undefined when the person declines; when the wait is cancelled or runs out, the report
 * stays pending in EC2, and the person is told a later look will show it.
 */
export async function reportOnOtherAccounts(deps: ActionDeps, image: ImageInfo, pending?: UsageReport): Promise<ReportsUsage | undefined> {
  if (!pending && !await confirmChange(deps.aws, reportSummary(image))) {
    return undefined;
  }
  let report: UsageReport | undefined;
  try {
    report = await waitForReport(deps, image, pending?.reportId);
  } catch (error) {
    if (!isCancellation(error)) {
      throw error;
    }
  }
  if (report?.state !== 'available') {
    void vscode.window.showInformationMessage(`The usage report on ${image.name} (${image.id}) is still being made. Show Image Usage again later: it lists the report once EC2 has made it.`);
  }
  return newestReports(deps.aws, image.region, image.id);
}
