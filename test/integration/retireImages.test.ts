import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RetireImagesResult } from '../../src/api/amiExplorerApi';
import { must } from '../must';
import { existingSnapshots, imagesNow, launchFrom, protect, registerDated, retireRegion as region, type FamilyImage } from './ec2Retire';
import { extensionApi, ownedScope, publicApi, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { wizardScripts } from './wizardScript';

const retire = (input: Record<string, unknown>) => publicApi().then((a) => a.retireImages(input as never));
let run = 0;

/**
 * A family of five versions: 1.0 (120 days, 8 GiB), 1.1 (90 days, 30 GiB), 1.2 (60 days, 20 GiB, Latest=true),
 * 1.3 (45 days, 10 GiB) and 1.4 (5 days, 8 GiB), named uniquely for the test.
 */
async function family(): Promise<{ prefix: string; images: FamilyImage[] }> {
  const prefix = `retire-${Date.now()}-${++run}`;
  const versions: [string, number, number, Record<string, string>?][] = [
    ['1.0', 120, 8], ['1.1', 90, 30], ['1.2', 60, 20, { Latest: 'true' }], ['1.3', 45, 10], ['1.4', 5, 8],
  ];
  const images = [];
  for (const [version, age, size, tags] of versions) {
    images.push(await registerDated(`${prefix}-${version}`, age, size, tags));
  }
  return { prefix, images };
}

const ids = (result: RetireImagesResult) => result.images.map((i) => i.imageId);
const byVersion = (images: FamilyImage[], version: string) => must(images.find((i) => i.name.endsWith(`-${version}`)), `version ${version}`);

/** The read-only page the command showed, as the person reads it. */
function planPage(): string {
  const doc = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'amiexplorer-page').at(-1);
  return must(doc, 'the cleanup plan page').getText();
}

