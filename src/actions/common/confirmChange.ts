import type { AwsService } from '../../aws/awsService';
import { reviewSummary } from '../../shared/summaryStep';
import type { ActionSummary } from '../../shared/summaryText';
import type { Answers } from '../../shared/wizard/wizard';

/** The summary step of every action, naming the connection's profile and account. */
export async function confirmChange(aws: AwsService, summary: ActionSummary): Promise<boolean> {
  return await reviewChange(aws, summary, false) === 'accept';
}

function reviewChange(aws: AwsService, summary: ActionSummary, canGoBack: boolean) {
  return aws.accountId().then((accountId) => reviewSummary(summary, { profile: aws.connection().profile, accountId }, canGoBack));
}

/**
 * The summary as the wizard's last step: `plan` checks the answers and `summarize` says what they will do; Back
 * (offered when the wizard asked something) returns to the wizard's last step, and its new answers get a new
 * summary. The accepted answers and their plan, or undefined when the person cancelled.
 */
export async function reviewAnswers<R, P>(
  aws: AwsService, asked: Answers<R> | undefined, plan: (answers: R) => Promise<P>, summarize: (answers: R, plan: P) => ActionSummary,
): Promise<{ answers: R; plan: P } | undefined> {
  for (let current = asked; current;) {
    const planned = await plan(current.value);
    const review = await reviewChange(aws, summarize(current.value, planned), current.back !== undefined);
    if (review === 'accept') {
      return { answers: current.value, plan: planned };
    }
    current = review === 'back' ? await current.back?.() : undefined;
  }
  return undefined;
}
