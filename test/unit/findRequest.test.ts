import * as assert from 'node:assert/strict';
import { findFilters, parseFindRequest, searchText } from '../../src/actions/findImages/request';

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
