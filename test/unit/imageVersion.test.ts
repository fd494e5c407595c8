import * as assert from 'node:assert/strict';
import { dateVersion, nextVersion, suggestImageName, suggestedTags } from '../../src/actions/createImage/imageVersion';
import { checkTags as checkImageTags, parseTagList } from '../../src/shared/tagList';
import { checkImageName } from '../../src/shared/validation';

describe('version tag suggestion', () => {
  const day = new Date('2026-11-23T23:30:00Z');

  it('is the UTC date, as a pipeline stamps it', () => {
    assert.equal(dateVersion(day), '2026.11.23');
    assert.equal(dateVersion(new Date('2027-01-05T00:00:00Z')), '2027.01.05');
  });

  it('counts builds when today\'s version is taken', () => {
    assert.equal(nextVersion(day, []), '2026.11.23');
    assert.equal(nextVersion(day, ['2026.11.22']), '2026.11.23');
    assert.equal(nextVersion(day, ['2026.11.23']), '2026.11.23.2');
    assert.equal(nextVersion(day, ['2026.11.23', '2026.11.23.2']), '2026.11.23.3');
  });

  it('offers Version and the instance\'s Name and Project tags, nothing else', () => {
    assert.deepEqual(suggestedTags({ Name: 'web-1', Project: 'PetTracker', Owner: 'me' }, '2026.11.23'), { Version: '2026.11.23', Name: 'web-1', Project: 'PetTracker' });
    assert.deepEqual(suggestedTags({}, '2026.11.23'), { Version: '2026.11.23' });
  });
});

describe('suggestImageName', () => {
  it('joins the instance name and version with characters EC2 accepts', () => {
    assert.equal(suggestImageName('web-1', '2026.11.23'), 'web-1-2026.11.23');
    assert.equal(suggestImageName('api: prod #2', '2026.11.23'), 'api-prod-2-2026.11.23');
    assert.equal(suggestImageName('###', '2026.11.23'), 'image-2026.11.23');
    const long = suggestImageName('x'.repeat(200), '2026.11.23');
    assert.equal(long.length, 128);
    assert.equal(checkImageName(long), undefined);
  });
});

describe('image tags', () => {
  it('accepts key: value text, at most 50, no aws: keys', () => {
    assert.equal(checkImageTags({ Version: '1', Team: '' }), undefined);
    assert.match(checkImageTags({ 'aws:x': '1' }) ?? '', /reserved/);
    assert.match(checkImageTags({ Version: 1 }) ?? '', /not a tag value/);
    assert.match(checkImageTags(['Version']) ?? '', /must be an object/);
    assert.match(checkImageTags(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']))) ?? '', /more than EC2 allows/);
  });

  it('reads Key=Value lists typed in the wizard', () => {
    assert.deepEqual(parseTagList(' Team=platform, Os = al2023 ,'), { Team: 'platform', Os: 'al2023' });
    assert.deepEqual(parseTagList(''), {});
    assert.equal(parseTagList('Team'), '"Team" is not Key=Value.');
    assert.equal(parseTagList('Url=a=b').constructor, Object);
  });
});
