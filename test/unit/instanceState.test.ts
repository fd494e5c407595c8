import * as assert from 'node:assert/strict';
import type { InstanceInfo } from '../../src/aws/model';
import { checkVerbApplies, parseInstanceRequest } from '../../src/actions/instanceState/request';
import { instanceStateSummary, protectedMessage, terminationQuestion, type InstanceFacts } from '../../src/actions/instanceState/summary';

function instance(overrides: Partial<InstanceInfo> = {}): InstanceInfo {
  return {
    id: 'i-0123456789abcdef0', region: 'us-east-1', name: 'web-1', state: 'running', type: 'm5d.large', publicIp: '54.1.2.3', tags: {},
    rootDeviceType: 'ebs',
    volumes: [
      { deviceName: '/dev/xvda', volumeId: 'vol-0aaaaaaaaaaaaaaaa', deleteOnTermination: true },
      { deviceName: '/dev/sdf', volumeId: 'vol-0bbbbbbbbbbbbbbbb', deleteOnTermination: false },
    ],
    ...overrides,
  };
}

const facts: InstanceFacts = {
  volumes: [
    { deviceName: '/dev/xvda', volumeId: 'vol-0aaaaaaaaaaaaaaaa', deleteOnTermination: true, sizeGiB: 8 },
    { deviceName: '/dev/sdf', volumeId: 'vol-0bbbbbbbbbbbbbbbb', deleteOnTermination: false, sizeGiB: 100 },
  ],
  instanceStore: 75,
  elasticIps: [],
};

describe('instance state: which verb applies to which state', () => {
  it('stops and reboots running instances, starts stopped ones, terminates any that is not gone', () => {
    assert.equal(checkVerbApplies('stop', instance()), undefined);
    assert.equal(checkVerbApplies('reboot', instance()), undefined);
    assert.equal(checkVerbApplies('start', instance({ state: 'stopped' })), undefined);
    for (const state of ['pending', 'running', 'stopping', 'stopped']) {
      assert.equal(checkVerbApplies('terminate', instance({ state })), undefined, state);
    }
  });

  it('says why not, and what to do instead', () => {
    assert.equal(checkVerbApplies('stop', instance({ state: 'stopped' })), 'web-1 (i-0123456789abcdef0) is stopped already.');
    assert.match(checkVerbApplies('stop', instance({ state: 'pending' })) ?? '', /pending: EC2 stops only an instance that has reached "running". Wait until it runs/);
    assert.match(checkVerbApplies('start', instance({ state: 'stopping' })) ?? '', /stopping: wait until it has stopped, then start it/);
    assert.equal(checkVerbApplies('start', instance()), 'web-1 (i-0123456789abcdef0) is running already.');
    assert.match(checkVerbApplies('reboot', instance({ state: 'stopped' })) ?? '', /only a running instance can be rebooted\. Start it instead\./);
    assert.match(checkVerbApplies('start', instance({ state: 'terminated' })) ?? '', /terminated: it cannot be stopped, started or rebooted again/);
    assert.equal(checkVerbApplies('terminate', instance({ state: 'shutting-down', name: undefined })), 'i-0123456789abcdef0 is shutting-down already.');
    assert.match(checkVerbApplies('stop', instance({ rootDeviceType: 'instance-store' })) ?? '', /instance-store root device, which EC2 cannot stop: reboot or terminate it instead/);
  });
});

describe('instance state: the API object', () => {
  it('takes { instanceId, region }, and confirmed only for terminate', () => {
    assert.deepEqual(parseInstanceRequest('stop', { instanceId: 'i-0123456789abcdef0', region: 'us-east-1' }), { instanceId: 'i-0123456789abcdef0', region: 'us-east-1' });
    assert.deepEqual(parseInstanceRequest('terminate', { instanceId: 'i-0123456789abcdef0', region: 'us-east-1', confirmed: true }),
      { instanceId: 'i-0123456789abcdef0', region: 'us-east-1' });
    assert.throws(() => parseInstanceRequest('stop', { instanceId: 'i-0123456789abcdef0', region: 'us-east-1', confirmed: true }), /Unknown option "confirmed"/);
    assert.throws(() => parseInstanceRequest('terminate', { instanceId: 'i-0123456789abcdef0', region: 'us-east-1', confirmed: 'yes' }), /"confirmed" must be true or false/);
    assert.throws(() => parseInstanceRequest('start', { instanceId: 'ami-0123456789abcdef0', region: 'us-east-1' }), /is not an instance id/);
    assert.throws(() => parseInstanceRequest('reboot', { instanceID: 'i-0123456789abcdef0', region: 'us-east-1' }), /Unknown option "instanceID": did you mean "instanceId"\?/);
    assert.throws(() => parseInstanceRequest('stop', { instanceId: 'i-0123456789abcdef0' }), /A region is required/);
  });
});

