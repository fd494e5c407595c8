// The cleanup plan as a read-only text page: what will happen to each image, what stays and why, and the cost. Pure.
import type { RetireAction, RetireCriteria } from './request';
import type { CleanupPlan, PlannedImage } from './cleanupPlan';
import { dollars, unitPrice } from '../../shared/snapshotCost';
import { protectionLabel } from '../../shared/retirementText';

/** What happened to one image when the plan ran. */
export type Outcomes = Readonly<Record<string, string>>;

const verbs: Record<RetireAction, string> = { deprecate: 'Deprecate', disable: 'Disable', deregister: 'Deregister' };

/** Names and reasons come from other people's tags and EC2: one line each, no control characters, bounded. */
function cell(text: string, width = 48): string {
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

const gib = (n: number): string => `${Number.isInteger(n) ? n : n.toFixed(1)} GiB`;

function lastLaunchText(value: string | null | undefined): string {
  return value === null ? 'never' : value === undefined ? 'unknown' : value.slice(0, 10);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** The rules in words, as the first lines of the page. */
export function criteriaText(criteria: RetireCriteria, regions: readonly string[]): string {
  const rules = [
    criteria.namePattern ? `name matches ${criteria.namePattern}` : undefined,
    ...Object.entries(criteria.tags).map(([k, v]) => `tag ${k}=${v}`),
    criteria.olderThanDays !== undefined ? `older than ${criteria.olderThanDays} days` : undefined,
    criteria.notLaunchedForDays !== undefined ? `not launched for ${criteria.notLaunchedForDays} days` : undefined,
    criteria.unreferencedOnly ? 'not referenced by anything in the account' : undefined,
    criteria.excludeLatest ? 'not tagged Latest=true' : undefined,
    `keeping the newest ${criteria.keepNewest} of each group`,
  ].filter(Boolean);
  return `Owned images in ${regions.join(', ')}: ${rules.map((r) => cell(r ?? '', 80)).join('; ')}.`;
}

/**
 * The page: a heading, the rules, one row per image to retire (with its outcome once run), the total and the price
 * assumption, then the images the rules keep, each with its reason.
 */
export function planDocument(
  plan: CleanupPlan, criteria: RetireCriteria, regions: readonly string[], deleteSnapshots: boolean,
  { outcomes, notSearched = [] }: { readonly outcomes?: Outcomes; readonly notSearched?: readonly string[] } = {},
): string {
  const verb = verbs[plan.action];
  const what = plan.action === 'deregister' && deleteSnapshots ? `${verb} and delete unshared snapshots` : verb;
  const rows = plan.retire.map((p: PlannedImage) => [
    p.image.region, p.image.id, cell(p.image.name || '(no name)'), `${p.ageDays} d`, lastLaunchText(p.lastLaunched),
    p.references === undefined ? 'unknown' : String(p.references), protectionLabel(p.image.deregistrationProtection) ?? 'unknown',
    gib(p.snapshotGiB), dollars(p.monthlyCost),
    ...(outcomes ? [cell(outcomes[p.image.id] ?? 'not done', 60)] : []),
  ]);
  const header = ['Region', 'Image', 'Name', 'Age', 'Last launched', 'References', 'Protection', 'Snapshots', 'Per month', ...(outcomes ? ['Outcome'] : [])];
  const lines = [
    `Cleanup plan: ${what} ${plan.retire.length} image${plan.retire.length === 1 ? '' : 's'}${outcomes ? ' (run)' : ' (preview: nothing has changed)'}`,
    '',
    criteriaText(criteria, regions),
    ...notSearched.map((n) => `Not searched: ${cell(n, 200)}`),
    '',
    ...(plan.retire.length ? table(header, rows) : ['No image matches every rule.']),
    '',
    `Snapshot storage: ${gib(plan.totalSnapshotGiB)}, about ${dollars(plan.monthlyCost)} a month.`,
    `Assumption: full snapshot size × ${unitPrice(plan.pricePerGBMonth)} per GB-month (setting amiExplorer.snapshotPricePerGBMonth). EBS bills snapshots incrementally and shared blocks once, so the real saving may be smaller.`,
  ];
  if (plan.kept.length) {
    lines.push('', `Kept (${plan.kept.length}):`, '',
      ...table(['Region', 'Image', 'Name', 'Why'], plan.kept.map((k) => [k.image.region, k.image.id, cell(k.image.name || '(no name)'), cell(k.reason, 100)])));
  }
  return `${lines.join('\n')}\n`;
}
