// Stop, Start, Reboot and Terminate as the sandbox answers them (sandbox/moto/instance_patches.py), and the
// launch settings it keeps (IMDSv2, user data, instance profile). Everything runs in us-west-2, which the seed
// leaves empty.
import assert from 'node:assert/strict';
import {
  DescribeInstanceAttributeCommand,
  DescribeInstancesCommand,
  ModifyInstanceAttributeCommand,
  RebootInstancesCommand,
  RegisterImageCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateInstanceProfileCommand, IAMClient } from '@aws-sdk/client-iam';
import { ec2, rejectsWithCode, sandbox } from './fixture.mjs';

const REGION = 'us-west-2';

describe('sandbox instance state', function () {
  this.timeout(60_000);
  /** @type {import('@aws-sdk/client-ec2').EC2Client} */
  let client;
  /** @type {string} */
  let endpoint;
  /** @type {string} */
  let imageId;

  /** @param {Partial<import('@aws-sdk/client-ec2').RunInstancesCommandInput>} [extra] */
  async function launch(extra = {}) {
    const out = await client.send(new RunInstancesCommand({ ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, ...extra }));
    return /** @type {string} */ (out.Instances?.[0]?.InstanceId);
  }
  /** @param {string} id */
  async function described(id) {
    const out = await client.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
    return /** @type {import('@aws-sdk/client-ec2').Instance} */ (out.Reservations?.[0]?.Instances?.[0]);
  }
  /** @param {string} id */
  const stateOf = async (id) => (await described(id)).State?.Name;
  /** @param {string} id */
  const protectedFromTermination = async (id) => (await client.send(new DescribeInstanceAttributeCommand({
    InstanceId: id, Attribute: 'disableApiTermination',
  }))).DisableApiTermination?.Value;

  before(async () => {
    const { moto } = await sandbox();
    endpoint = moto.endpoint;
    client = ec2(endpoint, REGION);
    const out = await client.send(new RegisterImageCommand({
      Name: 'sandbox-instance-state', Architecture: 'x86_64', RootDeviceName: '/dev/xvda',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8 } }],
    }));
    imageId = /** @type {string} */ (out.ImageId);
  });

  it('stops and starts a running instance', async () => {
    const id = await launch();
    await client.send(new StopInstancesCommand({ InstanceIds: [id] }));
    assert.equal(await stateOf(id), 'stopped');
    await client.send(new StartInstancesCommand({ InstanceIds: [id] }));
    assert.equal(await stateOf(id), 'running');
  });

  it('refuses to stop, start or reboot a terminated instance, which stays terminated', async () => {
    const id = await launch();
    await client.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    assert.equal(await stateOf(id), 'terminated');
    await rejectsWithCode(client.send(new StopInstancesCommand({ InstanceIds: [id] })), 'IncorrectInstanceState', /not in a state from which it can be stopped/);
    await rejectsWithCode(client.send(new StartInstancesCommand({ InstanceIds: [id] })), 'IncorrectInstanceState', /not in a state from which it can be started/);
    await client.send(new RebootInstancesCommand({ InstanceIds: [id] }));
    assert.equal(await stateOf(id), 'terminated', 'a reboot of a terminated instance is ignored');
  });

  it('refuses to reboot a stopped instance, which stays stopped', async () => {
    const id = await launch();
    await client.send(new StopInstancesCommand({ InstanceIds: [id] }));
    await rejectsWithCode(client.send(new RebootInstancesCommand({ InstanceIds: [id] })), 'IncorrectInstanceState', /can be rebooted/);
    assert.equal(await stateOf(id), 'stopped');
  });

  it('refuses a batch whole when one instance is in the wrong state', async () => {
    const [live, gone] = [await launch(), await launch()];
    await client.send(new TerminateInstancesCommand({ InstanceIds: [gone] }));
    await rejectsWithCode(client.send(new StopInstancesCommand({ InstanceIds: [live, gone] })), 'IncorrectInstanceState', new RegExp(gone));
    assert.equal(await stateOf(live), 'running');
  });

  it('keeps DisableApiTermination from the launch: termination is refused until it is lifted', async () => {
    const id = await launch({ DisableApiTermination: true });
    assert.equal(await protectedFromTermination(id), true);
    await rejectsWithCode(client.send(new TerminateInstancesCommand({ InstanceIds: [id] })), 'OperationNotPermitted', /may not be terminated.*disableApiTermination/);
    assert.equal(await stateOf(id), 'running');
    await client.send(new ModifyInstanceAttributeCommand({ InstanceId: id, DisableApiTermination: { Value: false } }));
    assert.equal(await protectedFromTermination(id), false);
    await client.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    assert.equal(await stateOf(id), 'terminated');
  });

  it('termination protection set later holds too', async () => {
    const id = await launch();
    assert.equal(await protectedFromTermination(id), false);
    await client.send(new ModifyInstanceAttributeCommand({ InstanceId: id, DisableApiTermination: { Value: true } }));
    assert.equal(await protectedFromTermination(id), true);
    await rejectsWithCode(client.send(new TerminateInstancesCommand({ InstanceIds: [id] })), 'OperationNotPermitted');
  });

  it('keeps IMDSv2, user data and the instance profile given at launch', async () => {
    const iam = new IAMClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 });
    try {
      const profile = await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'sandbox-state-web' }));
      const userData = Buffer.from('#!/bin/sh\necho ready\n').toString('base64');
      const id = await launch({
        MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' }, UserData: userData, IamInstanceProfile: { Name: 'sandbox-state-web' },
      });
      const instance = await described(id);
      assert.equal(instance.MetadataOptions?.HttpTokens, 'required');
      assert.equal(instance.MetadataOptions?.HttpEndpoint, 'enabled');
      assert.equal(instance.IamInstanceProfile?.Arn, profile.InstanceProfile?.Arn);
      const attribute = await client.send(new DescribeInstanceAttributeCommand({ InstanceId: id, Attribute: 'userData' }));
      assert.equal(attribute.UserData?.Value, userData);

      const pair = await client.send(new RunInstancesCommand({
        ImageId: imageId, InstanceType: 't3.micro', MinCount: 2, MaxCount: 2, IamInstanceProfile: { Arn: profile.InstanceProfile?.Arn },
      }));
      for (const launched of pair.Instances ?? []) {
        assert.equal((await described(/** @type {string} */ (launched.InstanceId))).IamInstanceProfile?.Arn, profile.InstanceProfile?.Arn,
          'every instance of the launch gets the profile');
      }
    } finally {
      iam.destroy();
    }
  });
});
