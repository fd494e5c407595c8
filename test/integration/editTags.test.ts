import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, publicApi, ownedScope, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { answerSummary } from './prompts';
import { wizardScripts } from './wizardScript';
import { foreignSharedImage, imageNow, lifecycleRegion as region, registerImage, snapshotNow, tagsOf, type TestImage } from './ec2Lifecycle';

const editTags = (arg: unknown) => publicApi().then((a) => a.editTags(arg as never));

describe('Edit tags action', () => {
  let api: TestingApi;
  let image: TestImage;
  restoreSettingAfter('regions');
  restoreSettingAfter('groupByTag');
  const script = wizardScripts(() => api);

  before(async () => {
    api = await extensionApi();
    await setting('regions', ['us-east-1', region]);
    await setting('groupByTag', 'Project');
    image = await registerImage({ prefix: 'tags', tags: { Project: 'Tagging', Stage: 'beta', Owner: 'ops' } });
  });

  it('sets, changes and removes tags on the image, returns them, and the tree shows them', async () => {
    const owned = await ownedScope(api, region);
    assert.equal(owned.images.find((i) => i.id === image.imageId)?.tags.Stage, 'beta', 'the tree has loaded the image before the change');

    const tags = await editTags({ imageId: image.imageId, region, set: { Stage: 'prod', Team: 'ml' }, remove: ['Owner'] });
    const expected = { Project: 'Tagging', Stage: 'prod', Team: 'ml' };
    assert.deepEqual(tags, expected);
    assert.deepEqual(tagsOf(await imageNow(image.imageId)), expected);
    assert.deepEqual((await snapshotNow(image.snapshotId))?.tags, {}, 'snapshots untouched unless asked');

    await owned.getChildren();
    assert.deepEqual(owned.images.find((i) => i.id === image.imageId)?.tags, expected, 'the region was refreshed');
  });

  it('tags the snapshots too when asked', async () => {
    await editTags({ imageId: image.imageId, region, set: { CostCenter: '42' }, remove: ['Team'], snapshots: true });
    assert.deepEqual((await snapshotNow(image.snapshotId))?.tags, { CostCenter: '42' });
    assert.equal(tagsOf(await imageNow(image.imageId)).CostCenter, '42');
  });

  it('mark as latest moves Latest=true from the other images of the same group only', async () => {
    const older = await registerImage({ prefix: 'tags-old', tags: { Project: 'Latest', Latest: 'true' } });
    const newer = await registerImage({ prefix: 'tags-new', tags: { Project: 'Latest' } });
    const otherGroup = await registerImage({ prefix: 'tags-other', tags: { Project: 'Elsewhere', Latest: 'true' } });
    const optedOut = await registerImage({ prefix: 'tags-false', tags: { Project: 'Latest', Latest: 'false' } });

    const tags = await editTags({ imageId: newer.imageId, region, markLatest: true, snapshots: true });
    assert.deepEqual(tags, { Project: 'Latest', Latest: 'true' });
    assert.equal(tagsOf(await imageNow(newer.imageId)).Latest, 'true');
    assert.equal(tagsOf(await imageNow(older.imageId)).Latest, undefined, 'moved away from the older version');
    assert.deepEqual(tagsOf(await imageNow(older.imageId)), { Project: 'Latest' });
    assert.equal(tagsOf(await imageNow(otherGroup.imageId)).Latest, 'true', 'another group keeps its latest');
    assert.equal(tagsOf(await imageNow(optedOut.imageId)).Latest, 'false', 'only Latest=true is moved');
    assert.equal((await snapshotNow(newer.snapshotId))?.tags.Latest, 'true');
  });

  it('from the tree, "Mark as latest" then "Save changes" moves Latest=true to the picked image', async () => {
    const older = await registerImage({ prefix: 'tags-wizard-old', tags: { Project: 'Wizard', Latest: 'true' } });
    const newer = await registerImage({ prefix: 'tags-wizard-new', tags: { Project: 'Wizard' } });
    api.images.refreshRegion(region);
    const node = await (await ownedScope(api, region)).nodeFor(newer.imageId);
    assert.ok(node, 'the image is in the tree');
    const ui = script();
    const title = `Edit tags: ${newer.name} (${newer.imageId}, ${region})`;
    const { summary } = await answerSummary(api, async () => {
      const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.editTags', node));
      const list = await ui.next(title);
      assert.equal(list.numbers, '', 'the list is the only step');
      assert.ok(!list.items().some((i) => i.includes('Save changes')), 'nothing to save yet');
      await list.pick('Mark as latest');
      const marked = await ui.next(title);
      assert.ok(marked.items().includes('$(pass-filled) Mark as latest — Latest=true here, removed from the other Project=Wizard images'));
      await marked.pick('Save changes');
      return running;
    }, 'accept');
    assert.match(summary.items.join('\n'), /latest of Project=Wizard/);
    assert.deepEqual(tagsOf(await imageNow(newer.imageId)), { Project: 'Wizard', Latest: 'true' });
    assert.deepEqual(tagsOf(await imageNow(older.imageId)), { Project: 'Wizard' });
  });

  it('the list comes back after each change: a tag added (Back and Escape on the way), one removed, then saved', async () => {
    const img = await registerImage({ prefix: 'tags-list', tags: { Project: 'Listing', Stage: 'beta' } });
    const ui = script();
    const title = `Edit tags: ${img.name} (${img.imageId}, ${region})`;
    const { summary } = await answerSummary(api, async () => {
      const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.editTags', { imageId: img.imageId, region }));
      await (await ui.next(title)).pick('Add tag…');
      const key = await ui.next('Edit tags: new tag key');
      assert.equal(key.numbers, '2/3');
      assert.ok(key.canGoBack);
      await key.enter('Team');
      const value = await ui.next('Edit tags: value of Team');
      assert.equal(value.numbers, '3/3');
      await value.back();
      const keyAgain = await ui.next('Edit tags: new tag key');
      assert.equal(keyAgain.value, 'Team', 'the key given before');
      await keyAgain.enter('Owner');
      await (await ui.next('Edit tags: value of Owner')).enter('ops');
      const list = await ui.next(title);
      assert.equal(list.numbers, '', 'back at the list, which keeps its place');
      assert.ok(list.items().includes('$(tag) Owner — ops (new)'), list.items().join(' | '));
      await list.pick('Stage');
      const stage = await ui.next('Edit tags: Stage = beta');
      assert.equal(stage.numbers, '2/2');
      await stage.pick('Remove tag');
      await (await ui.next(title)).pick('Add tag…');
      await (await ui.next('Edit tags: new tag key')).cancel();
      const after = await ui.next(title);
      assert.ok(after.items().includes('$(trash) Stage — beta (to remove)'), 'Escape in a question drops only that change');
      await after.pick('Save changes');
      return running;
    }, 'accept');
    assert.match(summary.items.join('\n'), /\+ Owner = ops/);
    assert.deepEqual(tagsOf(await imageNow(img.imageId)), { Project: 'Listing', Owner: 'ops' });
  });

  it('mark as latest needs the group tag', async () => {
    const loose = await registerImage({ prefix: 'tags-loose', tags: { Stage: 'x' } });
    await assert.rejects(editTags({ imageId: loose.imageId, region, markLatest: true }), /has no Project tag/);
    assert.deepEqual(tagsOf(await imageNow(loose.imageId)), { Stage: 'x' });
  });

  it('rejects bad input clearly and changes nothing', async () => {
    const before = tagsOf(await imageNow(image.imageId));
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ imageId: 'ami-XYZ', region, set: { A: 'b' } }, /"ami-XYZ" is not an AMI id/],
      [{ imageId: image.imageId, region: 'moon-1', set: { A: 'b' } }, /"moon-1" is not an AWS region name/],
      [{ imageId: image.imageId, region: 'us-east-9', set: { A: 'b' } }, /us-east-9 is not an AWS region this account knows/],
      [{ imageId: image.imageId, region, set: { '': 'b' } }, /not a tag key/],
      [{ imageId: image.imageId, region, set: { 'aws:owner': 'b' } }, /reserved for AWS/],
      [{ imageId: image.imageId, region, remove: ['aws:owner'] }, /reserved for AWS/],
      [{ imageId: image.imageId, region, set: { A: 'b' }, remove: ['A'] }, /both set and removed/],
      [{ imageId: image.imageId, region }, /Nothing to change/],
      [{ imageId: image.imageId, region, set: { A: 'b' }, snapshots: 'yes' }, /"snapshots" must be true or false/],
      [{ imageId: 'ami-0123456789abcdef0', region, set: { A: 'b' } }, /ami-0123456789abcdef0 does not exist in ca-central-1/],
    ];
    for (const [arg, message] of cases) {
      await assert.rejects(editTags(arg), message, JSON.stringify(arg));
    }
    assert.deepEqual(tagsOf(await imageNow(image.imageId)), before);
  });

  it('refuses an image another account owns', async () => {
    const self = await api.aws.accountId();
    const foreign = await foreignSharedImage(self!);
    await assert.rejects(editTags({ imageId: foreign.imageId, region, set: { Mine: 'yes' } }), /belongs to account 777788889999, not to this account/);
    assert.deepEqual(tagsOf(await imageNow(foreign.imageId)), {}, 'our view of its tags is unchanged');
  });
});
