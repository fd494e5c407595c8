// Find images as a person meets it: the results open at once and fill in as each region answers, with the region
// and state on each match, a region that fails named in the list, and the one picked revealed. The API waits for
// every region and returns the whole list; checking its regions reuses the region list the views already read.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { clearFaults, faultStats, setFaults } from '../../sandbox/faults/client.mjs';
import type { AmiExplorerApi } from '../../src/api/amiExplorerApi';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { extensionApi, publicApi, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { wizardScripts } from './wizardScript';
import { registerTestImage, type TestImage } from './ec2';

const endpoint = process.env.AWS_ENDPOINT_URL ?? '';
const fast = 'us-east-1';
const slow = 'sa-east-1';
const denied = 'ap-northeast-2';

type ImageNodeLike = ExplorerNode & { imageId: string };
// The suite is bundled apart from the extension, so its node classes are not the view's: test by shape.
const isImageNode = (n: unknown): n is ImageNodeLike => typeof (n as { imageId?: unknown }).imageId === 'string';

describe('Find images', () => {
  let api: TestingApi;
  let doors: AmiExplorerApi;
  restoreSettingAfter('regions');
  const script = wizardScripts(() => api);

  before(async () => {
    api = await extensionApi();
    doors = await publicApi();
    await setting('regions', [fast, slow, denied]);
  });

  afterEach(async () => {
    await clearFaults(endpoint, { held: 'release' });
    // A denied region is skipped for the rest of the session: Refresh forgets it, as it does for a person.
    await vscode.commands.executeCommand('amiExplorer.refresh');
  });

  const line = (image: TestImage, region: string) => `${image.name} — ${image.imageId} · ${region} · available`;

  it('opens at once and fills in as regions answer, naming a region that fails; the one picked is revealed', async () => {
    const project = `FindProgress-${Date.now()}`;
    const quick = await registerTestImage({ region: fast, prefix: 'find-progress-fast', tags: { Project: project } });
    const late = await registerTestImage({ region: slow, prefix: 'find-progress-slow', tags: { Project: project } });
    await setFaults(endpoint, [
      { fault: 'latency', region: slow, service: 'ec2', action: 'DescribeImages', delayMs: 3_000, from: 'arrival' },
      { fault: 'UnauthorizedOperation', region: denied, service: 'ec2', action: 'DescribeImages' },
    ]);
    const ui = script();
    const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.findImages', { tags: { Project: project }, regions: [fast, slow, denied] }));
    const results = await ui.next(/^Find images: /);
    const early = await results.itemsWhen((items) => items.includes(line(quick, fast)), `the match in ${fast}`);
    assert.ok(results.busy, 'still busy while a region has not answered');
    assert.ok(!early.includes(line(late, slow)), `the ${slow} match has not arrived yet`);
    assert.match(results.currentTitle, /^Find images: 1 image found so far \([1-5] of 6 searches answered\)$/);

    const all = await results.complete();
    assert.ok(!results.busy, 'no longer busy once every region has answered');
    assert.equal(results.currentTitle, 'Find images: 2 images found');
    assert.ok(all.includes(line(quick, fast)) && all.includes(line(late, slow)), all.join(' | '));
    assert.deepEqual(results.headings(), ['Not searched']);
    for (const scope of ['owned', 'shared']) {
      assert.ok(all.some((i) => i.startsWith(`$(warning) ${denied} (${scope}) — Access denied: the default credential chain is not allowed to call ec2:DescribeImages in ${denied}`)),
        all.join(' | '));
    }

    await results.pick(late.name);
    const found = await running as { imageId: string }[];
    assert.deepEqual(found.map((f) => f.imageId).sort(), [quick.imageId, late.imageId].sort());
    const selected = api.images.view.selection.filter(isImageNode).map((n) => n.imageId);
    assert.deepEqual(selected, [late.imageId], 'the pick is revealed in the Images view');
  });

  it('can be answered before every region has: the search still running stops, and what was listed is returned', async () => {
    const project = `FindEarly-${Date.now()}`;
    const quick = await registerTestImage({ region: fast, prefix: 'find-early', tags: { Project: project } });
    // A region the views do not show, so that only the search asks it anything.
    const hung = 'af-south-1';
    await setFaults(endpoint, [{ fault: 'hang', region: hung, service: 'ec2', action: 'DescribeImages' }]);
    const ui = script();
    const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.findImages', { tags: { Project: project }, regions: [fast, hung] }));
    const results = await ui.next(/^Find images: /);
    await results.itemsWhen((items) => items.includes(line(quick, fast)), `the match in ${fast}`);
    assert.ok(results.busy);
    await results.cancel();
    assert.deepEqual(await running, [{ imageId: quick.imageId, region: fast, name: quick.name, state: 'available' }]);
    // The hung request was given up: the proxy sees its connection close.
    const deadline = Date.now() + 3_000; // well before the SDK gives up an attempt itself (10 s)
    assert.ok(((await faultStats(endpoint)).regions[hung]?.injected ?? 0) > 0, `the search in ${hung} was held`);
    while (((await faultStats(endpoint)).regions[hung]?.inFlight ?? 0) > 0) {
      assert.ok(Date.now() < deadline, `the search in ${hung} was aborted when the pick closed`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('says when nothing matches, in the list itself', async () => {
    const ui = script();
    const running = ui.run(() => vscode.commands.executeCommand('amiExplorer.findImages', { namePattern: `no-such-image-${Date.now()}`, regions: [fast] }));
    const results = await ui.next(/^Find images: /);
    assert.deepEqual(await results.complete(), ['No owned or shared image matches']);
    assert.equal(results.currentTitle, 'Find images: 0 images found');
    await results.cancel();
    assert.deepEqual(await running, []);
  });

  it('the API waits for every region and returns the whole list; a second search asks EC2 for no region list', async () => {
    const project = `FindApi-${Date.now()}`;
    const a = await registerTestImage({ region: fast, prefix: 'find-api', tags: { Project: project } });
    const b = await registerTestImage({ region: slow, prefix: 'find-api', tags: { Project: project } });
    await setFaults(endpoint, [{ fault: 'latency', region: slow, service: 'ec2', action: 'DescribeImages', delayMs: 1_000 }]);
    await doors.findImages({ tags: { Project: project }, regions: [fast, slow] });
    const describeRegions = async () => Object.values((await faultStats(endpoint)).regions).reduce((n, r) => n + (r.actions.DescribeRegions?.seen ?? 0), 0);
    const before = await describeRegions();
    const found = await doors.findImages({ tags: { Project: project }, regions: [fast, slow] });
    assert.deepEqual(found.map((f) => f.imageId).sort(), [a.imageId, b.imageId].sort());
    assert.equal(await describeRegions(), before, 'the regions were checked against the list already read');
    await assert.rejects(doors.findImages({ tags: { Project: project }, regions: ['eu-north-9'] }), /eu-north-9 is not an AWS region this account knows/);
  });

  it('the API rejects, naming the regions, when a region could not be searched and nothing was found elsewhere', async () => {
    await setFaults(endpoint, [{ fault: 'UnauthorizedOperation', region: denied, service: 'ec2', action: 'DescribeImages' }]);
    await assert.rejects(doors.findImages({ namePattern: `nothing-${Date.now()}`, regions: [fast, denied] }),
      new RegExp(`Nothing matched where the search ran, but some regions could not be searched: ${denied} \\(owned\\): Access denied`));
    await assert.rejects(doors.findImages({ namePattern: 'x*', regions: [denied] }), new RegExp(`No region could be searched: ${denied} \\(owned\\)`));
  });
});
