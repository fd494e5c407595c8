// When an image may be deprecated, and the quick choices offered for it. Pure.
import { utc } from '../../shared/format';

const dayMs = 86_400_000;
const minuteMs = 60_000;
/** EC2 refuses a DeprecateAt more than 10 years ahead (2 years after creation for public images). */
export const maxYearsAhead = 10;
export const maxYearsAheadPublic = 2;

export interface DeprecationTarget {
  readonly public: boolean;
  readonly creationDate?: string;
}

function addYears(t: number, years: number): number {
  const d = new Date(t);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

/** EC2 rounds DeprecateAt to the nearest minute; the same here, so what is checked is what EC2 stores. */
export function roundToMinute(t: number): number {
  return Math.round(t / minuteMs) * minuteMs;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const isoPattern = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses "2027-05-01" (midnight UTC) or a full ISO 8601 time; a string saying what is wrong otherwise. */
export function parseDeprecationDate(value: unknown): Date | string {
  if (typeof value !== 'string' || !isoPattern.test(value.trim())) {
    return `"${String(value)}" is not a date: use YYYY-MM-DD (midnight UTC) or an ISO 8601 time such as 2027-05-01T12:00:00Z.`;
  }
  const text = value.trim();
  // A time without a zone would be read as local time; deprecation dates are UTC throughout.
  const withZone = datePattern.test(text) || /(?:Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
  const t = Date.parse(withZone.replace(' ', 'T'));
  if (Number.isNaN(t) || (datePattern.test(text) && new Date(t).toISOString().slice(0, 10) !== text)) {
    return `"${text}" is not a calendar date.`;
  }
  return new Date(t);
}

/** Undefined when EC2 would accept `at` for this image, else why not. */
export function checkDeprecationDate(at: Date, image: DeprecationTarget, now: number = Date.now()): string | undefined {
  const t = roundToMinute(at.getTime());
  if (t <= now) {
    return `${utc(at.toISOString())} is in the past: EC2 accepts only a future deprecation time. Pick a later date.`;
  }
  const created = image.creationDate ? Date.parse(image.creationDate) : Number.NaN;
  if (image.public && !Number.isNaN(created)) {
    const limit = addYears(created, maxYearsAheadPublic);
    if (t > limit) {
      return `A public image can be deprecated at most ${maxYearsAheadPublic} years after its creation, by ${utc(new Date(limit).toISOString())}. Pick an earlier date.`;
    }
  }
  const limit = addYears(now, maxYearsAhead);
  if (t > limit) {
    return `${utc(at.toISOString())} is more than ${maxYearsAhead} years ahead, which EC2 refuses. Pick a date before ${utc(new Date(limit).toISOString())}.`;
  }
  return undefined;
}

export type DeprecationChoice =
  | { readonly kind: 'at'; readonly label: string; readonly at: Date }
  | { readonly kind: 'date'; readonly label: string }
  | { readonly kind: 'cancel'; readonly label: string };

/**
 * The quick choices: now, in 30 / 90 / 365 days, a typed date, and cancelling the current deprecation when one is
 * set. "Now" is the next whole minute, the earliest time EC2 is sure to accept.
 */
export function deprecationChoices(now: number, current?: string): DeprecationChoice[] {
  const nextMinute = Math.ceil((now + 1) / minuteMs) * minuteMs;
  const choices: DeprecationChoice[] = [
    { kind: 'at', label: 'Now', at: new Date(nextMinute) },
    ...[30, 90, 365].map((days): DeprecationChoice => ({ kind: 'at', label: `In ${days} days`, at: new Date(roundToMinute(now + days * dayMs)) })),
    { kind: 'date', label: 'On a date…' },
  ];
  if (current) {
    choices.push({ kind: 'cancel', label: 'Cancel the deprecation' });
  }
  return choices;
}
