import * as assert from 'node:assert/strict';
import type { ImageInfo } from '../../src/aws/model';
import { findFilters, FoundImages, maxFound, parseFindRequest, searchText } from '../../src/actions/findImages/request';

function image(id: string, region: string, creationDate: string): ImageInfo {
  return { id, region, name: `img-${id}`, ownerId: '123456789012', state: 'available', public: false, tags: {}, blockDevices: [], raw: {}, creationDate };
}

describe('find images: the request', () => {
  it('needs at least one criterion, so a search never lists everything', () => {
    assert.throws(() => parseFindRequest({}), /at least one of "namePattern"/);
    assert.throws(() => parseFindRequest({ regions: ['us-east-1'] }), /at least one of/);
  });

  it('checks each option and refuses unknown ones', () => {
    assert.throws(() => parseFindRequest({ idPrefix: 'abc' }), /"idPrefix" must be the start of an AMI id/);
    assert.throws(() => parseFindRequest({ namePattern: 'x', regions: ['Europe'] }), /"Europe" is not an AWS region name/);
    assert.throws(() => parseFindRequest({ namePattern: 'x', tags: { 'aws:x': 'y' } }), /reserved for AWS/);
    assert.throws(() => parseFindRequest({ name: 'x' }), /Unknown option "name"/);
  });

  it('turns tags into EC2 filters', () => {
    const request = parseFindRequest({ tags: { Project: 'PetTracker', Stage: 'prod' } });
    assert.deepEqual(findFilters(request), [{ name: 'tag:Project', values: ['PetTracker'] }, { name: 'tag:Stage', values: ['prod'] }]);
  });

  it('reads the search box: an id prefix, a pattern, or text matched anywhere in the name', () => {
    assert.deepEqual(searchText('ami-0abc'), { idPrefix: 'ami-0abc' });
    assert.deepEqual(searchText('pettracker-*'), { namePattern: 'pettracker-*' });
    assert.deepEqual(searchText(' ml '), { namePattern: '*ml*' });
  });
});

describe('find images: the matches as regions answer', () => {
  it('keeps every answer newest first, applies the id prefix, and counts the searches answered', () => {
    const found = new FoundImages(4, 'ami-0a');
    assert.equal(found.title(), '0 images found so far (0 of 4 searches answered)');
    found.record({ region: 'us-east-1', scope: 'owned', images: [image('ami-0a1', 'us-east-1', '2026-01-01'), image('ami-0b2', 'us-east-1', '2026-03-01')] });
    assert.deepEqual(found.images().map((i) => i.id), ['ami-0a1']);
    assert.equal(found.title(), '1 image found so far (1 of 4 searches answered)');
    found.record({ region: 'eu-west-1', scope: 'owned', images: [image('ami-0a3', 'eu-west-1', '2026-02-01')] });
    found.record({ region: 'eu-west-1', scope: 'shared', failure: 'Access denied' });
    assert.deepEqual(found.images().map((i) => `${i.region}/${i.id}`), ['eu-west-1/ami-0a3', 'us-east-1/ami-0a1']);
    assert.deepEqual(found.failures(), [{ region: 'eu-west-1', scope: 'shared', reason: 'Access denied' }]);
    assert.equal(found.complete, false);
    found.record({ region: 'us-east-1', scope: 'shared', images: [image('ami-0a1', 'us-east-1', '2026-01-01')] });
    assert.equal(found.complete, true);
    assert.equal(found.images().length, 2, 'an image listed by two searches counts once');
    assert.equal(found.title(), '2 images found');
  });

  it('keeps at most maxFound, newest first, and says there were more', () => {
    const found = new FoundImages(1);
    const many = Array.from({ length: maxFound + 3 }, (_, n) => image(`ami-${String(n).padStart(8, '0')}`, 'us-east-1', new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString()));
    found.record({ region: 'us-east-1', scope: 'owned', images: many });
    assert.equal(found.images().length, maxFound);
    assert.equal(found.images()[0]?.id, many[many.length - 1]?.id);
    assert.equal(found.title(), `${maxFound}+ images found`);
  });
});
