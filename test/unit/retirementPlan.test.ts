import * as assert from 'node:assert/strict';
import { olderThanExceptNewest, partialRetirement, snapshotPlan } from '../../src/actions/common/retirementPlan';
import { snapshotsOf } from '../../src/shared/imageSnapshots';

const image = (id: string, ...snapshots: string[]) => ({ id, blockDevices: snapshots.map((s, i) => ({ deviceName: `/dev/sd${i}`, snapshotId: s })) });

describe('retirement plan', () => {
  it('lists each snapshot once, skipping devices without one', () => {
    assert.deepEqual(snapshotsOf([image('ami-1', 'snap-a', 'snap-b'), image('ami-2', 'snap-a'), { blockDevices: [{ deviceName: 'ephemeral0' }] }]), ['snap-a', 'snap-b']);
  });

  it('deletes a snapshot only when every image using it is retired', () => {
    const plan = snapshotPlan([image('ami-1', 'snap-a', 'snap-b'), image('ami-2', 'snap-c')], {
      'snap-a': ['ami-1'],
      'snap-b': ['ami-1', 'ami-9'],
      'snap-c': ['ami-2', 'ami-1'],
    });
    assert.deepEqual(plan.deletable, ['snap-a', 'snap-c']);
    assert.deepEqual(plan.kept, [{ snapshotId: 'snap-b', reason: 'used by ami-9' }]);
  });

  it('a snapshot no image lists any more may go', () => {
    assert.deepEqual(snapshotPlan([image('ami-1', 'snap-a')], {}).deletable, ['snap-a']);
  });

  it('picks the images older than N days except the newest K', () => {
    const now = Date.parse('2026-11-23T00:00:00Z');
    const daysAgo = (d: number) => new Date(now - d * 86_400_000).toISOString();
    const images = [
      { name: 'v1', creationDate: daysAgo(400) },
      { name: 'v2', creationDate: daysAgo(300) },
      { name: 'v3', creationDate: daysAgo(200) },
      { name: 'v4', creationDate: daysAgo(100) },
      { name: 'v5', creationDate: daysAgo(95) },
      { name: 'v6', creationDate: daysAgo(10) },
      { name: 'undated' },
    ];
    assert.deepEqual(olderThanExceptNewest(images, 90, 3, now).map((i) => i.name), ['v3', 'v2', 'v1']);
    assert.deepEqual(olderThanExceptNewest(images, 90, 0, now).map((i) => i.name), ['v5', 'v4', 'v3', 'v2', 'v1']);
    assert.deepEqual(olderThanExceptNewest(images, 250, 1, now).map((i) => i.name), ['v2', 'v1']);
    assert.deepEqual(olderThanExceptNewest(images, 90, 10, now), []);
  });
});

describe('partialRetirement', () => {
  it('says what was done and what was not when stopped part way', () => {
    assert.equal(
      partialRetirement('Deregistration was cancelled', { deregistered: ['ami-1', 'ami-2'], deletedSnapshots: ['snap-1'] }, { images: ['ami-1', 'ami-2', 'ami-3'], snapshots: ['snap-1', 'snap-2'] }),
      'Deregistration was cancelled after it deregistered ami-1, ami-2 and deleted snap-1. Not done: ami-3 is still registered; snap-2 was not deleted.',
    );
    assert.equal(
      partialRetirement('Deregistration was cancelled', { deregistered: [], deletedSnapshots: [] }, { images: ['ami-1'], snapshots: [] }),
      'Deregistration was cancelled after it deregistered nothing. Not done: ami-1 is still registered.',
    );
  });
});
