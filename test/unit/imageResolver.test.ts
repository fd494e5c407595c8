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
      return Promise.resolve(ids.filter((id) => estate[region]!.includes(id)).map((id) => image(id, region)));
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
    assert.deepEqual(results[2]?.kind === 'notFound' && results[2].searched, ['us-east-1', 'eu-west-1', 'ap-southeast-2']);
  });

  it('gathers separate requests made together into one batch', async () => {
    const { resolver, calls } = setup({ 'us-east-1': [id(1), id(2)] });
    await Promise.all([resolver.resolve(id(1)), resolver.resolve(id(2)), resolver.resolve(id(1))]);
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0]?.ids, [id(1), id(2)]);
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
    assert.equal((await resolver.resolve(id(1))).kind, 'found', 'answered by the first region that holds it');
    await new Promise((r) => setTimeout(r, 10));
    const r = resolver.peek(id(1));
    assert.deepEqual(r?.kind === 'found' && r.images.map((i) => i.region), ['eu-west-1', 'us-east-1'], 'then every region, once all answered');
  });

  it('never calls a failed lookup "not found", and keeps the failure on show until its retry answers', async () => {
    const estate: Record<string, string[]> = { 'us-east-1': [] };
    const { resolver, calls } = setup(estate, { regions: () => Promise.resolve(['us-east-1', 'eu-west-1']), retryFailedAfterMs: 30_000 });
    const r = await resolver.resolve(id(1));
    assert.equal(r.kind, 'failed');
    assert.deepEqual(r.kind === 'failed' && r.errors, [{ region: 'eu-west-1', message: 'boom' }]);
    assert.deepEqual(r.kind === 'failed' && r.searched, ['us-east-1'], 'incomplete: one region did answer');
    await resolver.resolve(id(1));
    assert.equal(calls.length, 2, 'a redraw right after a failure must not call again');
    assert.equal(resolver.peek(id(1)), r, 'the failure is shown while its retry is pending');
    assert.deepEqual(resolver.entries(), [], 'failures are never persisted');
    resolver.dispose();
  });

  it('retries a failed lookup with a growing pause, without anyone asking', async () => {
    const estate: Record<string, string[]> = { 'us-east-1': [] };
    const answers: string[] = [];
    const { resolver } = setup(estate, {
      regions: () => Promise.resolve(['us-east-1', 'eu-west-1']), retryFailedAfterMs: 20, now: Date.now,
      onResolved: (results) => answers.push(...results.map((x) => x.kind)),
    });
    assert.equal((await resolver.resolve(id(1))).kind, 'failed');
    estate['eu-west-1'] = [id(1)];
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(resolver.peek(id(1))?.kind, 'found', 'the retry found it once eu-west-1 answered');
    assert.deepEqual(answers.slice(-1), ['found']);
    resolver.dispose();
  });

  it('answers a found id as soon as its region answers, without waiting for a slow one', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((r) => { release = r; });
    const { resolver } = setup({ 'us-east-1': [id(1)], 'eu-west-1': [] }, {
      lookup: async (region, ids) => {
        if (region === 'eu-west-1') {
          await slow;
          return [];
        }
        return ids.filter((x) => x === id(1)).map((x) => image(x, region));
      },
    });
    const first = await resolver.resolve(id(1));
    assert.equal(first.kind, 'found');
    const missing = resolver.resolve(id(2));
    release();
    assert.equal((await missing).kind, 'notFound', '"not found" waits for every region');
  });

  it('skips regions that refuse, names them, and still says "not found" over the others', async () => {
    const denied = new Map([['ap-east-1', { message: 'Access denied by policy' }]]);
    const { resolver, calls } = setup({ 'us-east-1': [], 'eu-west-1': [], 'ap-east-1': [] }, { deniedRegions: () => denied });
    const r = await resolver.resolve(id(1));
    assert.equal(r.kind, 'notFound');
    assert.deepEqual(r.kind === 'notFound' && r.searched, ['us-east-1', 'eu-west-1']);
    assert.deepEqual(r.kind === 'notFound' && r.denied, [{ region: 'ap-east-1', message: 'Access denied by policy' }]);
    assert.ok(!calls.some((c) => c.region === 'ap-east-1'), 'a denied region is not asked');
  });

  it('a region that refuses during the lookup is a denial, not a failure; all refusing is a failure', async () => {
    const denial = Object.assign(new Error('denied'), { denial: true });
    const estate = { 'us-east-1': [] as string[], 'eu-west-1': [] as string[] };
    const { resolver } = setup(estate, {
      isDenial: (e) => (e as { denial?: boolean }).denial === true,
      lookup: (region) => (region === 'eu-west-1' ? Promise.reject(denial) : Promise.resolve([])),
    });
    const r = await resolver.resolve(id(1));
    assert.equal(r.kind, 'notFound');
    assert.deepEqual(r.kind === 'notFound' && r.denied?.map((d) => d.region), ['eu-west-1']);
    const all = setup(estate, { isDenial: () => true, lookup: () => Promise.reject(denial) });
    assert.equal((await all.resolver.resolve(id(1))).kind, 'failed');
  });

  it('after clear(), an answer from before is dropped and the id is looked up again', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => { release = r; });
    let calls = 0;
    const { resolver } = setup({ 'us-east-1': [] }, {
      lookup: async () => {
        calls++;
        if (calls === 1) {
          await gate;
        }
        return [];
      },
    });
    const waiting = resolver.resolve(id(1));
    await new Promise((r) => setTimeout(r, 20));
    resolver.clear();
    release();
    assert.equal((await waiting).kind, 'notFound');
    assert.equal(calls, 2, 'asked again in the new generation');
  });

  it('once disposed, asks nothing more: a late answer is dropped, nothing is retried or sent again', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => { release = r; });
    let calls = 0;
    const { resolver } = setup({ 'us-east-1': [] }, {
      retryFailedAfterMs: 10,
      lookup: async () => {
        calls++;
        await gate;
        throw new Error('boom');
      },
    });
    void resolver.resolve(id(1));
    await new Promise((r) => setTimeout(r, 20));
    resolver.dispose();
    release();
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(calls, 1, 'no second lookup after dispose');
    assert.equal((await resolver.resolve(id(2))).kind, 'failed');
    assert.equal(calls, 1);
  });

  it('a caller can stop waiting while the shared lookup goes on for the others', async () => {
    const { resolver } = setup({ 'us-east-1': [id(1)] });
    const abort = new AbortController();
    const mine = resolver.resolve(id(1), abort.signal);
    const theirs = resolver.resolve(id(1));
    abort.abort();
    await assert.rejects(mine, { name: 'AbortError' });
    assert.equal((await theirs).kind, 'found');
  });

  it('keeps at most maxEntries answers, dropping the least recently used', async () => {
    const { resolver } = setup({ 'us-east-1': [] }, { maxEntries: 2 });
    await resolver.resolveAll([id(1), id(2)]);
    resolver.peek(id(1));
    await resolver.resolve(id(3));
    assert.deepEqual(resolver.entries().map((r) => r.id).sort(), [id(1), id(3)]);
  });

  it('tells its listener as answers come, every id at least once', async () => {
    const seen: string[] = [];
    const { resolver } = setup({ 'us-east-1': [id(1)] }, { onResolved: (results) => seen.push(...results.map((r) => `${r.id}:${r.kind}`)) });
    await resolver.resolveAll([id(1), id(2)]);
    await resolver.resolve(id(1));
    assert.ok(seen.includes(`${id(1)}:found`) && seen.includes(`${id(2)}:notFound`), seen.join());
    assert.ok(!seen.some((s) => s.endsWith(':failed')));
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
