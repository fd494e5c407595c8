// RunInstances and DescribeInstanceTypes as the sandbox answers them (sandbox/moto/launch_patches.py). Everything
// that changes state runs in us-west-1, which the seed leaves empty.
import assert from 'node:assert/strict';
import {
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DisableImageCommand,
  RegisterImageCommand,
  RunInstancesCommand,
  paginateDescribeInstanceTypes,
} from '@aws-sdk/client-ec2';
import { ec2, rejectsWithCode, sandbox } from './fixture.mjs';

const REGION = 'us-west-1';

describe('sandbox launch', function () {
  this.timeout(60_000);
  /** @type {import('@aws-sdk/client-ec2').EC2Client} */
  let client;
  /** @type {string} */
  let x86;
  /** @type {string} */
  let arm;

  /** @param {string} Name @param {'x86_64' | 'arm64' | undefined} Architecture */
  async function register(Name, Architecture) {
    const out = await client.send(new RegisterImageCommand({
      Name, Architecture, RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8 } }],
    }));
    return /** @type {string} */ (out.ImageId);
  }
  /** @param {string} ImageId @param {string} InstanceType */
  const run = (ImageId, InstanceType) => client.send(new RunInstancesCommand({ ImageId, InstanceType: /** @type {any} */ (InstanceType), MinCount: 1, MaxCount: 1 }));
  const liveCount = async () => {
    const out = await client.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running'] }] }));
    return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []).length;
  };

  before(async () => {
    const { moto } = await sandbox();
    client = ec2(moto.endpoint, REGION);
    x86 = await register('sandbox-launch-x86', 'x86_64');
    arm = await register('sandbox-launch-arm', 'arm64');
  });

  it('launches an image on an instance type of its architecture', async () => {
    const out = await run(arm, 't4g.micro');
    assert.equal(out.Instances?.[0]?.Architecture, 'arm64');
    assert.equal(out.Instances?.[0]?.InstanceType, 't4g.micro');
  });

  it('refuses an unknown instance type, launching nothing', async () => {
    const before = await liveCount();
    await rejectsWithCode(run(x86, 'zz9.huge'), 'InvalidParameterValue', /Invalid value 'zz9.huge' for InstanceType/);
    assert.equal(await liveCount(), before);
  });

  it('refuses an instance type of another architecture, launching nothing', async () => {
    const before = await liveCount();
    await rejectsWithCode(run(x86, 't4g.micro'), 'InvalidParameterValue', /architecture 'arm64' of the specified instance type does not match the architecture 'x86_64'/);
    await rejectsWithCode(run(arm, 't3.micro'), 'InvalidParameterValue', /does not match the architecture 'arm64'/);
    assert.equal(await liveCount(), before);
  });

  it('refuses an image that is not available (disabled), launching nothing', async () => {
    const disabled = await register('sandbox-launch-disabled', 'x86_64');
    await client.send(new DisableImageCommand({ ImageId: disabled }));
    const before = await liveCount();
    await rejectsWithCode(run(disabled, 't3.micro'), 'InvalidAMIID.Unavailable', /is disabled/);
    assert.equal(await liveCount(), before);
  });

  it('still launches images registered without an architecture (moto defaults them to i386)', async () => {
    const legacy = await register('sandbox-launch-legacy', undefined);
    const out = await run(legacy, 't3.micro');
    assert.ok(out.Instances?.[0]?.InstanceId);
  });

  it('pages DescribeInstanceTypes by MaxResults, and the filter by architecture holds on every page', async () => {
    const first = await client.send(new DescribeInstanceTypesCommand({
      MaxResults: 20, Filters: [{ Name: 'processor-info.supported-architecture', Values: ['arm64'] }],
    }));
    assert.equal(first.InstanceTypes?.length, 20);
    assert.ok(first.NextToken, 'a next page');
    const all = [];
    for await (const page of paginateDescribeInstanceTypes(
      { client, pageSize: 100 },
      { Filters: [{ Name: 'processor-info.supported-architecture', Values: ['arm64'] }] },
    )) {
      all.push(...(page.InstanceTypes ?? []));
    }
    assert.ok(all.length > 100, `more than one page: ${all.length}`);
    assert.equal(new Set(all.map((t) => t.InstanceType)).size, all.length, 'no type twice');
    assert.ok(all.every((t) => t.ProcessorInfo?.SupportedArchitectures?.includes('arm64')));
    assert.ok(all.some((t) => t.InstanceType === 't4g.micro'));
  });

  it('answers an unknown type asked by name with InvalidInstanceType', async () => {
    await rejectsWithCode(client.send(new DescribeInstanceTypesCommand({ InstanceTypes: [/** @type {any} */ ('zz9.huge')] })), 'InvalidInstanceType');
  });
});