describe('instance state: summaries and the termination modal', () => {
  it('Terminate names the instance, the volumes deleted and kept with their sizes, local disks and the public IP', () => {
    const summary = instanceStateSummary('terminate', instance(), facts);
    assert.equal(summary.title, 'Terminate web-1 (i-0123456789abcdef0)');
    assert.equal(summary.accept, 'Terminate');
    assert.equal(summary.destructive, true);
    assert.deepEqual(summary.regions, ['us-east-1']);
    assert.deepEqual(summary.lines, [
      'Terminates web-1 (i-0123456789abcdef0), now running, m5d.large: it cannot be started again',
      'EBS volumes deleted with it (DeleteOnTermination): vol-0aaaaaaaaaaaaaaaa (8 GiB, /dev/xvda)',
      'EBS volumes kept, detached (they still cost storage): vol-0bbbbbbbbbbbbbbbb (100 GiB, /dev/sdf)',
      'Data on its instance-store volumes (75 GiB of local disks) is lost',
      'Its public IP 54.1.2.3 is released',
    ]);
    const { message, detail } = terminationQuestion(instance(), facts);
    assert.equal(message, 'Terminate web-1 (i-0123456789abcdef0) in us-east-1?');
    assert.match(detail, /^EBS volumes deleted with it \(DeleteOnTermination\): vol-0aaaaaaaaaaaaaaaa \(8 GiB, \/dev\/xvda\)\.$/m);
    assert.match(detail, /Its public IP 54\.1\.2\.3 is released\./);
    assert.match(detail, /A terminated instance cannot be started again\. This cannot be undone\.$/);
  });

  it('says what it does not know rather than guessing: sizes, local disks, whether the IP is elastic', () => {
    const unknown: InstanceFacts = { volumes: [{ deviceName: '/dev/xvda', volumeId: 'vol-0aaaaaaaaaaaaaaaa', deleteOnTermination: true }], instanceStore: 'unknown' };
    const lines = instanceStateSummary('terminate', instance(), unknown).lines.join('\n');
    assert.match(lines, /vol-0aaaaaaaaaaaaaaaa \(size unknown, \/dev\/xvda\)/);
    assert.match(lines, /Data on its instance-store volumes, if its type has any, is lost/);
    assert.match(lines, /Its public IP 54\.1\.2\.3 is released, unless it is an Elastic IP/);
  });

  it('an Elastic IP stays with the account; no local disks and no volumes deleted are said too', () => {
    const elastic: InstanceFacts = { volumes: [], instanceStore: 'none', elasticIps: ['54.1.2.3'] };
    assert.deepEqual(instanceStateSummary('terminate', instance(), elastic).lines.slice(1), [
      'No EBS volume is deleted with it',
      'Its Elastic IP 54.1.2.3 is disassociated and stays allocated to the account (still billed)',
    ]);
    assert.match(instanceStateSummary('stop', instance(), elastic).lines.join('\n'), /Its Elastic IP 54\.1\.2\.3 stays associated/);
  });

  it('Stop keeps the volumes but loses local disks and the public IP; Start and Reboot say what they cost and keep', () => {
    assert.deepEqual(instanceStateSummary('stop', instance(), facts).lines, [
      'Stops web-1 (i-0123456789abcdef0), now running, m5d.large: its operating system shuts down; its running hours stop being billed, its EBS storage still is',
      'Keeps its EBS volumes: vol-0aaaaaaaaaaaaaaaa (8 GiB, /dev/xvda), vol-0bbbbbbbbbbbbbbbb (100 GiB, /dev/sdf)',
      'Data on its instance-store volumes (75 GiB of local disks) is lost',
      'Its public IP 54.1.2.3 is released; it gets a new one when it starts',
    ]);
    assert.equal(instanceStateSummary('stop', instance(), facts).destructive, false);
    assert.deepEqual(instanceStateSummary('start', instance({ state: 'stopped', publicIp: undefined }), facts).lines,
      ['Starts web-1 (i-0123456789abcdef0), now stopped, m5d.large: billed while it runs']);
    assert.match(instanceStateSummary('reboot', instance(), facts).lines[0] ?? '', /^Reboots web-1 .*keeps its public IP, its volumes and its instance-store data$/);
  });

  it('a protected instance: the refusal says how to lift the protection', () => {
    assert.match(protectedMessage(instance()), /web-1 \(i-0123456789abcdef0\) in us-east-1 has termination protection on \(DisableApiTermination\)/);
    assert.match(protectedMessage(instance()), /aws ec2 modify-instance-attribute --instance-id i-0123456789abcdef0 --no-disable-api-termination --region us-east-1/);
  });
});
