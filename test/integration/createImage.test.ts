import * as assert from 'node:assert/strict';
import { DescribeImagesCommand, StopInstancesCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import * as vscode from 'vscode';
import { must } from '../must';
import { extensionApi, publicApi, label, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { answerSummary } from './prompts';
import { wizardScripts } from './wizardScript';
import { treeQuiet } from './treeQuiet';
import { ec2, ownedImages, registerTestImage, tag } from './ec2';
import { runTestInstance, snapshotsOf } from './ec2Instances';

const region = 'us-west-1';

function createImage(arg: Record<string, unknown>): Promise<string> {
  return publicApi().then((a) => a.createImage(arg as never));
}

describe('Create image from instance', () => {
  let api: TestingApi;
  let running: string;
  let stopped: string;
  let terminated: string;
  const existingName = 'bake-suite-base';
  restoreSettingAfter('regions');

  before(async () => {
    api = await extensionApi();
    const base = (await registerTestImage({ region, name: existingName, architecture: 'x86_64' })).imageId;
    running = await runTestInstance(region, base, { Name: 'bake-suite-web', Project: 'BakeSuite', Owner: 'web-team' });
    stopped = await runTestInstance(region, base, { Name: 'bake-suite-worker' });
    await ec2(region).send(new StopInstancesCommand({ InstanceIds: [stopped] }));
    terminated = await runTestInstance(region, base, { Name: 'bake-suite-gone' });
    await ec2(region).send(new TerminateInstancesCommand({ InstanceIds: [terminated] }));
    await setting('regions', ['us-east-1', 'eu-west-1', 'ap-southeast-2', region]);
    await Promise.all([treeQuiet(api.images.provider), treeQuiet(api.instances.provider)]);
  });

  it('creates the image with its name, description and tags (on its snapshots too), and shows it under Owned by me', async () => {
    const tags = { Version: '2026.11.23', Project: 'BakeSuite', Name: 'bake-suite-web' };
    const imageId = await createImage({
      instanceId: running, region, name: 'bake-suite-web-2026.11.23', description: 'web tier, nightly bake', noReboot: true, tags,
    });
    assert.match(imageId, /^ami-[0-9a-f]{17}$/);
    const out = await ec2(region).send(new DescribeImagesCommand({ ImageIds: [imageId] }));
    const image = must(out.Images?.[0], `image ${imageId} in ${region}`);
    assert.equal(image.Name, 'bake-suite-web-2026.11.23');
    assert.equal(image.Description, 'web tier, nightly bake');
    assert.equal(image.State, 'available');
    assert.equal(image.SourceInstanceId, running);
    for (const [key, value] of Object.entries(tags)) {
      assert.equal(tag(image, key), value, `image tag ${key}`);
    }
    const snapshotIds = (image.BlockDeviceMappings ?? []).flatMap((b) => (b.Ebs?.SnapshotId ? [b.Ebs.SnapshotId] : []));
    assert.ok(snapshotIds.length > 0, 'the image has a snapshot');
    for (const snapshot of await snapshotsOf(region, snapshotIds)) {
      for (const [key, value] of Object.entries(tags)) {
        assert.equal(tag(snapshot, key), value, `snapshot ${snapshot.SnapshotId} tag ${key}`);
      }
    }

    const regionNode = api.images.regions.find((r) => r.region === region);
    assert.ok(regionNode, `the Images view shows ${region}`);
    assert.ok(regionNode.owned.images.some((i) => i.id === imageId), 'listed under Owned by me');
    const selected = api.images.view.selection[0];
    assert.ok(selected?.id.endsWith(`/${imageId}`), `selected: ${api.images.view.selection.map((n) => n.id).join()}`);
    assert.equal(label(must(selected, 'the selected node')), 'bake-suite-web-2026.11.23');
  });

  describe('the wizard', () => {
    const script = wizardScripts(() => api);
    const startCreate = (arg?: Record<string, unknown>) => script().run(() => vscode.commands.executeCommand('amiExplorer.createImage', arg));

    it('numbers a running instance\'s steps 1/5 to 5/5, keeps the name step open on a taken name, and creates as answered', async () => {
      const ui = script();
      const name = `bake-suite-wizard-${Date.now()}`;
      const { summary, result } = await answerSummary(api, async () => {
        const started = startCreate({ instanceId: running, region });
        const named = await ui.next('Create image: name');
        assert.equal(named.numbers, '1/5');
        assert.match(named.value, /^bake-suite-web-\d{4}\.\d\d\.\d\d/, 'the suggested name is the instance\'s and today\'s version');
        await named.enter(existingName);
        const refused = await ui.next('Create image: name');
        assert.match(refused.validationMessage ?? '', new RegExp(`An image named "${existingName}" already exists in ${region}`));
        assert.equal(refused.numbers, '1/5', 'still the first step');
        await refused.enter(name);
        const description = await ui.next('Create image: description');
        assert.equal(description.numbers, '2/5');
        await description.enter('baked by the wizard');
        const tags = await ui.next('Create image: tags (on the image and its snapshots)');
        assert.equal(tags.numbers, '3/5');
        assert.deepEqual(tags.selected().map((t) => t.replace(/^Version=.*/, 'Version=today')).sort(), ['Name=bake-suite-web', 'Project=BakeSuite', 'Version=today'], 'every offered tag is selected at first');
        await tags.pick(/^Project=/);
        const more = await ui.next('Create image: more tags');
        assert.equal(more.numbers, '4/5');
        await more.enter('Team=platform');
        const reboot = await ui.next('Create image: reboot bake-suite-web?');
        assert.equal(reboot.numbers, '5/5');
        await reboot.pick('No reboot');
        return started;
      }, 'accept');
      assert.match(summary.items.join('\n'), /No reboot/);
      const image = (await ownedImages(region)).find((i) => i.ImageId === result);
      assert.equal(image?.Name, name);
      assert.equal(image?.Description, 'baked by the wizard');
      assert.deepEqual(Object.fromEntries((image?.Tags ?? []).map((t) => [t.Key, t.Value])), { Project: 'BakeSuite', Team: 'platform' });
    });

    it('skips the reboot step for a stopped instance: 1/4 to 4/4', async () => {
      const ui = script();
      const { result } = await answerSummary(api, async () => {
        const started = startCreate({ instanceId: stopped, region });
        const seen: string[] = [];
        for (const title of ['name', 'description', 'tags (on the image and its snapshots)', 'more tags']) {
          const step = await ui.next(`Create image: ${title}`);
          seen.push(step.numbers);
          await step.accept();
        }
        assert.deepEqual(seen, ['1/4', '2/4', '3/4', '4/4']);
        return started;
      }, 'cancel');
      assert.equal(result, undefined, 'nothing created when the summary is cancelled');
      script().assertNoMoreSteps();
    });

    it('from the palette asks the region and the instance first; Back to the instance and another pick renumbers the steps', async () => {
      const ui = script();
      const started = startCreate();
      const regionStep = await ui.next('Create image: region of the instance');
      assert.equal(regionStep.numbers, '1/6', 'the reboot step is not counted before the instance is known');
      await regionStep.pick(region);
      const instance = await ui.next(`Create image: instance in ${region}`);
      assert.ok(!instance.items().some((i) => i.startsWith('bake-suite-gone')), 'a terminated instance is not offered');
      await instance.pick('bake-suite-web');
      const named = await ui.next('Create image: name');
      assert.equal(named.numbers, '3/7', 'a running instance adds the reboot step');
      await named.back();
      await (await ui.next(`Create image: instance in ${region}`)).pick('bake-suite-worker');
      const again = await ui.next('Create image: name');
      assert.equal(again.numbers, '3/6');
      assert.match(again.value, /^bake-suite-worker-/);
      await again.cancel();
      assert.equal(await started, undefined);
    });
  });

  it('creates an image of a stopped instance with only a name, with no tags', async () => {
    const imageId = await createImage({ instanceId: stopped, region, name: 'bake-suite-worker (stopped)' });
    const image = (await ownedImages(region)).find((i) => i.ImageId === imageId);
    assert.equal(image?.Name, 'bake-suite-worker (stopped)');
    assert.deepEqual(image?.Tags ?? [], []);
  });

  const bad: [string, () => Record<string, unknown>, RegExp][] = [
    ['an empty name', () => ({ instanceId: running, region, name: '' }), /An image name is required/],
    ['a name EC2 refuses', () => ({ instanceId: running, region, name: 'web#1' }), /"web#1" is not a valid image name/],
    ['a name already used in the region', () => ({ instanceId: running, region, name: existingName }), /An image named "bake-suite-base" already exists in us-west-1/],
    ['a malformed instance id', () => ({ instanceId: 'i-xyz', region, name: 'bake-suite-x' }), /"i-xyz" is not an instance id/],
    ['an unknown instance', () => ({ instanceId: 'i-0000000000000dead', region, name: 'bake-suite-x' }), /i-0000000000000dead does not exist in us-west-1/],
    ['a terminated instance', () => ({ instanceId: terminated, region, name: 'bake-suite-x' }), /is terminated: EC2 makes images only of running or stopped instances/],
    ['an instance of another region', () => ({ instanceId: running, region: 'eu-west-1', name: 'bake-suite-x' }), /does not exist in eu-west-1/],
    ['a reserved tag key', () => ({ instanceId: running, region, name: 'bake-suite-x', tags: { 'aws:owner': 'me' } }), /reserved for AWS/],
    ['a tag value that is not text', () => ({ instanceId: running, region, name: 'bake-suite-x', tags: { Version: 3 } }), /not a tag value/],
    ['a description too long', () => ({ instanceId: running, region, name: 'bake-suite-x', description: 'd'.repeat(256) }), /at most 255 characters/],
    ['noReboot that is not a boolean', () => ({ instanceId: running, region, name: 'bake-suite-x', noReboot: 'yes' }), /"noReboot" must be true or false/],
  ];
  for (const [what, arg, message] of bad) {
    it(`rejects ${what} and creates nothing`, async () => {
      const before = (await ownedImages(region)).length;
      await assert.rejects(createImage(arg()), message);
      assert.equal((await ownedImages(region)).length, before, 'no image was created');
    });
  }
});
