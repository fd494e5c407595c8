// What every change-making action shows before it calls AWS: who (profile, account), where (regions) and what.
// Pure, so the wording is unit-tested.

/** One action's summary, built from a checked request. */
export interface ActionSummary {
  /** "Launch 2 × t3.micro from pettracker-2026.11" */
  readonly title: string;
  /** The accepting choice, e.g. "Launch", "Deregister 3 images". */
  readonly accept: string;
  readonly regions: readonly string[];
  /** What will be created, copied, changed, exposed or destroyed, one fact a line. */
  readonly lines: readonly string[];
  /** Destroys or exposes something: worded as a warning. */
  readonly destructive?: boolean;
}

export interface Identity {
  /** "" is the SDK's default credential chain. */
  readonly profile: string;
  readonly accountId?: string;
}

export function profileText(profile: string): string {
  return profile ? `profile ${profile}` : 'the default credential chain';
}

export function accountText(accountId: string | undefined): string {
  return accountId ? `account ${accountId}` : 'account unknown (sts:GetCallerIdentity failed)';
}

/** "account 123456789012 · profile prod · us-east-1, eu-west-1": who and where, on one line. */
export function whereText(summary: Pick<ActionSummary, 'regions'>, who: Identity): string {
  return [accountText(who.accountId), profileText(who.profile), summary.regions.join(', ')].join(' · ');
}

/** The lines under the accepting choice: the facts, then who and where in full. */
export function summaryFacts(summary: ActionSummary, who: Identity): string[] {
  const regions = summary.regions.length === 1 ? `Region: ${summary.regions[0]}` : `Regions: ${summary.regions.join(', ')}`;
  return [
    ...summary.lines,
    `Account: ${who.accountId ?? 'unknown (sts:GetCallerIdentity failed)'}`,
    `Profile: ${who.profile || '(default credential chain)'}`,
    regions,
  ];
}
