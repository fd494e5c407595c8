// Retiring safely and bringing back, as a person and a program do it: Disable / Enable Image, deregistration
// protection, and the Recycle Bin, from the tree, the palette and the API, checked against EC2's state afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { clearFaults, setFaults } from '../../sandbox/faults/client.mjs';
import { createImageRule, deleteRule } from '../../sandbox/rbin.mjs';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { description, extensionApi, label, ownedScope, publicApi, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { imageNow, lifecycleRegion as region, registerImage, type TestImage } from './ec2Lifecycle';
import { answerSummary, noticeOf } from './prompts';
import { wizardScripts } from './wizardScript';

const endpoint = process.env.AWS_ENDPOINT_URL_EC2 ?? process.env.AWS_ENDPOINT_URL ?? '';
const api = () => publicApi();

describe('Retire safely', () => {
  let testing: TestingApi;
  restoreSettingAfter('regions');
  restoreSettingAfter('groupByTag');
  const script = wizardScripts(() => testing);

  before(async () => {
    testing = await extensionApi();
    await setting('regions', ['us-east-1', region]);
    await setting('groupByTag', '');
  });

  /** The image's node in "Owned by me", freshly loaded. */
  async function nodeOf(image: TestImage): Promise<ExplorerNode> {
    testing.images.refreshRegion(region);
    const node = await (await ownedScope(testing, region)).nodeFor(image.imageId);
    assert.ok(node, `${image.name} is in the tree`);
    return node;
  }
  const contextOf = (node: ExplorerNode) => node.getTreeItem().contextValue ?? '';

  /** The palette's image steps: the id, then its region. */
  async function answerImageSteps(ui: ReturnType<typeof script>, imageId: string): Promise<void> {
    await (await ui.next('Image: id')).enter(imageId);
    await (await ui.next(`Image: region of ${imageId}`)).pick(region);
  }

  describe('Disable and enable', () => {
    after(() => vscode.commands.executeCommand('amiExplorer.filter', {}));

    it('the API disables only with confirmed: true, then enables; EC2 says disabled, then available', async () => {
      const image = await registerImage({ prefix: 'disable-api' });
      await assert.rejects((await api()).disableImage({ imageId: image.imageId, region } as never), /pass "confirmed": true/);
      assert.equal((await imageNow(image.imageId))?.State, 'available', 'unchanged without confirmed');
      assert.equal(await (await api()).disableImage({ imageId: image.imageId, region, confirmed: true }), 'disabled');
      assert.equal((await imageNow(image.imageId))?.State, 'disabled');
      await assert.rejects((await api()).disableImage({ imageId: image.imageId, region, confirmed: true }), /already disabled.*"Enable Image" \(amiExplorer\.enableImage\)/);
      assert.equal(await (await api()).enableImage({ imageId: image.imageId, region }), 'available');
      assert.equal((await imageNow(image.imageId))?.State, 'available');
      await assert.rejects((await api()).enableImage({ imageId: image.imageId, region }), /is not disabled \(it is available\)/);
      await assert.rejects((await api()).enableImage({ imageId: image.imageId, region, confirmed: true } as never), /Unknown option "confirmed"/);
    });

    it('from the tree: Disable on an available image, after a summary naming account, profile, region and what ends; Enable on the disabled one', async () => {
      const image = await registerImage({ prefix: 'disable-tree' });
      const node = await nodeOf(image);
      assert.match(contextOf(node), /^image owned available\b/, 'the menu offers Disable here');
      const { summary, result } = await answerSummary(testing, () => vscode.commands.executeCommand('amiExplorer.disableImage', node), 'accept');
      const text = [summary.title, summary.placeholder, ...summary.items].join('\n');
      assert.match(summary.title, new RegExp(`Disable ${image.name} \\(${image.imageId}\\)`));
      assert.match(text, /Every new launch from it fails .* until it is enabled again with "Enable Image"/);
      assert.match(text, /shared with no other account/);
      assert.match(text, /Account: 123456789012/);
      assert.match(text, /Profile: /);
      assert.match(text, new RegExp(`Region: ${region}`));
      assert.equal(result, 'disabled');
      assert.equal((await imageNow(image.imageId))?.State, 'disabled');

      await vscode.commands.executeCommand('amiExplorer.filter', { includeDisabled: true });
      const disabled = await nodeOf(image);
      assert.match(contextOf(disabled), /^image owned disabled\b/, 'the menu offers Enable here');
      const enabled = await answerSummary(testing, () => vscode.commands.executeCommand('amiExplorer.enableImage', disabled), 'accept');
      assert.match(enabled.summary.items.join('\n'), /stay ended: share it again/);
      assert.equal(enabled.result, 'available');
      assert.equal((await imageNow(image.imageId))?.State, 'available');
    });

    it('from the palette: the id and region steps, then the summary; cancelling it changes nothing', async () => {
      const image = await registerImage({ prefix: 'disable-palette-cancel' });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const ui = script();
      const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.disableImage'));
      await answerImageSteps(ui, image.imageId);
      const summary = await ui.summary();
      assert.match(summary.text, /Disable .* \(ami-/);
      await summary.cancel();
      assert.equal(await running, undefined);
      assert.equal((await imageNow(image.imageId))?.State, 'available', 'cancelled: still available');
    });

    it('from the palette: Disable Image disables', async () => {
      const image = await registerImage({ prefix: 'disable-palette' });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const ui = script();
      const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.disableImage'));
      await answerImageSteps(ui, image.imageId);
      await (await ui.summary()).accept();
      assert.equal(await running, 'disabled');
      assert.equal((await imageNow(image.imageId))?.State, 'disabled');
    });

    it('from the palette: Enable Image enables a disabled image', async () => {
      const image = await registerImage({ prefix: 'enable-palette' });
      await (await api()).disableImage({ imageId: image.imageId, region, confirmed: true });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const ui = script();
      const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.enableImage'));
      await answerImageSteps(ui, image.imageId);
      await (await ui.summary()).accept();
      assert.equal(await running, 'available');
      assert.equal((await imageNow(image.imageId))?.State, 'available');
    });
  });

  describe('Deregistration protection', () => {
    it('the API turns it on with the cooldown; Deregister refuses the image before any change; off leaves it protected for 24 hours', async () => {
      const image = await registerImage({ prefix: 'protect-api' });
      assert.equal(await (await api()).setDeregistrationProtection({ imageId: image.imageId, region, enabled: true, cooldown: true }), 'enabled-with-cooldown');
      assert.equal((await imageNow(image.imageId))?.DeregistrationProtection, 'enabled-with-cooldown');
      await assert.rejects((await api()).deregisterImage({ imageId: image.imageId, region, deleteSnapshots: true, confirmed: true }),
        /is protected from deregistration\. Turn the protection off first with "Set Deregistration Protection" \(amiExplorer\.setDeregistrationProtection\)/);
      assert.ok(await imageNow(image.imageId), 'still registered');

      const off = await (await api()).setDeregistrationProtection({ imageId: image.imageId, region, enabled: false });
      assert.match(off ?? '', /^disabled-until \d{4}-\d\d-\d\dT/);
      assert.equal((await imageNow(image.imageId))?.DeregistrationProtection, off);
      await assert.rejects((await api()).deregisterImage({ imageId: image.imageId, region, confirmed: true }), /cooldown that ends \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
      assert.ok(await imageNow(image.imageId), 'still registered during the cooldown');

      await assert.rejects((await api()).setDeregistrationProtection({ imageId: image.imageId, region, enabled: false, cooldown: true }), /"cooldown" applies only/);
      await assert.rejects((await api()).setDeregistrationProtection({ imageId: image.imageId, region } as never), /"enabled"/);
    });

    it('from the tree: "Protect, without a cooldown"; the tooltip shows it; Deregister from the tree is refused and says how to lift it', async () => {
      const image = await registerImage({ prefix: 'protect-tree' });
      const node = await nodeOf(image);
      const ui = script();
      const { summary, result } = await answerSummary(testing, async () => {
        const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.setDeregistrationProtection', node));
        const mode = await ui.next(`Deregistration Protection: ${image.name} (${image.imageId})`);
        assert.match(mode.items().join('\n'), /Turn the protection off — current/);
        await mode.pick('Protect, without a cooldown');
        return running;
      }, 'accept');
      assert.match(summary.title, new RegExp(`Protect ${image.name} \\(${image.imageId}\\) from deregistration$`));
      assert.match(summary.items.join('\n'), /Now: off/);
      assert.equal(result, 'enabled-without-cooldown');
      assert.equal((await imageNow(image.imageId))?.DeregistrationProtection, 'enabled-without-cooldown');

      const protectedNode = await nodeOf(image);
      // An owned image's tooltip is completed as it shows (with when it last launched).
      const item = await testing.images.provider.resolveTreeItem(protectedNode.getTreeItem(), protectedNode, new vscode.CancellationTokenSource().token);
      const tooltip = item?.tooltip as vscode.MarkdownString;
      assert.match(tooltip.value, /\| Deregistration protection \| on \|/);
      const notice = await noticeOf(testing, () => vscode.commands.executeCommand('amiExplorer.deregisterImage', protectedNode, [protectedNode]));
      assert.match(notice, /is protected from deregistration\. Turn the protection off first with "Set Deregistration Protection"/);
      assert.ok(await imageNow(image.imageId), 'still registered');
    });

    it('from the palette: the id and region steps, then "Turn the protection off"', async () => {
      const image = await registerImage({ prefix: 'protect-palette' });
      await (await api()).setDeregistrationProtection({ imageId: image.imageId, region, enabled: true });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const ui = script();
      const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.setDeregistrationProtection'));
      await answerImageSteps(ui, image.imageId);
      await (await ui.next(/^Deregistration Protection: /)).pick('Turn the protection off');
      const summary = await ui.summary();
      assert.match(summary.text, /Now: on\nDeregister allows it at once/);
      await summary.accept();
      assert.equal(await running, 'disabled');
      assert.equal((await imageNow(image.imageId))?.DeregistrationProtection, 'disabled');
    });
  });

  describe('Recycle Bin', () => {
    const tag = `keep-${Date.now()}`;
    let ruleId = '';
    before(async () => {
      ruleId = await createImageRule(endpoint, { region, days: 7, tags: { Retention: tag }, description: 'a week of grace' });
    });
    after(async () => {
      await deleteRule(endpoint, { region }, ruleId);
      await clearFaults(endpoint);
    });

    const binNode = async () => {
      await testing.images.provider.getChildren();
      const regionNode = testing.images.regions.find((r) => r.region === region);
      assert.ok(regionNode);
      return regionNode.recycleBin;
    };
    async function binned(imageId: string): Promise<ExplorerNode | undefined> {
      return (await (await binNode()).getChildren()).find((n) => label(n) !== 'Nothing to restore' && description(n).startsWith(imageId));
    }
    const kept = () => registerImage({ prefix: 'binned', tags: { Retention: tag } });

    it('Deregister says, from the rules, whether each image is recoverable: from the tree, the rule that keeps it', async () => {
      const image = await kept();
      const node = await nodeOf(image);
      const ui = script();
      const { summary } = await answerSummary(testing, async () => {
        const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.deregisterImage', node, [node]));
        await (await ui.next('Deregister: delete the snapshots too?')).pick('Deregister only');
        return running;
      }, 'cancel');
      assert.match(summary.items.join('\n'), new RegExp(`recoverable from the Recycle Bin for 7 days \\(rule ${ruleId}: a week of grace\\)`));
      assert.ok(await imageNow(image.imageId), 'cancelled: still registered');
    });

    it('Deregister says "permanent" without a matching rule, and "could not read" when rbin is denied', async () => {
      const image = await registerImage({ prefix: 'no-rule' });
      const permanent = await answerSummary(testing,
        () => vscode.commands.executeCommand('amiExplorer.deregisterImage', { imageId: image.imageId, region, deleteSnapshots: false }), 'cancel');
      assert.match(permanent.summary.items.join('\n'), /permanent: this cannot be undone/);

      await setFaults(endpoint, [{ fault: 'AccessDenied', service: 'rbin', region }]);
      try {
        const unknown = await answerSummary(testing,
          () => vscode.commands.executeCommand('amiExplorer.deregisterImage', { imageId: image.imageId, region, deleteSnapshots: false }), 'cancel');
        assert.match(unknown.summary.items.join('\n'),
          new RegExp(`could not read Recycle Bin rules: Access denied: .* not allowed to call rbin:ListRules in ${region}\\.; assume permanent`));
      } finally {
        await clearFaults(endpoint);
      }
      assert.ok(await imageNow(image.imageId));
    });

    it('deregistered under a rule, an image is listed in the region\'s Recycle Bin node; Restore from the tree brings it back', async () => {
      const image = await kept();
      await (await api()).deregisterImage({ imageId: image.imageId, region, confirmed: true });
      assert.equal(await imageNow(image.imageId), undefined, 'gone from DescribeImages');
      const item = await binned(image.imageId);
      assert.ok(item, 'listed in the Recycle Bin node');
      assert.equal(label(item), image.name);
      assert.match(description(item), /deleted for good in [67] days \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)/);
      assert.equal(item.getTreeItem().contextValue, 'recycleBinImage');

      const { summary, result } = await answerSummary(testing, () => vscode.commands.executeCommand('amiExplorer.restoreImage', item), 'accept');
      assert.match(summary.title, new RegExp(`Restore ${image.name} \\(${image.imageId}\\) from the Recycle Bin$`));
      assert.match(summary.items.join('\n'), new RegExp(`Region: ${region}`));
      assert.equal(result, 'available');
      assert.equal((await imageNow(image.imageId))?.State, 'available');
      assert.equal(await binned(image.imageId), undefined, 'the Recycle Bin node no longer lists it');
    });

    it('from the palette: a region, then an image of its Recycle Bin, then the summary', async () => {
      const image = await kept();
      await (await api()).deregisterImage({ imageId: image.imageId, region, confirmed: true });
      const ui = script();
      const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.restoreImage'));
      const regions = await ui.next('Restore: region');
      assert.equal(regions.numbers, '1/2');
      await regions.pick(region);
      const pick = await ui.next(`Restore: images in the Recycle Bin of ${region}`);
      await pick.pick(new RegExp(`^${image.name} ${image.imageId}`));
      await (await ui.summary()).accept();
      assert.equal(await running, 'available');
      assert.equal((await imageNow(image.imageId))?.State, 'available');
    });

    it('the API restores { imageId, region } and refuses what is not in the bin', async () => {
      const image = await kept();
      await (await api()).deregisterImage({ imageId: image.imageId, region, confirmed: true });
      assert.equal(await (await api()).restoreImage({ imageId: image.imageId, region }), 'available');
      assert.equal((await imageNow(image.imageId))?.State, 'available');
      await assert.rejects((await api()).restoreImage({ imageId: image.imageId, region }), new RegExp(`${image.imageId} is not in the Recycle Bin of ${region}`));
      await assert.rejects((await api()).restoreImage({ imageId: image.imageId, region, confirmed: true } as never), /Unknown option "confirmed"/);
    });

    it('the node says when the bin is empty, and names the permission when the listing is denied', async () => {
      const empty = testing.images.regions.find((r) => r.region === 'us-east-1')?.recycleBin;
      assert.ok(empty);
      empty.reset();
      assert.deepEqual((await empty.getChildren()).map(label), ['Nothing to restore']);

      await setFaults(endpoint, [{ fault: 'UnauthorizedOperation', service: 'ec2', action: 'ListImagesInRecycleBin', region }]);
      try {
        const bin = await binNode();
        bin.reset();
        assert.deepEqual((await bin.getChildren()).map(label), [`Access denied: the default credential chain is not allowed to call ec2:ListImagesInRecycleBin in ${region}.`]);
      } finally {
        await clearFaults(endpoint);
      }
    });
  });
});
