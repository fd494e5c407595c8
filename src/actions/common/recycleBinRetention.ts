// Whether a deregistration can be undone: which Recycle Bin rule, if any, keeps the image, worded for the person. Pure.
import type { ImageInfo, RetentionRule } from '../../aws/model';
import { plural } from '../../shared/format';

/** What happens to an image once deregistered, as far as the account's rules say. */
export type Retention =
  | { readonly kind: 'recoverable'; readonly rule: RetentionRule }
  | { readonly kind: 'permanent' }
  /** The rules could not be read: nobody knows, so it is worded as permanent. */
  | { readonly kind: 'unknown'; readonly reason: string };

/** The rules of a region as read before asking: the list, or why it could not be read. */
export type RulesRead = { readonly rules: readonly RetentionRule[] } | { readonly problem: string };

/**
 * The rule that keeps the image once deregistered: an available region-level rule (no tags) or a tag-level rule one
 * of whose tags the image carries (a tag without a value matches any value). The longest retention wins, as in the
 * Recycle Bin.
 */
export function retainingRule(rules: readonly RetentionRule[], tags: Readonly<Record<string, string>>): RetentionRule | undefined {
  const carries = (key: string, value: string | undefined) => Object.hasOwn(tags, key) && (value === undefined || tags[key] === value);
  const matching = rules.filter((r) => (r.status === undefined || r.status === 'available') && r.retentionDays > 0
    && (!r.resourceTags.length || r.resourceTags.some((t) => carries(t.key, t.value))));
  return matching.reduce<RetentionRule | undefined>((best, r) => (!best || r.retentionDays > best.retentionDays ? r : best), undefined);
}

export function retentionOf(image: Pick<ImageInfo, 'tags'>, read: RulesRead): Retention {
  if ('problem' in read) {
    return { kind: 'unknown', reason: read.problem };
  }
  const rule = retainingRule(read.rules, image.tags);
  return rule ? { kind: 'recoverable', rule } : { kind: 'permanent' };
}

function ruleText(rule: RetentionRule): string {
  return `rule ${rule.id}${rule.description ? `: ${rule.description}` : ''}`;
}

/**
 * "recoverable from the Recycle Bin for 7 days (rule …)", "permanent: this cannot be undone", or, when the rules
 * could not be read, "could not read Recycle Bin rules: …; assume permanent". An image whose own snapshots are
 * deleted with it cannot be restored, even from the bin.
 */
export function retentionText(retention: Retention, deletesItsSnapshots: boolean): string {
  switch (retention.kind) {
    case 'recoverable':
      return deletesItsSnapshots
        ? `kept in the Recycle Bin for ${plural(retention.rule.retentionDays, 'day')} (${ruleText(retention.rule)}), but restoring it needs the snapshots deleted here: assume permanent`
        : `recoverable from the Recycle Bin for ${plural(retention.rule.retentionDays, 'day')} (${ruleText(retention.rule)})`;
    case 'permanent':
      return 'permanent: this cannot be undone';
    case 'unknown':
      return `could not read Recycle Bin rules: ${retention.reason}; assume permanent`;
  }
}
