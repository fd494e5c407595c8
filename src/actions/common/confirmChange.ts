import type { AwsService } from '../../aws/awsService';
import { confirmSummary } from '../../shared/summaryStep';
import type { ActionSummary } from '../../shared/summaryText';

/** The summary step of every action, naming the connection's profile and account. */
export async function confirmChange(aws: AwsService, summary: ActionSummary): Promise<boolean> {
  return confirmSummary(summary, { profile: aws.connection().profile, accountId: await aws.accountId() });
}
