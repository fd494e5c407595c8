import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DeregisterResult } from '../../src/actions/deregisterImage/command';
import { extensionApi, publicApi, ownedScope, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { foreignSharedImage, imageNow, lifecycleRegion as region, newSnapshot, registerImage, runInstance, snapshotNow } from './ec2Lifecycle';
import { ownedImages } from './ec2';
import { answerSummary } from './prompts';
import { wizardScripts } from './wizardScript';

const deregister = (arg: unknown): Promise<DeregisterResult> => publicApi().then((a) => a.deregisterImage(arg as never));

describe('Deregister action', () => {
  let api: TestingApi;
  restoreSettingAfter('regions');
  restoreSettingAfter('groupByTag');
  const script = wizardScripts(() => api);

  before(async () => {
    api = await extensionApi();
    await setting('regions', ['us-east-1', region]);
    await setting('groupByTag', 'Project');
  });

  async function ownedIdsInTree(): Promise<string[]> {
    return (await ownedScope(api, region)).images.map((i) => i.id);
  }

  it('deregisters an image and its own snapshot, reports the instances still running, and the tree drops it', async () => {
    const image = await registerImage({ prefix: 'retire-one', tags: { Project: 'Retiring' } });
    const instanceId = await runInstance(image.imageId);
    assert.ok((await ownedIdsInTree()).includes(image.imageId), 'listed before');

    const result = await deregister({ imageId: image.imageId, region, deleteSnapshots: true, confirmed: true });
    assert.deepEqual(result, {
      deregistered: [image.imageId],
      deletedSnapshots: [image.snapshotId],
      keptSnapshots: [],
      runningInstances: { [image.imageId]: [instanceId] },
    });
    assert.equal(await imageNow(image.imageId), undefined, 'gone from EC2');
    assert.equal(await snapshotNow(image.snapshotId), undefined, 'its snapshot too');
    assert.ok(!(await ownedIdsInTree()).includes(image.imageId), 'gone from the tree');
  });

  it('keeps the snapshots unless asked to delete them', async () => {
    const image = await registerImage({ prefix: 'retire-keep' });
    const result = await deregister({ imageId: image.imageId, region, confirmed: true });
    assert.deepEqual(result.deregistered, [image.imageId]);
    assert.deepEqual(result.deletedSnapshots, []);
    assert.equal(await imageNow(image.imageId), undefined);
    assert.ok(await snapshotNow(image.snapshotId), 'the snapshot is still there');
  });

  it('keeps a snapshot another image still uses, and deletes it with the last one', async () => {
    const snapshotId = await newSnapshot();
    const first = await registerImage({ prefix: 'retire-shared-a', snapshotId });
    const second = await registerImage({ prefix: 'retire-shared-b', snapshotId });

    const result = await deregister({ imageId: first.imageId, region, deleteSnapshots: true, confirmed: true });
    assert.deepEqual(result.deregistered, [first.imageId]);
    assert.deepEqual(result.deletedSnapshots, []);
    assert.deepEqual(result.keptSnapshots, [{ snapshotId, reason: `used by ${second.imageId}` }]);
    assert.ok(await snapshotNow(snapshotId), 'kept for the other image');
    assert.ok(await imageNow(second.imageId));

    const last = await deregister({ imageId: second.imageId, region, deleteSnapshots: true, confirmed: true });
    assert.deepEqual(last.deletedSnapshots, [snapshotId]);
    assert.equal(await snapshotNow(snapshotId), undefined);
  });

  it('deregisters several images at once; a snapshot they share goes with them', async () => {
    const shared = await newSnapshot();
    const images = [
      await registerImage({ prefix: 'retire-many-a', snapshotId: shared, tags: { Project: 'Many' } }),
      await registerImage({ prefix: 'retire-many-b', snapshotId: shared, tags: { Project: 'Many' } }),
      await registerImage({ prefix: 'retire-many-c', tags: { Project: 'Many' } }),
    ];
    const ids = images.map((i) => i.imageId);
    const result = await deregister({ imageIds: ids, region, deleteSnapshots: true, confirmed: true });
    assert.deepEqual(result.deregistered, ids);
    assert.deepEqual(result.deletedSnapshots.sort(), [shared, images[2]!.snapshotId].sort());
    for (const id of ids) {
      assert.equal(await imageNow(id), undefined, `${id} is gone`);
    }
    const inTree = await ownedIdsInTree();
    assert.deepEqual(ids.filter((id) => inTree.includes(id)), [], 'none left in the tree');
  });

  it('a multi-selection from the tree deregisters nothing when the person backs out at the first question', async () => {
    const images = [await registerImage({ prefix: 'retire-tree-a' }), await registerImage({ prefix: 'retire-tree-b' })];
    api.images.refreshRegion(region);
    const owned = await ownedScope(api, region);
    const nodes = await Promise.all(images.map((i) => owned.nodeFor(i.imageId)));
    assert.ok(nodes.every(Boolean), 'both images are in the tree');
    const ui = script();
    const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.deregisterImage', nodes[0], nodes));
    const question = await ui.next('Deregister: delete the snapshots too?');
    assert.equal(question.numbers, '', 'the only question, so unnumbered');
    assert.match(question.items().join('\n'), /2 snapshots no other image uses/);
    await question.cancel();
    assert.equal(await running, undefined);
    for (const image of images) {
      assert.ok(await imageNow(image.imageId), `${image.imageId} is still registered`);
      assert.ok(await snapshotNow(image.snapshotId));
    }
  });

  it('from the palette: region, "old versions of a group", its value, age and how many to keep pre-select the old ones', async () => {
    const group = `Retiring-${Date.now()}`;
    const images = [];
    for (const name of ['a', 'b', 'c']) {
      images.push(await registerImage({ prefix: `retire-old-${name}`, tags: { Project: group } }));
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const ui = script();
    const { summary, result } = await answerSummary(api, async () => {
      const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.deregisterImage'));
      const regions = await ui.next('Deregister: region');
      assert.equal(regions.numbers, '1/3');
      await regions.pick(region);
      const how = await ui.next('Deregister: which images?');
      assert.equal(how.numbers, '2/4');
      await how.pick('Old versions of a group…');
      const value = await ui.next('Deregister: which Project?');
      assert.equal(value.numbers, '3/7', 'the group\'s questions count once asked for');
      await value.pick('Another Project…');
      const another = await ui.next('Deregister: the Project value');
      assert.equal(another.numbers, '4/8');
      await another.enter(group);
      await (await ui.next('Deregister: older than how many days?')).enter('0');
      await (await ui.next('Deregister: keep how many of the newest, whatever their age?')).enter('1');
      const picked = await ui.next(`Deregister: images in ${region}`);
      assert.equal(picked.numbers, '7/8');
      assert.equal(picked.items().length, 3, 'the whole group is listed');
      assert.equal(picked.selected().length, 2, 'all but the newest are selected');
      await picked.accept();
      const snapshots = await ui.next('Deregister: delete the snapshots too?');
      assert.equal(snapshots.numbers, '8/8');
      await snapshots.pick('Deregister only');
      return running;
    }, 'cancel');
    assert.match(summary.title, /Deregister 2 images/);
    assert.equal(result, undefined);
    for (const image of images) {
      assert.ok(await imageNow(image.imageId), `${image.imageId} is still registered after the summary was cancelled`);
    }
  });

  it('without confirmed: true it rejects and changes nothing', async () => {
    const image = await registerImage({ prefix: 'retire-unconfirmed' });
    await assert.rejects(deregister({ imageId: image.imageId, region, deleteSnapshots: true }), /cannot be undone unless a Recycle Bin rule keeps it: pass "confirmed": true/);
    await assert.rejects(deregister({ imageId: image.imageId, region, confirmed: 'yes' }), /pass "confirmed": true/);
    assert.ok(await imageNow(image.imageId));
    assert.ok(await snapshotNow(image.snapshotId));
  });

  it('rejects bad input clearly and deregisters none of a batch', async () => {
    const image = await registerImage({ prefix: 'retire-bad' });
    const foreign = await foreignSharedImage((await api.aws.accountId())!);
    const seededBefore = (await ownedImages('us-east-1')).length;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ imageIds: [image.imageId, 'ami-nope'], region, confirmed: true }, /"ami-nope" is not an AMI id/],
      [{ imageIds: [], region, confirmed: true }, /non-empty list of AMI ids/],
      [{ imageId: image.imageId, imageIds: [image.imageId], region, confirmed: true }, /either "imageId" or "imageIds"/],
      [{ imageId: image.imageId, region: 'CA-CENTRAL-1', confirmed: true }, /not an AWS region name/],
      [{ imageId: image.imageId, region: 'ca-central-7', confirmed: true }, /ca-central-7 is not an AWS region this account knows/],
      [{ imageId: image.imageId, region, deleteSnapshots: 'all', confirmed: true }, /"deleteSnapshots" must be true or false/],
      [{ imageIds: [image.imageId, 'ami-0123456789abcdef0'], region, confirmed: true }, /ami-0123456789abcdef0 does not exist in ca-central-1/],
      [{ imageIds: [image.imageId, foreign.imageId], region, confirmed: true }, /belongs to account 777788889999, not to this account/],
      [{ imageId: image.imageId, region: 'us-east-1', confirmed: true }, /does not exist in us-east-1/],
    ];
    for (const [arg, message] of cases) {
      await assert.rejects(deregister(arg), message, JSON.stringify(arg));
    }
    assert.ok(await imageNow(image.imageId), 'the valid image of each batch is still registered');
    assert.ok(await imageNow(foreign.imageId));
    assert.equal((await ownedImages('us-east-1')).length, seededBefore, 'the seeded estate is untouched');
  });
});
