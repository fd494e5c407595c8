import * as assert from 'node:assert/strict';
import type { InstanceTypeInfo } from '../../src/aws/launchModel';
import type { ImageInfo } from '../../src/aws/model';
import {
  checkInstanceCount, checkInstanceProfile, checkInstanceType, checkSecurityGroupIds, checkSubnetId, checkUserData, describeInstanceType,
  launchSummary, launchWarning, maxUserDataBytes, sortInstanceTypes, typedUserData,
} from '../../src/actions/launchInstance/launchChoices';
import { parseLaunchRequest } from '../../src/actions/launchInstance/request';

function type(name: string, vcpus: number, memoryMiB: number, currentGeneration = true): InstanceTypeInfo {
  return { name, architectures: ['x86_64'], vcpus, memoryMiB, currentGeneration, freeTierEligible: false };
}

function image(overrides: Partial<ImageInfo>): ImageInfo {
  return { id: 'ami-0123456789abcdef0', region: 'us-west-1', name: 'web-2026.11.23', ownerId: '123456789012', state: 'available',
    public: false, tags: {}, blockDevices: [], raw: {}, architecture: 'x86_64', ...overrides };
}

describe('sortInstanceTypes', () => {
  it('offers the common types of the architecture first, in their own order', () => {
    const sorted = sortInstanceTypes([type('m5.xlarge', 4, 16384), type('t3.small', 2, 2048), type('c5.large', 2, 4096), type('t3.micro', 2, 1024)], 'x86_64');
    assert.deepEqual(sorted.map((t) => t.name), ['t3.micro', 't3.small', 'c5.large', 'm5.xlarge']);
  });

  it('puts current generations before older ones, then sorts by family and size, smallest first', () => {
    const sorted = sortInstanceTypes([
      type('m4.large', 2, 8192, false), type('m5.2xlarge', 8, 32768), type('c5.xlarge', 4, 8192), type('m5.large', 2, 8192), type('c5.large', 2, 4096),
    ], 'x86_64');
    assert.deepEqual(sorted.map((t) => t.name), ['c5.large', 'c5.xlarge', 'm5.large', 'm5.2xlarge', 'm4.large']);
  });

  it('knows the arm64 favourites apart from the x86_64 ones', () => {
    const types = [type('c7g.large', 2, 4096), type('t4g.micro', 2, 1024), type('t3.micro', 2, 1024)];
    assert.equal(sortInstanceTypes(types, 'arm64')[0]?.name, 't4g.micro');
    assert.equal(sortInstanceTypes(types, 'x86_64')[0]?.name, 't3.micro');
  });
});

describe('launch input checks', () => {
  it('counts from 1 to 20, whole numbers, as numbers or the wizard\'s text', () => {
    for (const ok of [1, 20, '3']) {
      assert.equal(checkInstanceCount(ok), undefined, String(ok));
    }
    for (const bad of [0, 21, 1.5, -1, '', 'two', null]) {
      assert.match(checkInstanceCount(bad) ?? '', /from 1 to 20/, String(bad));
    }
  });

  it('instance types look like family.size', () => {
    assert.equal(checkInstanceType('t3.micro'), undefined);
    assert.equal(checkInstanceType('u-6tb1.metal'), undefined);
    assert.match(checkInstanceType('T3 micro') ?? '', /not an instance type name/);
    assert.match(checkInstanceType(undefined) ?? '', /required/);
  });

  it('subnet and security group ids are checked by shape', () => {
    assert.equal(checkSubnetId('subnet-0123456789abcdef0'), undefined);
    assert.match(checkSubnetId('default') ?? '', /not a subnet id/);
    assert.equal(checkSecurityGroupIds(['sg-0123456789abcdef0', 'sg-12345678']), undefined);
    assert.match(checkSecurityGroupIds(['sg-0123456789abcdef0', 'web']) ?? '', /"web" is not a security group id/);
    assert.match(checkSecurityGroupIds('sg-12345678') ?? '', /must be a list/);
  });
});

describe('describeInstanceType', () => {
  it('says vCPUs and memory the way the console does', () => {
    assert.equal(describeInstanceType(type('t3.micro', 2, 1024)), '2 vCPU · 1 GiB');
    assert.equal(describeInstanceType(type('t3.nano', 2, 512)), '2 vCPU · 0.5 GiB');
    assert.equal(describeInstanceType(type('t2.medium', 2, 4096, false)), '2 vCPU · 4 GiB · previous generation');
  });
});

describe('launchWarning', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('is silent for an available image that is not deprecated', () => {
    assert.equal(launchWarning(image({ deprecationTime: '2027-01-01T00:00:00Z' }), now), undefined);
  });
  it('warns about a deprecated image, with the date', () => {
    assert.match(launchWarning(image({ deprecationTime: '2026-01-01T00:00:00Z' }), now) ?? '', /deprecated on 2026-01-01/);
  });
  it('warns about an image that is not available, first', () => {
    assert.match(launchWarning(image({ state: 'disabled', deprecationTime: '2026-01-01T00:00:00Z' }), now) ?? '', /is disabled, not available/);
  });
});

