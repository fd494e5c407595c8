import * as assert from 'node:assert/strict';
import { applyTagChange, checkTagChange, checkTagCount, describeTagChange } from '../../src/actions/editTags/tagChanges';

describe('tag changes', () => {
  const current = { Project: 'PetTracker', Stage: 'beta', Owner: 'ops' };

  it('applies removals, then sets', () => {
    assert.deepEqual(applyTagChange(current, { set: { Stage: 'prod', Team: 'ml' }, remove: ['Owner'] }), { Project: 'PetTracker', Stage: 'prod', Team: 'ml' });
    assert.deepEqual(current, { Project: 'PetTracker', Stage: 'beta', Owner: 'ops' }, 'the current tags are not changed');
  });

  it('describes additions, changes and removals', () => {
    assert.deepEqual(describeTagChange(current, { set: { Stage: 'prod', Team: 'ml' }, remove: ['Owner'] }), [
      'Stage: beta → prod',
      '+ Team = ml',
      '− Owner (was ops)',
    ]);
  });

  it('rejects empty keys, aws: keys, non-string values and a key both set and removed', () => {
    assert.equal(checkTagChange({ Team: 'ml' }, ['Owner']), undefined);
    assert.equal(checkTagChange(undefined, undefined), undefined);
    assert.match(checkTagChange({ '': 'x' }, undefined) ?? '', /not a tag key: use 1 to 128 characters/);
    assert.match(checkTagChange({ 'aws:cloudformation:stack': 'x' }, undefined) ?? '', /reserved for AWS/);
    assert.match(checkTagChange(undefined, ['AWS:thing']) ?? '', /reserved for AWS/);
    assert.match(checkTagChange({ Team: 3 }, undefined) ?? '', /value of tag "Team" must be a string/);
    assert.match(checkTagChange({ Team: 'x'.repeat(257) }, undefined) ?? '', /up to 256 characters/);
    assert.match(checkTagChange({ Team: 'ml' }, ['Team']) ?? '', /both set and removed/);
    assert.match(checkTagChange(['Team'], undefined) ?? '', /"set" must be an object/);
    assert.match(checkTagChange(undefined, 'Team') ?? '', /"remove" must be a list/);
  });

  it('refuses more than 50 tags', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    assert.match(checkTagCount(many) ?? '', /51 tags; EC2 allows at most 50/);
    delete many.k0;
    assert.equal(checkTagCount(many), undefined);
  });
});
