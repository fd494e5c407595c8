import * as assert from 'node:assert/strict';
import { checkDeprecationDate, deprecationChoices, parseDeprecationDate, roundToMinute } from '../../src/actions/deprecateImage/deprecationDates';

const now = Date.parse('2026-11-23T10:20:40Z');
const image = { public: false, creationDate: '2026-01-01T00:00:00.000Z' };

describe('deprecation dates', () => {
  it('parses a day as midnight UTC and an ISO time, zone-less times as UTC', () => {
    assert.equal((parseDeprecationDate('2027-05-01') as Date).toISOString(), '2027-05-01T00:00:00.000Z');
    assert.equal((parseDeprecationDate('2027-05-01T12:30:00Z') as Date).toISOString(), '2027-05-01T12:30:00.000Z');
    assert.equal((parseDeprecationDate('2027-05-01T12:30:00+02:00') as Date).toISOString(), '2027-05-01T10:30:00.000Z');
    assert.equal((parseDeprecationDate('2027-05-01T12:30') as Date).toISOString(), '2027-05-01T12:30:00.000Z');
  });

  it('says what is wrong with a bad date', () => {
    assert.match(parseDeprecationDate('next week') as string, /"next week" is not a date: use YYYY-MM-DD/);
    assert.match(parseDeprecationDate('2027-02-30') as string, /not a calendar date/);
    assert.match(parseDeprecationDate(20270501) as string, /is not a date/);
  });

  it('rounds to the minute like EC2', () => {
    assert.equal(new Date(roundToMinute(Date.parse('2027-05-01T10:20:40Z'))).toISOString(), '2027-05-01T10:21:00.000Z');
    assert.equal(new Date(roundToMinute(Date.parse('2027-05-01T10:20:29Z'))).toISOString(), '2027-05-01T10:20:00.000Z');
  });

  it('refuses the past, more than 10 years ahead, and more than 2 years after creation for public images', () => {
    assert.equal(checkDeprecationDate(new Date('2027-05-01T00:00:00Z'), image, now), undefined);
    assert.match(checkDeprecationDate(new Date('2026-01-01T00:00:00Z'), image, now) ?? '', /in the past: EC2 accepts only a future deprecation time/);
    assert.match(checkDeprecationDate(new Date('2026-11-23T10:20:10Z'), image, now) ?? '', /in the past/, 'rounded down to a past minute');
    assert.match(checkDeprecationDate(new Date('2036-12-01T00:00:00Z'), image, now) ?? '', /more than 10 years ahead/);
    assert.equal(checkDeprecationDate(new Date('2036-11-01T00:00:00Z'), image, now), undefined);
    assert.match(checkDeprecationDate(new Date('2028-02-01T00:00:00Z'), { ...image, public: true }, now) ?? '', /public image .* at most 2 years after its creation/);
    assert.equal(checkDeprecationDate(new Date('2027-12-01T00:00:00Z'), { ...image, public: true }, now), undefined);
  });

  it('offers now, 30 / 90 / 365 days and a date, and cancelling only when one is set', () => {
    const choices = deprecationChoices(now);
    assert.deepEqual(choices.map((c) => c.label), ['Now', 'In 30 days', 'In 90 days', 'In 365 days', 'On a date…']);
    const at = (i: number) => (choices[i] as { at: Date }).at.toISOString();
    assert.equal(at(0), '2026-11-23T10:21:00.000Z', 'the next whole minute');
    assert.equal(at(1), '2026-12-23T10:21:00.000Z');
    assert.equal(at(3), '2027-11-23T10:21:00.000Z');
    for (const c of choices) {
      if (c.kind === 'at') {
        assert.equal(checkDeprecationDate(c.at, image, now), undefined, `${c.label} is accepted`);
      }
    }
    assert.equal(deprecationChoices(now, '2027-01-01T00:00:00.000Z').at(-1)?.kind, 'cancel');
  });
});
