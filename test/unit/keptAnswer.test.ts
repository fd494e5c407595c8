import * as assert from 'node:assert/strict';
import { KeptAnswer } from '../../src/explorer/nodes/keptAnswer';

describe('a node\'s kept answer', () => {
  it('loads once, keeps it until reset, and keeps no answer a reset overtook', async () => {
    const kept = new KeptAnswer<string[]>();
    let loads = 0;
    assert.deepEqual(await kept.get(() => Promise.resolve([`load ${++loads}`])), ['load 1']);
    assert.deepEqual(await kept.get(() => Promise.resolve([`load ${++loads}`])), ['load 1'], 'kept');
    kept.reset();
    assert.equal(kept.current, undefined);
    let finish: (v: string[]) => void = () => undefined;
    const slow = kept.get(() => new Promise((resolve) => { finish = resolve; }));
    kept.reset();
    finish(['stale']);
    assert.deepEqual(await slow, ['stale'], 'its caller still gets it');
    assert.equal(kept.current, undefined, 'but no one keeps it');
    assert.deepEqual(await kept.get(() => Promise.resolve(['fresh'])), ['fresh']);
    assert.deepEqual(kept.current, ['fresh']);
  });
});
