import * as assert from 'node:assert/strict';
import type { ImageInfo } from '../../src/aws/model';
import { deprecationLabel, imageTooltipMarkdown } from '../../src/shared/imageMarkdown';
import { groupByTagValue } from '../../src/explorer/tagGroups';
import { describeFilter } from '../../src/explorer/filterDescription';
import { age, utc } from '../../src/shared/format';
import { checkImageId, checkRegion } from '../../src/shared/validation';
import { shown } from '../markdownSafety';

const now = Date.parse('2026-11-23T12:00:00Z');

function image(overrides: Partial<ImageInfo>): ImageInfo {
  return {
    id: 'ami-0123456789abcdef0', region: 'us-east-1', name: 'pettracker-ml-v1.1', ownerId: '123456789012', state: 'available',
    public: false, tags: {}, blockDevices: [], raw: {}, creationDate: '2026-10-01T10:00:00.000Z', architecture: 'x86_64', ...overrides,
  };
}

describe('image wording', () => {
  it('groups by tag value, untagged last, values in natural order', () => {
    const groups = groupByTagValue([
      image({ id: 'ami-1', tags: { Project: 'PetTracker' } }),
      image({ id: 'ami-2', tags: {} }),
      image({ id: 'ami-3', tags: { Project: 'Billing' } }),
      image({ id: 'ami-4', tags: { Project: 'PetTracker' }, creationDate: '2026-11-01T00:00:00Z' }),
    ], 'Project');
    assert.deepEqual(groups.map((g) => [g.value, g.images.map((i) => i.id)]), [
      ['Billing', ['ami-3']], ['PetTracker', ['ami-4', 'ami-1']], [undefined, ['ami-2']],
    ]);
  });

  it('says how old an image is the way people do', () => {
    assert.equal(age('2026-11-20T12:00:00Z', now), '3 days');
    assert.equal(age('2026-06-01T00:00:00Z', now), '5 months');
    assert.equal(age('2023-01-01T00:00:00Z', now), '3 years');
    assert.equal(age('not a date', now), undefined);
    assert.equal(utc('2026-01-01T00:00:00.000Z'), '2026-01-01 00:00 UTC');
  });

  it('tells past from scheduled deprecation', () => {
    assert.equal(deprecationLabel(image({ deprecationTime: '2026-01-01T00:00:00.000Z' }), now), 'deprecated since 2026-01-01 00:00 UTC');
    assert.equal(deprecationLabel(image({ deprecationTime: '2027-01-01T00:00:00.000Z' }), now), 'deprecation scheduled for 2027-01-01 00:00 UTC');
  });

  it('tooltip lists owner, architecture, creation, visibility and tags, escaped', () => {
    const markdown = imageTooltipMarkdown(image({ tags: { Project: 'Pet*Tracker' }, ownerAlias: 'amazon' }), now);
    assert.match(markdown, /\| Architecture \| x86\\_64 \|/);
    assert.match(markdown, /Project = Pet\\\*Tracker/);
    const text = shown(markdown);
    assert.match(text, /\| Owner \| amazon · 123456789012 \|/);
    assert.match(text, /\| Created \| 2026-10-01 10:00 UTC \(53 days ago\) \|/);
    assert.match(text, /\| Visibility \| private \|/);
    assert.match(text, /Project = Pet\*Tracker/);
  });

  it('describes an active filter and nothing for the default', () => {
    assert.equal(describeFilter({ includeDeprecated: true, includeDisabled: false }), undefined);
    assert.equal(describeFilter({ namePattern: 'pet*', architectures: ['arm64'], includeDeprecated: false, includeDisabled: true }),
      'name: pet*, arm64, no deprecated, incl. disabled');
  });

  it('validates image ids and regions with messages that say what is expected', () => {
    assert.equal(checkImageId('ami-12345678'), undefined);
    assert.equal(checkImageId('ami-0123456789abcdef0'), undefined);
    assert.match(checkImageId('ami-123') ?? '', /8 or 17 lowercase hex digits/);
    assert.match(checkImageId('ami-0123456789ABCDEF0') ?? '', /not an AMI id/);
    assert.equal(checkRegion('eu-west-1'), undefined);
    assert.match(checkRegion('Europe') ?? '', /not an AWS region name/);
  });
});
