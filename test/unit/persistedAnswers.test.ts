import * as assert from 'node:assert/strict';
import type { ImageInfo } from '../../src/aws/model';
import type { Resolution } from '../../src/code/imageResolver';
import { pack, readPersisted } from '../../src/code/persistedAnswers';

const regions = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'ap-southeast-1',
  'ap-southeast-2', 'ap-northeast-1', 'ap-south-1', 'ca-central-1', 'sa-east-1', 'eu-north-1', 'eu-west-3', 'ap-northeast-2'];

function image(n: number): ImageInfo {
  const id = `ami-${n.toString(16).padStart(17, '0')}`;
  return {
    id, region: regions[n % regions.length]!, name: `service-${n}-x86_64`, description: 'Application image', ownerId: '123456789012',
    state: 'available', public: false, architecture: 'x86_64', platformDetails: 'Linux/UNIX', virtualizationType: 'hvm',
    rootDeviceType: 'ebs', rootDeviceName: '/dev/xvda', creationDate: '2026-11-23T12:00:00.000Z', tags: { Project: `service-${n % 40}`, Team: 'platform' },
    blockDevices: [{ deviceName: '/dev/xvda', snapshotId: 'snap-0123456789abcdef0', volumeSizeGiB: 8, encrypted: false }],
    raw: { the: 'whole SDK response', padding: 'x'.repeat(2000) },
  };
}

describe('persisted answers', () => {
  const answers: Resolution[] = Array.from({ length: 5000 }, (_, n): Resolution => (n % 10 === 0
    ? { kind: 'notFound', id: `ami-${n.toString(16).padStart(17, 'f')}`, searched: regions, at: 1 }
    : { kind: 'found', id: image(n).id, images: [image(n)], failedRegions: [], at: 1 }));

  it('keeps 5,000 answers under a megabyte', () => {
    const size = JSON.stringify(pack('c', answers)).length;
    assert.ok(size < 1_000_000, `${size} bytes`);
    console.log(`      (5,000 answers persist in ${size} bytes)`);
  });

  it('gives back every answer, without the SDK response or block devices', () => {
    const back = readPersisted(JSON.parse(JSON.stringify(pack('c', answers))));
    assert.equal(back?.connection, 'c');
    assert.equal(back?.answers.length, 5000);
    const found = back?.answers[1];
    assert.equal(found?.kind === 'found' && found.images[0]?.name, 'service-1-x86_64');
    assert.equal(found?.kind === 'found' && found.images[0]?.raw, undefined);
    assert.deepEqual(found?.kind === 'found' && found.images[0]?.blockDevices, []);
    assert.deepEqual(back?.answers[0]?.kind === 'notFound' && back.answers[0].searched, regions);
  });

  it('a damaged or older value is ignored, not trusted', () => {
    assert.equal(readPersisted({ connection: 'c', data: 'not deflate' }), undefined);
    assert.equal(readPersisted({ connection: 'c', entries: [] }), undefined);
    assert.equal(readPersisted(undefined), undefined);
  });
});
