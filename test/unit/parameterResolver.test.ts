import * as assert from 'node:assert/strict';
import { ParameterResolver } from '../../src/code/parameterResolver';
import { packParameters, readPersistedParameters } from '../../src/code/persistedParameters';
import { parameterHoverMarkdown, parameterLensTitle, parameterProblems, type RegionAnswer } from '../../src/code/parameterText';
import type { ParameterAnswer } from '../../src/aws/parameterModel';
import type { ImageInfo } from '../../src/aws/model';
import type { SsmReference } from '../../src/code/ssmParameterScanner';

const path = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

describe('ParameterResolver', () => {
  it('asks each region once per ten names, and tells missing names from failed lookups', async () => {
    const calls: [string, string[]][] = [];
    const resolver = new ParameterResolver({
      ttlMs: () => 60_000,
      lookup: async (region, names): Promise<ParameterAnswer> => {
        calls.push([region, [...names]]);
        await Promise.resolve();
        if (region === 'eu-west-1') {
          throw new Error('Rate exceeded');
        }
        return { found: names.filter((n) => !n.includes('missing')).map((n) => ({ asked: n, name: n, value: 'ami-0123456789abcdef0', dataType: 'aws:ec2:image' })), invalid: names.filter((n) => n.includes('missing')) };
      },
    });
    const names = Array.from({ length: 12 }, (_, i) => `/p/${i}`);
    const answers = await Promise.all([...names, '/p/missing'].flatMap((n) => [resolver.resolve('us-east-1', n), resolver.resolve('eu-west-1', n)]));
    assert.deepEqual(calls.map(([region, asked]) => [region, asked.length]).sort(), [['eu-west-1', 10], ['eu-west-1', 3], ['us-east-1', 10], ['us-east-1', 3]].sort());
    assert.equal(answers.find((a) => a.region === 'us-east-1' && a.name === '/p/missing')?.kind, 'missing');
    assert.equal(answers.find((a) => a.region === 'eu-west-1' && a.name === '/p/missing')?.kind, 'failed');
    assert.equal(resolver.peek('us-east-1', '/p/3')?.kind, 'found');
    await resolver.resolve('us-east-1', '/p/3');
    assert.equal(calls.length, 4, 'a cached answer costs no call');
    resolver.dispose();
  });
});

describe('parameter wording', () => {
  const now = Date.parse('2026-03-04T00:00:00Z');
  const image: ImageInfo = { id: 'ami-0123456789abcdef0', name: 'al2023-ami-2023.6 *x*', region: 'us-east-1', state: 'available', ownerId: '137112412989', public: true, architecture: 'x86_64', creationDate: '2026-03-01T00:00:00Z' } as ImageInfo;
  const found = (dataType = 'aws:ec2:image', value = image.id): RegionAnswer => ({
    region: 'us-east-1',
    parameter: { kind: 'found', region: 'us-east-1', name: path, value, dataType, at: now },
    image: { kind: 'found', id: image.id, images: [image], failedRegions: [], at: now },
  });
  const ref: SsmReference = { path, offset: 0, length: path.length, shape: 'resolve', expectsImage: true };

  it('says which image the parameter names today, in one line', () => {
    assert.equal(parameterLensTitle(found(), now), 'today: al2023-ami-2023.6 *x* · ami-0123456789abcdef0 · created 2026-03-01 00:00 UTC (3 days old) · us-east-1');
    assert.match(parameterHoverMarkdown(ref, [found()], now), /al2023\\-ami\\-2023\\.6 \\\*x\\\*/);
  });

  it('reports a missing parameter and a non-image parameter, never a failed lookup', () => {
    const missing: RegionAnswer = { region: 'eu-west-1', parameter: { kind: 'missing', region: 'eu-west-1', name: path, at: now } };
    const failed: RegionAnswer = { region: 'ap-southeast-2', parameter: { kind: 'failed', region: 'ap-southeast-2', name: path, message: 'timed out', at: now } };
    assert.deepEqual(parameterProblems(ref, [missing, failed], now).map((p) => p.code), ['parameter-missing']);
    assert.equal(parameterLensTitle(failed, now), 'lookup incomplete in ap-southeast-2: timed out');
    const text = { region: 'us-east-1', parameter: { kind: 'found', region: 'us-east-1', name: path, value: 'US East', dataType: 'text', at: now } } as const;
    assert.deepEqual(parameterProblems(ref, [text], now).map((p) => p.code), ['parameter-not-image']);
    assert.deepEqual(parameterProblems({ ...ref, expectsImage: false }, [text], now), []);
  });

  it('reports a parameter naming a deprecated image', () => {
    const answer = found();
    const deprecated = { ...answer, image: { kind: 'found', id: image.id, images: [{ ...image, deprecationTime: '2026-03-02T00:00:00Z' }], failedRegions: [], at: now } } as RegionAnswer;
    assert.deepEqual(parameterProblems(ref, [deprecated], now).map((p) => p.code), ['parameter-image-deprecated']);
    assert.match(parameterLensTitle(deprecated, now), / · deprecated$/);
  });
});

