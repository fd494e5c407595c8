import * as assert from 'node:assert/strict';
import type { ImageInfo } from '../../src/aws/model';
import { ImageResolver, type ResolverOptions } from '../../src/code/imageResolver';

function image(id: string, region: string): ImageInfo {
  return { id, region, name: `name-${id}`, ownerId: '123456789012', state: 'available', public: false, tags: {}, blockDevices: [], raw: {} };
}

/** A fake EC2: `estate` maps region → ids it holds; every lookup is recorded. */
function setup(estate: Record<string, string[]>, overrides: Partial<ResolverOptions> = {}) {
  const calls: { region: string; ids: readonly string[] }[] = [];
  let clock = 1_000;
  const resolver = new ImageResolver({
    regions: () => Promise.resolve(Object.keys(estate)),
    lookup: (region, ids) => {
      calls.push({ region, ids });
      if (estate[region] === undefined) {
        return Promise.reject(new Error('boom'));
      }
      return Promise.resolve(ids.filter((id) => estate[region].includes(id)).map((id) => image(id, region)));
    },
    ttlMs: () => 60_000,
    now: () => clock,
    ...overrides,
  });
  return { resolver, calls, advance: (ms: number) => { clock += ms; } };
}

const id = (n: number) => `ami-${n.toString(16).padStart(8, '0')}`;

describe('ImageResolver', () => {
  it('costs one call per region for a batch of ids, however many ids', async () => {
    const { resolver, calls } = setup({ 'us-east-1': [id(1)], 'eu-west-1': [id(2)], 'ap-southeast-2': [] });
    const results = await resolver.resolveAll([id(1), id(2), id(3)]);
    assert.equal(calls.length, 3);
    assert.deepEqual(results.map((r) => r.kind), ['found', 'found', 'notFound']);
    assert.deepEqual(results[2].kind === 'notFound' && results[2].searched, ['us-east-1', 'eu-west-1', 'ap-southeast-2']);
  });

  it('gathers separate requests made together into one batch', async () => {
    const { resolver, calls } = setup({ 'us-east-1': [id(1), id(2)] });
    await Promise.all([resolver.resolve(id(1)), resolver.resolve(id(2)), resolver.resolve(id(1))]);
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0].ids, [id(1), id(2)]);
  });

  it('splits more than batchSize ids into batches per region', async () => {
    const { resolver, calls } = setup({ 'us-east-1': [], 'eu-west-1': [] }, { batchSize: 200 });
    await resolver.resolveAll(Array.from({ length: 450 }, (_, i) => id(i)));
    assert.equal(calls.length, 6);
    assert.ok(calls.every((c) => c.ids.length <= 200));
  });

  it('answers from cache without calls until the TTL passes', async () => {
    const { resolver, calls, advance } = setup({ 'us-east-1': [id(1)] });
    await resolver.resolve(id(1));
    assert.equal(resolver.peek(id(1))?.kind, 'found');
    await resolver.resolve(id(1));
    assert.equal(calls.length, 1);
    advance(60_001);
    assert.equal(resolver.peek(id(1)), undefined);
    await resolver.resolve(id(1));
    assert.equal(calls.length, 2);
  });

  it('reports every region an id was found in', async () => {
    const { resolver } = setup({ 'us-east-1': [id(1)], 'eu-west-1': [id(1)] });
    const r = await resolver.resolve(id(1));
    assert.equal(r.kind, 'found');
    assert.deepEqual(r.kind === 'found' && r.images.map((i) => i.region), ['eu-west-1', 'us-east-1']);
  });

  it('never calls a failed lookup "not found", and retries it only after a pause', async () => {
    const estate: Record<string, string[]> = { 'us-east-1': [] };
    const { resolver, calls, advance } = setup(estate, { regions: () => Promise.resolve(['us-east-1', 'eu-west-1']), retryFailedAfterMs: 30_000 });
    const r = await resolver.resolve(id(1));
    assert.equal(r.kind, 'failed');
    assert.deepEqual(r.kind === 'failed' && r.errors, [{ region: 'eu-west-1', message: 'boom' }]);
    await resolver.resolve(id(1));
    assert.equal(calls.length, 2, 'a redraw right after a failure must not call again');
    assert.deepEqual(resolver.entries(), [], 'failures are never persisted');
    advance(30_001);
    assert.equal(resolver.peek(id(1)), undefined);
    await resolver.resolve(id(1));
    assert.equal(calls.length, 4);
  });

  it('tells its listener once per batch', async () => {
    const batches: string[][] = [];
    const { resolver } = setup({ 'us-east-1': [id(1)] }, { onResolved: (results) => batches.push(results.map((r) => `${r.id}:${r.kind}`)) });
    await resolver.resolveAll([id(1), id(2)]);
    await resolver.resolve(id(1));
    assert.deepEqual(batches, [[`${id(1)}:found`, `${id(2)}:notFound`]]);
  });

  it('survives a reload through entries() and load()', async () => {
    const first = setup({ 'us-east-1': [id(1)] });
    await first.resolver.resolveAll([id(1), id(2)]);
    const second = setup({ 'us-east-1': [id(1)] });
    second.resolver.load(JSON.parse(JSON.stringify(first.resolver.entries())) as never);
    await second.resolver.resolveAll([id(1), id(2)]);
    assert.equal(second.calls.length, 0);
  });
});
