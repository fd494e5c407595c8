// Stop, Start, Reboot and Terminate from the Instances view, the palette, a link and the API, against the sandbox:
// each asks through a summary naming who, where and the instance; Terminate also through a modal naming what is
// lost; afterwards EC2 reports the state asked for, and the view shows it.
import * as assert from 'node:assert/strict';
import { DescribeInstanceAttributeCommand, DescribeVolumesCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import * as vscode from 'vscode';
import type { AmiExplorerApi } from '../../src/api/amiExplorerApi';
import type { ShownModal } from '../../src/shared/confirm';
import type { ShownSummary } from '../../src/shared/summaryStep';
import { description, extensionApi, publicApi, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { answerSummary, noticeOf } from './prompts';
import { wizardScripts } from './wizardScript';
import { treeQuiet } from './treeQuiet';
import { ec2, registerTestImage } from './ec2';
import { instancesById } from './ec2Instances';
import { at, must } from '../must';

const region = 'eu-north-1';

describe('Instances view: Stop, Start, Reboot and Terminate', () => {
  let api: TestingApi;
  let doors: AmiExplorerApi;
  let account: string;
  let imageId: string;
  let counter = 0;
  restoreSettingAfter('regions');
  const script = wizardScripts(() => api);

  before(async () => {
    api = await extensionApi();
    doors = await publicApi();
    account = (await api.aws.accountId())!;
    imageId = (await registerTestImage({ region, prefix: 'instance-state' })).imageId;
    await setting('regions', ['us-east-1', region]);
    await treeQuiet(api.instances.provider);
  });

  /** A running t3.micro of the suite's own, named uniquely, with a kept data volume besides its root. */
  async function launched(prefix: string, extra: { DisableApiTermination?: boolean } = {}): Promise<{ id: string; name: string }> {
    const name = `${prefix}-${Date.now()}-${++counter}`;
    const out = await ec2(region).send(new RunInstancesCommand({
      ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, ...extra,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }] }],
    }));
    return { id: must(out.Instances?.[0]?.InstanceId, `the id of instance ${name}`), name };
  }

  const stateOf = async (id: string) => (await instancesById(region, [id]))[0]?.State?.Name;

  /** The instance's node, as the Instances view lists it now. */
  async function nodeOf(id: string) {
    await api.instances.provider.getChildren();
    const regionNode = api.instances.regions.find((r) => r.region === region);
    assert.ok(regionNode, `the Instances view shows ${region}`);
    regionNode.reset();
    const node = await regionNode.nodeFor(id);
    assert.ok(node, `${id} is listed under ${region}`);
    return node;
  }

  function whoAndWhere(summary: ShownSummary): string {
    const text = [summary.title, summary.placeholder, ...summary.items].join('\n');
    assert.match(text, new RegExp(`Account: ${account}`), 'names the account');
    assert.match(text, /Profile: \(default credential chain\)/, 'names the profile');
    assert.match(text, new RegExp(`Region: ${region}`), 'names the region');
    return text;
  }

  it('the API stops, starts, reboots and terminates, resolving to the state EC2 then reports', async () => {
    const { id } = await launched('state-api');
    const target = { instanceId: id, region };
    assert.equal(await doors.stopInstance(target), 'stopped');
    assert.equal(await stateOf(id), 'stopped');
    assert.equal(await doors.startInstance(target), 'running');
    assert.equal(await stateOf(id), 'running');
    assert.equal(await doors.rebootInstance(target), 'running');
    assert.equal(await stateOf(id), 'running');
    await assert.rejects(doors.terminateInstance(target as never), new RegExp(`Terminating ${id} in ${region} cannot be undone: pass "confirmed": true`));
    assert.equal(await stateOf(id), 'running', 'not terminated without confirmed: true');
    assert.equal(await doors.terminateInstance({ ...target, confirmed: true }), 'terminated');
    assert.equal(await stateOf(id), 'terminated');
  });

  it('the API refuses the wrong state, unknown instances and regions, and unknown options, changing nothing', async () => {
    const { id } = await launched('state-refusals');
    const target = { instanceId: id, region };
    const cases: [() => Promise<unknown>, RegExp][] = [
      [() => doors.startInstance(target), /is running already\./],
      [() => doors.stopInstance({ instanceId: 'i-0123456789abcdef0', region }), new RegExp(`There is no instance i-0123456789abcdef0 in ${region}\\. Check the id and the region\\.`)],
      [() => doors.stopInstance({ instanceId: id, region: 'eu-north-9' }), /eu-north-9 is not an AWS region this account knows/],
      [() => doors.stopInstance({ instanceId: 'ami-0123456789abcdef0', region }), /is not an instance id/],
      [() => doors.rebootInstance({ ...target, force: true } as never), /Unknown option "force"/],
      [() => doors.stopInstance({ ...target, confirmed: true } as never), /Unknown option "confirmed"/],
    ];
    for (const [call, message] of cases) {
      await assert.rejects(call(), message);
    }
    assert.equal(await stateOf(id), 'running');
    await doors.stopInstance(target);
    await assert.rejects(doors.rebootInstance(target), /is stopped: only a running instance can be rebooted\. Start it instead\./);
    await assert.rejects(doors.stopInstance(target), /is stopped already\./);
    assert.equal(await stateOf(id), 'stopped');
  });

  it('from the tree: Stop asks through a summary naming the instance, stops once accepted, and the view shows it stopped; Start brings it back', async () => {
    const { id, name } = await launched('state-tree');
    const before = at(await instancesById(region, [id]), 0, `instance ${id}`);
    const cancelled = await answerSummary(api, async () => vscode.commands.executeCommand('amiExplorer.stopInstance', await nodeOf(id)), 'cancel');
    const text = whoAndWhere(cancelled.summary);
    assert.equal(cancelled.summary.title, `Review: Stop ${name} (${id})`);
    assert.match(text, new RegExp(`Stops ${name} \\(${id}\\), now running, t3\\.micro: its operating system shuts down`));
    assert.match(text, new RegExp(`Its public IP ${before.PublicIpAddress!.replace(/\./g, '\\.')} is released; it gets a new one when it starts`));
    assert.equal(cancelled.result, undefined);
    assert.equal(await stateOf(id), 'running', 'nothing stopped while the summary was cancelled');

    const stopped = await answerSummary(api, async () => vscode.commands.executeCommand('amiExplorer.stopInstance', await nodeOf(id)), 'accept');
    assert.equal(stopped.result, 'stopped');
    assert.equal(await stateOf(id), 'stopped');
    const node = await nodeOf(id);
    assert.match(description(node), /stopped/);
    assert.equal(node.getTreeItem().contextValue, 'instance stopped', 'the menus now offer Start and Terminate');

    const started = await answerSummary(api, () => vscode.commands.executeCommand('amiExplorer.startInstance', node), 'accept');
    assert.match(whoAndWhere(started.summary), new RegExp(`Starts ${name} \\(${id}\\), now stopped, t3\\.micro: billed while it runs`));
    assert.equal(started.result, 'running');
    assert.equal(await stateOf(id), 'running');
  });

  it('from the palette: the region, then the instance among those it applies to, then the summary; Reboot', async () => {
    const running = await launched('state-palette');
    const stopped = await launched('state-palette-stopped');
    await doors.stopInstance({ instanceId: stopped.id, region });
    const ui = script();
    const { summary, result } = await answerSummary(api, async () => {
      const command = ui.run(() => vscode.commands.executeCommand('amiExplorer.rebootInstance'));
      const regions = await ui.next('Reboot instance: region of the instance to reboot');
      assert.equal(regions.numbers, '1/2');
      await regions.pick(region);
      const instances = await ui.next(`Reboot instance: instance in ${region}`);
      assert.equal(instances.numbers, '2/2');
      assert.ok(instances.items().includes(`${running.name} — ${running.id} · running · t3.micro`), instances.items().join(' | '));
      assert.ok(!instances.items().some((i) => i.startsWith(stopped.name)), 'a stopped instance cannot be rebooted, so it is not offered');
      await instances.pick(running.name);
      return command;
    }, 'accept');
    assert.match(whoAndWhere(summary), new RegExp(`Reboots ${running.name} \\(${running.id}\\).*keeps its public IP, its volumes and its instance-store data`));
    assert.equal(result, 'running');
    assert.equal(await stateOf(running.id), 'running');
  });

  it('Terminate: after the summary, a modal names the instance, each volume deleted with its size, and the public IP; Cancel there keeps it', async () => {
    const { id, name } = await launched('state-terminate');
    const instance = at(await instancesById(region, [id]), 0, `instance ${id}`);
    const volumeIds = instance.BlockDeviceMappings!.map((m) => m.Ebs!.VolumeId!);
    const volumes = (await ec2(region).send(new DescribeVolumesCommand({ VolumeIds: volumeIds }))).Volumes!;
    const deleted = instance.BlockDeviceMappings!.filter((m) => m.Ebs?.DeleteOnTermination);
    assert.ok(deleted.length, 'the root volume goes with the instance');
    const modals: ShownModal[] = [];
    let answer: string | undefined;
    const answering = api.answerModals((modal) => {
      modals.push(modal);
      return answer;
    });
    try {
      const link = { instanceId: id, region };
      const kept = await answerSummary(api, () => vscode.commands.executeCommand('amiExplorer.terminateInstance', link), 'accept');
      assert.equal(kept.summary.summary.destructive, true);
      assert.match(whoAndWhere(kept.summary), new RegExp(`Terminates ${name} \\(${id}\\), now running, t3\\.micro: it cannot be started again`));
      assert.equal(kept.result, undefined, 'Cancel in the modal terminates nothing');
      assert.equal(await stateOf(id), 'running');
      const [modal] = modals;
      assert.ok(modal, 'the modal was asked');
      assert.equal(modal.message, `Terminate ${name} (${id}) in ${region}?`);
      assert.deepEqual(modal.actions, ['Terminate']);
      for (const mapping of deleted) {
        const size = volumes.find((v) => v.VolumeId === mapping.Ebs!.VolumeId)!.Size;
        assert.ok(modal.detail.includes(`${mapping.Ebs!.VolumeId} (${size} GiB, ${mapping.DeviceName})`), modal.detail);
      }
      assert.match(modal.detail, /^EBS volumes deleted with it \(DeleteOnTermination\): /m);
      assert.ok(modal.detail.includes(`Its public IP ${instance.PublicIpAddress} is released.`), modal.detail);
      assert.match(modal.detail, /A terminated instance cannot be started again\. This cannot be undone\.$/);

      answer = 'Terminate';
      const gone = await answerSummary(api, () => vscode.commands.executeCommand('amiExplorer.terminateInstance', link), 'accept');
      assert.equal(gone.result, 'terminated');
      assert.equal(await stateOf(id), 'terminated');
      const left = (await ec2(region).send(new DescribeVolumesCommand({ Filters: [{ Name: 'volume-id', Values: deleted.map((m) => m.Ebs!.VolumeId!) }] }))).Volumes;
      assert.deepEqual(left, [], 'its DeleteOnTermination volumes are gone');
    } finally {
      answering.dispose();
    }
    const regionNode = api.instances.regions.find((r) => r.region === region)!;
    regionNode.reset();
    assert.equal(await regionNode.nodeFor(id), undefined, 'the Instances view no longer lists it');
  });

  it('Terminate refuses an instance with termination protection, saying how to lift it, before any summary', async () => {
    const { id, name } = await launched('state-protected', { DisableApiTermination: true });
    const protection = await ec2(region).send(new DescribeInstanceAttributeCommand({ InstanceId: id, Attribute: 'disableApiTermination' }));
    assert.equal(protection.DisableApiTermination?.Value, true);
    const summaries: ShownSummary[] = [];
    const listening = api.onDidShowSummary((s) => summaries.push(s));
    try {
      const notice = await noticeOf(api, async () => vscode.commands.executeCommand('amiExplorer.terminateInstance', await nodeOf(id)));
      assert.match(notice, new RegExp(`${name} \\(${id}\\) in ${region} has termination protection on \\(DisableApiTermination\\), so EC2 refuses to terminate it`));
      assert.match(notice, new RegExp(`aws ec2 modify-instance-attribute --instance-id ${id} --no-disable-api-termination --region ${region}`));
    } finally {
      listening.dispose();
    }
    assert.deepEqual(summaries, [], 'no summary for what EC2 would refuse');
    await assert.rejects(doors.terminateInstance({ instanceId: id, region, confirmed: true }), /has termination protection on/);
    assert.equal(await stateOf(id), 'running');
  });

  it('the Instances view offers each verb only on the states it applies to, and the palette offers them all', () => {
    const pkg = vscode.extensions.getExtension('ami-explorer.ami-explorer')!.packageJSON as {
      contributes: { menus: { 'view/item/context': { command: string; when: string }[] } };
    };
    const when = (command: string) => pkg.contributes.menus['view/item/context'].find((m) => m.command === command)?.when ?? '';
    const offered = (command: string, state: string) => {
      const pattern = /viewItem =~ \/(.+)\/$/.exec(when(command))?.[1];
      assert.ok(pattern && when(command).includes('view == amiExplorer.instances'), `${command} is on instance nodes`);
      return new RegExp(pattern).test(`instance ${state}`);
    };
    const states = ['pending', 'running', 'stopping', 'stopped', 'shutting-down'];
    assert.deepEqual(states.filter((s) => offered('amiExplorer.stopInstance', s)), ['running']);
    assert.deepEqual(states.filter((s) => offered('amiExplorer.rebootInstance', s)), ['running']);
    assert.deepEqual(states.filter((s) => offered('amiExplorer.startInstance', s)), ['stopped']);
    assert.deepEqual(states.filter((s) => offered('amiExplorer.terminateInstance', s)), ['pending', 'running', 'stopping', 'stopped']);
  });
});
