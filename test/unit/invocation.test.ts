import * as assert from 'node:assert/strict';
import { ensureConfirmed, invocationOf, prefillsEverything, withoutConfirmed } from '../../src/actions/common/invocation';

describe('how a command was started', () => {
  it('no argument is the palette; a plain object is a link; anything else is a tree node and its selection', () => {
    assert.deepEqual(invocationOf([]), { via: 'palette' });
    assert.deepEqual(invocationOf([{ imageId: 'ami-0123456789abcdef0' }]), { via: 'link', input: { imageId: 'ami-0123456789abcdef0' } });
    class Node {}
    const node = new Node();
    assert.deepEqual(invocationOf([node, [node]]), { via: 'tree', node, selection: [node] });
    assert.deepEqual(invocationOf([node]), { via: 'tree', node, selection: [] });
  });

  it('a link object with more than its target pre-fills every step', () => {
    assert.equal(prefillsEverything({ imageId: 'a', region: 'r' }), false);
    assert.equal(prefillsEverything({ imageId: 'a', region: 'r', count: 20 }), true);
    assert.equal(prefillsEverything({ instanceId: 'i', region: 'r' }, ['instanceId', 'region']), false);
  });

  it('a link cannot confirm for the person: `confirmed` is dropped', () => {
    assert.deepEqual(withoutConfirmed({ imageId: 'a', confirmed: true }), { imageId: 'a' });
  });

  it('the API confirms only with `confirmed: true` itself', () => {
    assert.throws(() => ensureConfirmed({}, 'Deregistering x cannot be undone'), /Deregistering x cannot be undone: pass "confirmed": true/);
    assert.throws(() => ensureConfirmed({ confirmed: 'true' }, 'X'), /pass "confirmed": true/);
    assert.doesNotThrow(() => ensureConfirmed({ confirmed: true }, 'X'));
  });
});