describe('launchSummary', () => {
  it('lists everything EC2 will be asked for', () => {
    const lines = launchSummary({
      image: image({}), region: 'us-west-1', instanceType: 't3.small', count: 2, name: 'web', keyName: 'ops',
      subnet: { id: 'subnet-0123456789abcdef0', vpcId: 'vpc-0123456789abcdef0', availabilityZone: 'us-west-1a' },
      securityGroups: [{ id: 'sg-0123456789abcdef0', name: 'web' }], imdsV2: true, instanceProfile: 'web-server',
      userData: '#!/bin/bash\ndnf -y install nginx\n',
    });
    assert.deepEqual(lines, [
      'Instances: 2 × t3.small, billed while they run',
      'Image: web-2026.11.23 (ami-0123456789abcdef0, x86_64)',
      'Image owner: 123456789012',
      'Name tag: web',
      'Key pair: ops',
      'Subnet: subnet-0123456789abcdef0 in vpc-0123456789abcdef0, us-west-1a',
      'Security groups: web (sg-0123456789abcdef0)',
      'Instance metadata: IMDSv2 required (session tokens only)',
      'Instance profile: web-server',
      'User data: 33 bytes, first line "#!/bin/bash"',
    ]);
  });

  it('says what the defaults mean when nothing was chosen', () => {
    const text = launchSummary({ image: image({}), region: 'us-west-1', instanceType: 't3.micro', count: 1, securityGroups: [], imdsV2: false }).join('\n');
    assert.match(text, /Name tag: \(none\)/);
    assert.match(text, /Key pair: \(none: no SSH key/);
    assert.match(text, /Subnet: default VPC/);
    assert.match(text, /Security groups: the VPC's default group/);
    assert.match(text, /Instance metadata: IMDSv1 and IMDSv2 \(tokens optional\)/);
    assert.match(text, /Instance profile: \(none: no AWS credentials on the instance\)/);
    assert.match(text, /User data: \(none\)/);
  });
});

describe('user data, instance profile and IMDS options', () => {
  it('takes user data as text up to 16 KB, counted in bytes before base64', () => {
    assert.equal(checkUserData('#!/bin/sh\necho ready\n'), undefined);
    assert.equal(checkUserData('x'.repeat(maxUserDataBytes)), undefined);
    assert.match(checkUserData('x'.repeat(maxUserDataBytes + 1)) ?? '', /16\.0 KB \(16385 bytes\), but EC2 takes at most 16 KB \(16384 bytes\)\. Shorten it/);
    // é is two bytes: 8,193 of them are 16,386 bytes.
    assert.match(checkUserData('é'.repeat(8193)) ?? '', /16386 bytes/);
    assert.match(checkUserData('') ?? '', /must be the text of a script/);
    assert.match(checkUserData(42) ?? '', /must be the text of a script/);
  });

  it('turns \\n typed in the wizard\'s one-line box into new lines', () => {
    assert.equal(typedUserData('#!/bin/sh\\necho hi'), '#!/bin/sh\necho hi');
    assert.equal(typedUserData('no breaks'), 'no breaks');
  });

  it('takes an instance profile by name or ARN', () => {
    for (const ok of ['web-server', 'role+x=y,z.a@b_c', 'arn:aws:iam::123456789012:instance-profile/web', 'arn:aws-us-gov:iam::123456789012:instance-profile/team/web']) {
      assert.equal(checkInstanceProfile(ok), undefined, ok);
    }
    for (const bad of ['', 'has space', 'x'.repeat(129), 'arn:aws:iam::123:instance-profile/web', 'arn:aws:iam::123456789012:role/web', 7]) {
      assert.match(checkInstanceProfile(bad) ?? '', /is not an instance profile: give its name/, String(bad));
    }
  });

  it('the API\'s launch object: IMDSv2 unless imdsV2 is false; user data kept as given; bad options refused', () => {
    const base = { imageId: 'ami-0123456789abcdef0', region: 'us-west-1', instanceType: 't3.micro' };
    assert.equal(parseLaunchRequest(base).request.imdsV2, true);
    assert.equal(parseLaunchRequest({ ...base, imdsV2: false }).request.imdsV2, false);
    const { request } = parseLaunchRequest({ ...base, userData: '#!/bin/sh\necho hi\n', instanceProfile: 'web-server' });
    assert.equal(request.userData, '#!/bin/sh\necho hi\n');
    assert.equal(request.instanceProfile, 'web-server');
    assert.throws(() => parseLaunchRequest({ ...base, imdsV2: 'yes' }), /"imdsV2" must be true or false/);
    assert.throws(() => parseLaunchRequest({ ...base, userData: 'x'.repeat(maxUserDataBytes + 1) }), /at most 16 KB/);
    assert.throws(() => parseLaunchRequest({ ...base, instanceProfile: 'no spaces allowed' }), /is not an instance profile/);
    assert.throws(() => parseLaunchRequest({ ...base, imdsv2: true }), /Unknown option "imdsv2": did you mean "imdsV2"\?/);
  });
});
