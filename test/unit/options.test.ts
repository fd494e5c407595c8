import * as assert from 'node:assert/strict';
import { checkWith, isBoolean, isList, isStringMap, optional, readOptions, required } from '../../src/shared/options';
import { checkImageId, checkRegion } from '../../src/shared/validation';

const schema = {
  imageId: required(checkWith(checkImageId)),
  region: required(checkWith(checkRegion)),
  deleteSnapshots: optional(isBoolean),
  imageIds: optional(isList(checkImageId, '["ami-0abcdef1234567890"]', { nonEmpty: true, of: 'AMI ids' })),
  tags: optional(isStringMap((k) => (typeof k === 'string' && k ? undefined : 'bad key'), (v) => (typeof v === 'string' ? undefined : 'bad value'), '{ "A": "b" }')),
};
const base = { imageId: 'ami-0123456789abcdef0', region: 'us-east-1' };

describe('readOptions', () => {
  it('accepts a valid object and trims its strings', () => {
    assert.deepEqual(readOptions({ imageId: ' ami-0123456789abcdef0 ', region: 'us-east-1', deleteSnapshots: true }, schema, 'X'),
      { imageId: 'ami-0123456789abcdef0', region: 'us-east-1', deleteSnapshots: true });
  });

  it('rejects a typo, suggesting the option meant', () => {
    assert.throws(() => readOptions({ ...base, deleteSnapshot: true }, schema, 'X'), /Unknown option "deleteSnapshot": did you mean "deleteSnapshots"\?/);
    assert.throws(() => readOptions({ ...base, DeleteSnapshots: true }, schema, 'X'), /did you mean "deleteSnapshots"/);
  });

  it('rejects an option far from any, listing what is known', () => {
    assert.throws(() => readOptions({ ...base, launchNow: 1 }, schema, 'X'), /Unknown option "launchNow"; expected one of: imageId, region, deleteSnapshots, imageIds, tags\./);
  });

  it('requires what is required, with the check\'s own sentence', () => {
    assert.throws(() => readOptions({ region: 'us-east-1' }, schema, 'X'), /An AMI id is required/);
  });

  it('checks every given value: booleans, lists, maps', () => {
    assert.throws(() => readOptions({ ...base, deleteSnapshots: 'yes' }, schema, 'X'), /"deleteSnapshots" must be true or false, not "yes"/);
    assert.throws(() => readOptions({ ...base, imageIds: [] }, schema, 'X'), /"imageIds" must be a non-empty list of AMI ids/);
    assert.throws(() => readOptions({ ...base, imageIds: ['ami-nope'] }, schema, 'X'), /"ami-nope" is not an AMI id/);
    assert.throws(() => readOptions({ ...base, tags: ['A'] }, schema, 'X'), /"tags" must be an object/);
    assert.throws(() => readOptions({ ...base, tags: { A: 1 } }, schema, 'X'), /bad value/);
  });

  it('takes only a plain object', () => {
    for (const input of [undefined, null, 'ami-0123456789abcdef0', ['ami-0123456789abcdef0'], new Date()]) {
      assert.throws(() => readOptions(input, schema, 'Deregister image'), /Deregister image takes one object of options/);
    }
  });
});