/** The page once VS Code has read its new text (a rewritten page reaches the editor a moment after the change). */
async function planPageMatching(pattern: RegExp): Promise<string> {
  for (let waited = 0; !pattern.test(planPage()) && waited < 5000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return planPage();
}

describe('Cleanup plan (retire images)', () => {
  let api: TestingApi;
  restoreSettingAfter('regions');
  restoreSettingAfter('snapshotPricePerGBMonth');
  const script = wizardScripts(() => api);

  before(async () => {
    api = await extensionApi();
    await setting('regions', [region]);
  });

  it('a dry run keeps the newest and Latest, spares the young, prices the snapshots by the setting, and changes nothing', async () => {
    await setting('snapshotPricePerGBMonth', 0.1);
    const { prefix, images } = await family();
    const plan = await retire({ namePattern: `${prefix}-*`, olderThanDays: 30, action: 'deregister', deleteSnapshots: true, dryRun: true });
    assert.deepEqual(ids(plan), ['1.0', '1.1', '1.3'].map((v) => byVersion(images, v).imageId), 'oldest first; 1.2 is Latest, 1.4 the newest');
    assert.deepEqual(plan.images.map((i) => [i.ageDays, i.snapshotGiB, i.lastLaunched, i.references]), [[120, 8, null, 0], [90, 30, null, 0], [45, 10, null, 0]]);
    assert.equal(plan.totalSnapshotGiB, 48);
    assert.equal(plan.monthlyCost.toFixed(2), '4.80');
    assert.deepEqual(plan.notSearched, []);
    const now = await imagesNow(images.map((i) => i.imageId));
    assert.equal(now.size, 5, 'every image is still registered');
    assert.equal((await existingSnapshots(images.map((i) => i.snapshotId))).length, 5, 'every snapshot is still there');
  });

  it('refuses to run without confirmed: true, and bad input, naming the problem; nothing changes', async () => {
    const { prefix, images } = await family();
    await assert.rejects(retire({ namePattern: `${prefix}-*`, olderThanDays: 30, action: 'deprecate' }), /pass "confirmed": true to do it/);
    await assert.rejects(retire({ olderThanDays: 30, action: 'deprecate', dryRun: true }), /Give "namePattern".*never covers every image/);
    await assert.rejects(retire({ namePattern: `${prefix}-*`, action: 'deprecate', dryRun: true }), /Give "olderThanDays" or "notLaunchedForDays"/);
    await assert.rejects(retire({ namePattern: `${prefix}-*`, olderThanDays: 30, action: 'deprecate', deleteSnapshots: true, confirmed: true }), /"deleteSnapshots" goes with "action": "deregister" only/);
    await assert.rejects(retire({ namePattern: `${prefix}-*`, olderThanDays: 30, action: 'deregister', regions: ['mars-north-1'], dryRun: true }), /"mars-north-1" is not an AWS region name|not an AWS region this account knows/);
    const now = await imagesNow(images.map((i) => i.imageId));
    assert.ok([...now.values()].every((i) => !i.DeprecationTime), 'nothing was deprecated');
  });

  it('deprecates what the plan picks, and says so per image', async () => {
    const { prefix, images } = await family();
    const result = await retire({ namePattern: `${prefix}-*`, olderThanDays: 50, keepNewest: 2, action: 'deprecate', confirmed: true });
    assert.deepEqual(ids(result), ['1.0', '1.1'].map((v) => byVersion(images, v).imageId), '1.3 and 1.4 are the newest two, 1.2 is Latest');
    assert.deepEqual(result.images.map((i) => i.outcome), ['deprecated', 'deprecated']);
    const now = await imagesNow(images.map((i) => i.imageId));
    for (const image of images) {
      const deprecated = Boolean(now.get(image.imageId)?.DeprecationTime);
      assert.equal(deprecated, ['1.0', '1.1'].some((v) => image.name.endsWith(`-${v}`)), `${image.name} deprecated: ${deprecated}`);
    }
  });

  it('deregisters with its own snapshots, keeping a protected image and one launched lately', async () => {
    const { prefix, images } = await family();
    await protect(byVersion(images, '1.0').imageId);
    await launchFrom(byVersion(images, '1.1').imageId);
    const result = await retire({ namePattern: `${prefix}-*`, olderThanDays: 30, notLaunchedForDays: 14, action: 'deregister', deleteSnapshots: true, confirmed: true });
    const gone = byVersion(images, '1.3');
    assert.deepEqual(ids(result), [gone.imageId], '1.0 is protected, 1.1 was launched today');
    assert.deepEqual(result.images.map((i) => i.outcome), [`deregistered; deleted ${gone.snapshotId}`]);
    const now = await imagesNow(images.map((i) => i.imageId));
    assert.deepEqual(images.filter((i) => !now.has(i.imageId)).map((i) => i.name), [gone.name]);
    assert.deepEqual(await existingSnapshots([gone.snapshotId]), [], 'its snapshot is deleted');
    assert.equal((await existingSnapshots([byVersion(images, '1.0').snapshotId])).length, 1, 'the kept images keep theirs');
  });

  it('from the palette: the steps, the plan page, the summary naming the account, then EC2 disables the images and the page shows each outcome', async () => {
    await setting('snapshotPricePerGBMonth', 0.05);
    const { prefix, images } = await family();
    const used = byVersion(images, '1.3');
    const instanceId = await launchFrom(used.imageId);
    const ui = script();
    const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.retireImages'));
    const name = await ui.next('Retire images: name');
    assert.equal(name.numbers, '1/7');
    await name.enter(`${prefix}-*`);
    await (await ui.next('Retire images: tags')).enter('');
    await (await ui.next('Retire images: what to do')).pick('Disable');
    await (await ui.next('Retire images: older than')).enter('30');
    await (await ui.next('Retire images: not launched for')).enter('');
    await (await ui.next('Retire images: keep the newest')).enter('1');
    await (await ui.next('Retire images: also')).accept();
    const summary = await ui.summary();
    assert.match(summary.title, /Cleanup plan: disable 3 images$/);
    assert.match(summary.text, /Disables 3 owned images/);
    assert.match(summary.text, /Their snapshots: 48 GiB, about \$2\.40 a month at \$0\.05 per GB-month/);
    assert.match(summary.text, new RegExp(`account ${(await api.aws.accountId()) ?? '\\d{12}'}`));
    assert.match(summary.text, new RegExp(`${used.imageId} \\(${used.name}\\) is used by 1 instance \\(${instanceId}\\): their launches fail while it is disabled`));
    const preview = planPage();
    assert.match(preview, /^Cleanup plan: Disable 3 images \(preview: nothing has changed\)/);
    assert.match(preview, new RegExp(`${byVersion(images, '1.2').imageId} +${prefix}-1\\.2 +tagged Latest=true`));
    await summary.accept();
    const result = await running as RetireImagesResult;
    assert.deepEqual(result.images.map((i) => i.outcome), ['disabled', 'disabled', 'disabled']);
    const now = await imagesNow(images.map((i) => i.imageId));
    assert.deepEqual(images.filter((i) => now.get(i.imageId)?.State === 'disabled').map((i) => i.name.slice(-3)), ['1.0', '1.1', '1.3']);
    const after = await planPageMatching(/\(run\)/);
    assert.match(after, /\(run\)/);
    assert.match(after, new RegExp(`${byVersion(images, '1.0').imageId} .* disabled`));
  });

  it('from the tree ("Owned by me"): the same steps; backing out at the first changes nothing', async () => {
    const owned = await ownedScope(api, region);
    assert.equal(owned.getTreeItem().contextValue, 'imageScope owned', 'the menu item shows on this node');
    const ui = script();
    const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.retireImages', owned));
    const first = await ui.next('Retire images: name');
    assert.equal(first.numbers, '1/7');
    await first.cancel();
    assert.equal(await running, undefined);
  });

  it('a link\'s object with dryRun: true shows the plan page and asks nothing', async () => {
    const { prefix } = await family();
    const result = await vscode.commands.executeCommand<RetireImagesResult>('amiExplorer.retireImages', { namePattern: `${prefix}-*`, olderThanDays: 100, action: 'deregister', dryRun: true });
    assert.equal(result.images.length, 1);
    assert.match(planPage(), /^Cleanup plan: Deregister 1 image \(preview: nothing has changed\)/);
    assert.match(planPage(), /Kept \(4\):/);
  });
});
