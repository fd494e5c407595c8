import * as assert from 'node:assert/strict';
import type { ImageInfo } from '../../src/aws/model';
import { lineageOf, type LineageSources } from '../../src/details/lineage';
import { consoleUrl, resourceArn } from '../../src/shared/awsLinks';
import { imageTooltipMarkdown } from '../../src/shared/imageMarkdown';
import { allowedLabel, allowedMeaning, lastLaunchedLabel } from '../../src/shared/imageLabels';
import { LastLaunchedReader } from '../../src/shared/lastLaunched';
import { dollars, snapshotStorage, unitPrice } from '../../src/shared/snapshotCost';
import { problemsFor } from '../../src/code/amiIdText';
import { shown } from '../markdownSafety';

const now = Date.parse('2026-11-23T12:00:00Z');

function image(overrides: Partial<ImageInfo> = {}): ImageInfo {
  return {
    id: 'ami-0123456789abcdef0', region: 'us-east-1', name: 'pettracker-v1.2', ownerId: '123456789012', state: 'available',
    public: false, tags: {}, blockDevices: [], raw: {}, ...overrides,
  };
}

describe('links to the console and ARNs, by partition', () => {
  it('opens the console of the region\'s partition, or says there is none', () => {
    assert.equal(consoleUrl('image', 'eu-west-1', 'ami-1'), 'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#ImageDetails:imageId=ami-1');
    assert.equal(consoleUrl('instance', 'us-east-1', 'i-0abc'), 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#InstanceDetails:instanceId=i-0abc');
    assert.equal(consoleUrl('image', 'cn-north-1', 'ami-1'), 'https://console.amazonaws.cn/ec2/home?region=cn-north-1#ImageDetails:imageId=ami-1');
    assert.equal(consoleUrl('instance', 'us-gov-west-1', 'i-1'), 'https://console.amazonaws-us-gov.com/ec2/home?region=us-gov-west-1#InstanceDetails:instanceId=i-1');
    assert.equal(consoleUrl('image', 'us-iso-east-1', 'ami-1'), undefined);
    assert.equal(consoleUrl('image', 'eusc-de-east-1', 'ami-1'), undefined);
  });

  it('builds ARNs: images without an account, instances with theirs', () => {
    assert.equal(resourceArn('image', 'us-east-1', 'ami-1'), 'arn:aws:ec2:us-east-1::image/ami-1');
    assert.equal(resourceArn('image', 'cn-northwest-1', 'ami-1'), 'arn:aws-cn:ec2:cn-northwest-1::image/ami-1');
    assert.equal(resourceArn('instance', 'us-gov-east-1', 'i-1', '123456789012'), 'arn:aws-us-gov:ec2:us-gov-east-1:123456789012:instance/i-1');
  });
});

describe('image facts in words', () => {
  it('last launched: a date with its age, never, or why it is not known', () => {
    assert.equal(lastLaunchedLabel({ kind: 'known', at: '2026-11-20T12:00:00.000Z' }, now), '2026-11-20 12:00 UTC (3 days ago)');
    assert.equal(lastLaunchedLabel({ kind: 'known' }, now), 'never');
    assert.equal(lastLaunchedLabel({ kind: 'unknown', reason: 'could not be read: denied' }, now), 'could not be read: denied');
  });

  it('Allowed AMIs: what the image says, and what that means in each state', () => {
    assert.equal(allowedLabel(undefined), undefined);
    assert.equal(allowedLabel(false), 'not allowed by this account\'s criteria');
    assert.match(allowedMeaning(false, 'audit-mode'), /launches still work in audit mode/);
    assert.match(allowedMeaning(false, 'enabled'), /cannot launch it/);
    assert.match(allowedMeaning(undefined, 'disabled'), /every image can be used/);
  });

  it('tooltips and hovers list the new facts when EC2 reports them', () => {
    const text = shown(imageTooltipMarkdown(image({
      deregistrationProtection: 'enabled-without-cooldown', imageAllowed: false, bootMode: 'uefi', imdsSupport: 'v2.0', freeTierEligible: false,
      sourceInstanceId: 'i-0abc', lastLaunchedTime: '2026-11-22T12:00:00.000Z',
    }), now));
    for (const row of ['| Last launched | 2026-11-22 12:00 UTC (1 day ago) |', '| Deregistration protection | on |', '| Allowed AMIs | not allowed by this account\'s criteria |',
      '| Boot mode | uefi |', '| IMDS | IMDSv2 required (v2.0) |', '| Free tier | not eligible |', '| Made from instance | i-0abc |']) {
      assert.ok(text.includes(row), `${row} in\n${text}`);
    }
    assert.match(shown(imageTooltipMarkdown(image(), now, undefined, { kind: 'known' })), /\| Last launched \| never \|/);
    assert.doesNotMatch(shown(imageTooltipMarkdown(image(), now)), /Last launched|Allowed AMIs|Free tier/);
  });

  it('an id that the account\'s Allowed AMIs settings do not allow is a problem', () => {
    const found = (i: ImageInfo) => ({ kind: 'found' as const, id: i.id, images: [i], failedRegions: [], at: now });
    const [problem] = problemsFor(found(image({ imageAllowed: false })), {}, now);
    assert.equal(problem?.code, 'not-allowed');
    assert.equal(problem?.severity, 'warning');
    assert.match(problem?.message ?? '', /^ami-0123456789abcdef0 \(pettracker-v1\.2\) is not allowed by this account's Allowed AMIs settings in us-east-1: launches fail once they are enforced/);
    assert.deepEqual(problemsFor(found(image({ imageAllowed: true })), {}, now), []);
    assert.deepEqual(problemsFor(found(image({ imageAllowed: false, deprecationTime: '2026-01-01T00:00:00Z' })), {}, now).map((p) => p.code), ['deprecated', 'not-allowed']);
  });
});

describe('snapshot storage and its estimate', () => {
  it('counts each snapshot once, at its size, times the price', () => {
    const storage = snapshotStorage({
      blockDevices: [
        { deviceName: '/dev/xvda', snapshotId: 'snap-1', volumeSizeGiB: 8 },
        { deviceName: '/dev/xvdb', snapshotId: 'snap-2', volumeSizeGiB: 100 },
        { deviceName: '/dev/xvdc', snapshotId: 'snap-1', volumeSizeGiB: 8 },
        { deviceName: '/dev/sdd', virtualName: 'ephemeral0' },
      ],
    }, 0.05);
    assert.deepEqual(storage.snapshots.map((s) => s.snapshotId), ['snap-1', 'snap-2']);
    assert.equal(storage.totalGiB, 108);
    assert.equal(dollars(storage.monthlyCost), '$5.40');
    assert.equal(dollars(0), '$0.00');
    assert.equal(dollars(0.004), '$0.0040');
    assert.deepEqual([0.05, 0.0125, 0.1, 0.023456].map(unitPrice), ['$0.05', '$0.0125', '$0.10', '$0.0235']);
  });
});

describe('lineage', () => {
  const base = image({ id: 'ami-00000000000000001', region: 'us-east-1', name: 'base' });
  const baked = image({ id: 'ami-00000000000000002', region: 'us-east-1', name: 'baked', sourceInstanceId: 'i-1' });
  const copy = image({ id: 'ami-00000000000000003', region: 'eu-west-1', name: 'copy', sourceImageId: baked.id, sourceImageRegion: 'us-east-1' });
  const known = new Map([base, baked, copy].map((i) => [`${i.region}/${i.id}`, i]));
  const sources = (instances: Record<string, string | undefined> = { 'i-1': base.id }): LineageSources => ({
    image: (region, id) => Promise.resolve(known.get(`${region}/${id}`)),
    instanceImage: (_region, id) => Promise.resolve(id in instances ? { imageId: instances[id] } : undefined),
  });

  it('follows a copy to its source, and an image made from an instance to the instance\'s image', async () => {
    const links = await lineageOf(copy, sources());
    assert.deepEqual(links.map((l) => [l.relation, l.region, l.imageId, l.instanceId, l.image?.name, l.note]), [
      ['copy', 'us-east-1', baked.id, undefined, 'baked', undefined],
      ['instance', 'us-east-1', base.id, 'i-1', 'base', undefined],
    ]);
  });

  it('ends where EC2 no longer knows a step, saying so', async () => {
    const gone = await lineageOf(copy, sources({}));
    assert.match(gone[1]?.note ?? '', /no longer knows the instance/);
    const deregistered = await lineageOf(image({ sourceImageId: 'ami-0000000000000dead', sourceImageRegion: 'ap-south-1' }), sources());
    assert.equal(deregistered.length, 1);
    assert.match(deregistered[0]?.note ?? '', /no longer knows this image/);
  });

  it('says a failed lookup failed, never that the source is gone', async () => {
    const failing: LineageSources = { ...sources(), image: () => Promise.reject(new Error('EC2 in us-east-1 did not answer in time.')) };
    const [link] = await lineageOf(copy, failing);
    assert.equal(link?.note, 'could not be read: EC2 in us-east-1 did not answer in time.');
  });

  it('stops at a circle', async () => {
    const a = image({ id: 'ami-0000000000000000a', sourceImageId: 'ami-0000000000000000b', sourceImageRegion: 'us-east-1' });
    const b = image({ id: 'ami-0000000000000000b', sourceImageId: 'ami-0000000000000000a', sourceImageRegion: 'us-east-1' });
    const loop: LineageSources = { ...sources(), image: (_r, id) => Promise.resolve(id === a.id ? a : b) };
    assert.equal((await lineageOf(a, loop)).length, 2);
  });
});

describe('last launched, read as people look', () => {
  it('asks once per image for a while; a failure is said and asked again next time', async () => {
    const asked: string[] = [];
    let fail = false;
    let clock = 0;
    const reader = new LastLaunchedReader((_region, id) => {
      asked.push(id);
      return fail ? Promise.reject(new Error('denied')) : Promise.resolve(id === 'ami-1' ? '2026-11-20T12:00:00.000Z' : undefined);
    }, 1000, () => clock);
    assert.deepEqual(await reader.of({ id: 'ami-1', region: 'us-east-1' }), { kind: 'known', at: '2026-11-20T12:00:00.000Z' });
    assert.deepEqual(await reader.of({ id: 'ami-1', region: 'us-east-1' }), { kind: 'known', at: '2026-11-20T12:00:00.000Z' });
    assert.deepEqual(await reader.of({ id: 'ami-2', region: 'us-east-1' }), { kind: 'known', at: undefined });
    assert.deepEqual(asked, ['ami-1', 'ami-2']);
    assert.deepEqual(await reader.of({ id: 'ami-3', region: 'us-east-1', lastLaunchedTime: '2026-01-01T00:00:00.000Z' }), { kind: 'known', at: '2026-01-01T00:00:00.000Z' });
    clock = 2000;
    fail = true;
    assert.deepEqual(await reader.of({ id: 'ami-1', region: 'us-east-1' }), { kind: 'unknown', reason: 'could not be read: denied' });
    fail = false;
    await reader.of({ id: 'ami-1', region: 'us-east-1' });
    assert.deepEqual(asked, ['ami-1', 'ami-2', 'ami-1', 'ami-1']);
  });

  it('answers "pending" when the read is slow, and the read goes on', async () => {
    let finish: (at: string) => void = () => undefined;
    const reader = new LastLaunchedReader(() => new Promise((resolve) => {
      finish = resolve;
    }));
    assert.deepEqual(await reader.within({ id: 'ami-1', region: 'us-east-1' }, 20, 'still being read'), { kind: 'unknown', reason: 'still being read' });
    finish('2026-11-20T12:00:00.000Z');
    assert.deepEqual(await reader.within({ id: 'ami-1', region: 'us-east-1' }, 20, 'still being read'), { kind: 'known', at: '2026-11-20T12:00:00.000Z' });
  });
});
