// Running a cleanup plan image by image: each outcome is what EC2 did, so a stop part way reports exactly that.
import type { AwsService } from '../../aws/awsService';
import type { ImageInfo } from '../../aws/model';
import { isCancellation } from '../../shared/cancellation';
import { snapshotsOf } from '../../shared/imageSnapshots';
import { deregisterPrepared, emptyDeregisterResult, type Prepared } from '../common/deregistration';
import type { CleanupPlan } from './cleanupPlan';
import type { Outcomes } from './planDocument';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A deprecation time EC2 accepts as "now": the next whole minute at least a minute ahead. */
export function deprecateNowTime(now: number = Date.now()): Date {
  return new Date(Math.ceil((now + 60_000) / 60_000) * 60_000);
}

async function oneByOne(images: readonly ImageInfo[], done: string, act: (image: ImageInfo) => Promise<void>, outcomes: Record<string, string>, report: (m: string) => void): Promise<void> {
  for (const image of images) {
    report(`${image.name} (${image.id})`);
    try {
      await act(image);
      outcomes[image.id] = done;
    } catch (error) {
      if (isCancellation(error)) {
        throw error;
      }
      outcomes[image.id] = `failed: ${message(error)}`;
    }
  }
}

/** Deregistration outcomes: the image, and which of its snapshots went or stayed. */
function deregisterOutcomes(prepared: readonly Prepared[], deregistered: readonly string[], deleted: readonly string[], failures: readonly string[], outcomes: Record<string, string>): void {
  for (const image of prepared.flatMap((p) => p.images)) {
    const failure = failures.find((f) => f.includes(image.id));
    if (!deregistered.includes(image.id)) {
      outcomes[image.id] = failure ? `failed: ${failure}` : 'not done';
      continue;
    }
    const gone = snapshotsOf([image]).filter((s) => deleted.includes(s));
    outcomes[image.id] = `deregistered${gone.length ? `; deleted ${gone.join(', ')}` : ''}`;
  }
}

/**
 * Applies the plan's action to each image it retires and says, per image, what happened. Cancelling stops between
 * images; what was done stays recorded in `outcomes`, which the caller shows either way.
 */
export async function runPlan(
  aws: AwsService, plan: CleanupPlan, prepared: readonly Prepared[], deleteSnapshots: boolean,
  outcomes: Record<string, string>, report: (m: string) => void, signal: AbortSignal,
): Promise<Outcomes> {
  const images = plan.retire.map((p) => p.image);
  if (plan.action === 'deprecate') {
    await oneByOne(images, 'deprecated', (i) => aws.enableImageDeprecation(i.region, i.id, deprecateNowTime(), signal), outcomes, report);
  } else if (plan.action === 'disable') {
    await oneByOne(images, 'disabled', (i) => aws.disableImage(i.region, i.id, signal), outcomes, report);
  } else {
    const done = emptyDeregisterResult();
    const failures: string[] = [];
    try {
      for (const p of prepared) {
        await deregisterPrepared(aws, p, deleteSnapshots, done, failures, report, signal);
      }
    } finally {
      deregisterOutcomes(prepared, done.deregistered, done.deletedSnapshots, failures, outcomes);
    }
  }
  return outcomes;
}