describe('ParameterResolver failures', () => {
  it('asks a failing region again after a pause that doubles with each failure', async () => {
    let now = 0;
    let calls = 0;
    const resolver = new ParameterResolver({
      ttlMs: () => 60_000,
      now: () => now,
      retryFailedAfterMs: 1_000,
      lookup: async () => {
        calls++;
        await Promise.resolve();
        throw new Error('Rate exceeded');
      },
    });
    assert.equal((await resolver.resolve('us-east-1', '/p')).kind, 'failed');
    now = 999;
    assert.equal(resolver.peek('us-east-1', '/p')?.kind, 'failed', 'the failure stands for a while');
    now = 1_000;
    assert.equal(resolver.peek('us-east-1', '/p'), undefined);
    await resolver.resolve('us-east-1', '/p');
    now = 1_000 + 1_999;
    assert.equal(resolver.peek('us-east-1', '/p')?.kind, 'failed', 'twice as long after the second failure');
    assert.equal(calls, 2);
    resolver.dispose();
  });
});

describe('isImageReference', () => {
  it('keeps a public path read into a variable quiet when its parameter names no image', async () => {
    const { isImageReference } = await import('../../src/code/parameterText');
    const ref: SsmReference = { path: '/aws/service/global-infrastructure/regions', offset: 0, length: 1, shape: 'boto3', expectsImage: false };
    const text: RegionAnswer = { region: 'us-east-1', parameter: { kind: 'found', region: 'us-east-1', name: ref.path, value: 'x', dataType: 'text', at: 0 } };
    assert.equal(isImageReference(ref, [text]), false);
    assert.equal(isImageReference({ ...ref, expectsImage: true }, [text]), true);
    assert.equal(isImageReference(ref, [{ region: 'us-east-1' }]), true, 'not known yet');
  });
});

describe('parameter answers kept across reloads', () => {
  it('a reloaded answer costs no call until it expires; failures and damaged or foreign entries are not kept', async () => {
    let now = 1_000_000;
    let calls = 0;
    const options = {
      ttlMs: () => 60_000,
      now: () => now,
      lookup: async (_region: string, names: readonly string[]): Promise<ParameterAnswer> => {
        calls++;
        await Promise.resolve();
        if (names.includes('/fails')) {
          throw new Error('Rate exceeded');
        }
        return { found: names.filter((n) => n !== '/missing').map((n) => ({ asked: n, name: n, value: 'ami-0123456789abcdef0', dataType: 'aws:ec2:image' })), invalid: names.filter((n) => n === '/missing') };
      },
    };
    const first = new ParameterResolver(options);
    await Promise.all([first.resolve('us-east-1', path), first.resolve('us-east-1', '/missing')]);
    await first.resolve('us-east-1', '/fails');
    const stored = JSON.parse(JSON.stringify(packParameters('me', first.entries()))) as unknown;
    first.dispose();
    assert.deepEqual(readPersistedParameters(stored, 'someone else'), [], 'another connection\'s answers are not used');
    assert.deepEqual(readPersistedParameters({ connection: 'me', answers: [{ kind: 'found', region: 'us-east-1' }, 'x', null] }, 'me'), []);

    const second = new ParameterResolver(options);
    second.load(readPersistedParameters(stored, 'me'));
    calls = 0;
    assert.equal((await second.resolve('us-east-1', path)).kind, 'found');
    assert.equal((await second.resolve('us-east-1', '/missing')).kind, 'missing');
    assert.equal(calls, 0, 'answered from what was kept');
    assert.equal(second.peek('us-east-1', '/fails'), undefined, 'a failure is asked again, not kept');
    now += 60_001;
    assert.equal(second.peek('us-east-1', path), undefined, 'a kept answer expires by the time it was given');
    second.dispose();
  });
});
