import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { at } from '../must';
import { childByLabel, description, extensionApi, label, setting, type TestingApi } from './helpers';
import { noticeOf } from './prompts';
import { ownedImages, tag } from './ec2';

async function rootsOf(api: TestingApi): Promise<ExplorerNode[]> {
  api.images.provider.refresh();
  return api.images.provider.getChildren();
}

describe('Images view', () => {
  let api: TestingApi;
  before(async () => {
    api = await extensionApi();
    await setting('groupByTag', 'Project');
    await setting('pageSize', 100);
  });

  it('shows one node per configured region', async () => {
    const roots = await rootsOf(api);
    assert.deepEqual(roots.map(label), ['us-east-1', 'eu-west-1', 'ap-southeast-2']);
    assert.equal(api.isSdkLoaded(), true);
  });

  it('splits a region into owned, shared, the public catalog and the Recycle Bin (collapsed)', async () => {
    const useast = at(await rootsOf(api), 0, 'the us-east-1 node');
    const children = await useast.getChildren();
    assert.deepEqual(children.map(label), ['Owned by me', 'Shared with me', 'Public catalog', 'Recycle Bin']);
    assert.equal(at(children, 3, 'the Recycle Bin node').getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
  });

  it('groups owned images by Project tag with counts, untagged last', async () => {
    const euwest = at(await rootsOf(api), 1, 'the eu-west-1 node');
    const truth = await ownedImages('eu-west-1');
    const owned = await childByLabel(euwest, /^Owned by me/);
    const groups = await owned.getChildren();
    const expected = new Map<string, number>();
    for (const image of truth) {
      const key = tag(image, 'Project') ?? '';
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const labels = groups.map(label);
    for (const [project, count] of expected) {
      const want = project ? `Project: ${project} (${count})` : `No "Project" tag (${count})`;
      assert.ok(labels.includes(want), `"${want}" in ${labels.join(' | ')}`);
    }
    if (expected.has('')) {
      assert.match(at(labels, labels.length - 1, 'group'), /^No "Project" tag/);
    }
    assert.match(label(owned), new RegExp(`^Owned by me \\(${truth.length}\\)$`));
  });

  it('lists a group\'s images newest first with id and age, and a tooltip with details', async () => {
    const useast = at(await rootsOf(api), 0, 'the us-east-1 node');
    const owned = await childByLabel(useast, /^Owned by me/);
    const group = await childByLabel(owned, /^Project: PetTracker/);
    const images = await group.getChildren();
    assert.ok(images.length >= 2, 'PetTracker has several versions');
    const truth = (await ownedImages('us-east-1')).filter((i) => tag(i, 'Project') === 'PetTracker')
      .sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? '') || (a.Name ?? '').localeCompare(b.Name ?? ''));
    assert.deepEqual(images.map(label), truth.map((i) => i.Name));
    assert.match(description(at(images, 0, 'the first image')), new RegExp(`^${at(truth, 0, 'the newest image').ImageId}`));
    // An owned image's tooltip is completed as it shows, with when it last launched.
    const item = await api.images.provider.resolveTreeItem(at(images, 0, 'the first image').getTreeItem(), at(images, 0, 'the first image'), new vscode.CancellationTokenSource().token);
    const tooltip = item?.tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /\| Architecture \| /);
    assert.match(tooltip.value, /\| Last launched \| /);
    assert.match(tooltip.value, /Project = PetTracker/);
    assert.match(images[0]!.getTreeItem().contextValue ?? '', /^image owned available/);
  });

  it('without a tag key, lists images directly', async () => {
    await setting('groupByTag', '');
    try {
      const euwest = at(await rootsOf(api), 1, 'the eu-west-1 node');
      const owned = await childByLabel(euwest, /^Owned by me/);
      const children = await owned.getChildren();
      assert.ok(children.every((c) => /^image /.test(c.getTreeItem().contextValue ?? '')), children.map(label).join(' | '));
    } finally {
      await setting('groupByTag', 'Project');
    }
  });

  it('pages: one page at a time, then "Load more…" appends the next', async () => {
    await setting('pageSize', 20);
    try {
      const useast = at(await rootsOf(api), 0, 'the us-east-1 node');
      const owned = await childByLabel(useast, /^Owned by me/);
      const first = await owned.getChildren();
      assert.equal(label(at(first, first.length - 1, 'node under Owned by me')), 'Load more…');
      assert.equal(label(owned), 'Owned by me (20+)');
      await vscode.commands.executeCommand('amiExplorer.loadMore', at(first, first.length - 1, 'node under Owned by me'));
      assert.match(label(owned), /^Owned by me \((40\+|\d+)\)$/);
      const total = (await ownedImages('us-east-1')).length;
      assert.ok(total > 40, 'the sandbox holds more than two pages of owned images in us-east-1');
      assert.equal(label(owned), 'Owned by me (40+)');
    } finally {
      await setting('pageSize', 100);
    }
  });

  it('shows images other accounts shared with us under "Shared with me"', async () => {
    const useast = at(await rootsOf(api), 0, 'the us-east-1 node');
    const shared = await childByLabel(useast, /^Shared with me/);
    const children = await shared.getChildren();
    const images = (await Promise.all(children.map((c) => c.getChildren().then((cc) => (cc.length ? cc : [c]))))).flat();
    const contexts = images.map((i) => i.getTreeItem().contextValue ?? '');
    assert.ok(contexts.some((c) => /^image shared /.test(c)), `a shared image among ${images.map(label).join(' | ')}`);
  });

  it('the public catalog lists saved searches and their newest matches', async () => {
    const useast = at(await rootsOf(api), 0, 'the us-east-1 node');
    const catalog = await childByLabel(useast, /^Public catalog$/);
    const search = await childByLabel(catalog, /^Amazon Linux 2023 \(x86_64\), latest$/);
    const images = await search.getChildren();
    assert.ok(images.length >= 1, 'at least one Amazon Linux 2023 image');
    assert.match(label(images[0]!), /^al2023-ami-2023\..*-x86_64$/);
    const dates = images.map((i) => (i as unknown as { image: { creationDate?: string } }).image.creationDate ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');
  });

  it('the filter narrows server-side and shows itself in the view title', async () => {
    const result = await vscode.commands.executeCommand('amiExplorer.filter', { namePattern: 'pettracker-*' });
    try {
      assert.equal((result as { namePattern?: string }).namePattern, 'pettracker-*');
      assert.equal(api.images.view.description, 'Filter: name: pettracker-*');
      const useast = at(await rootsOf(api), 0, 'the us-east-1 node');
      const owned = await childByLabel(useast, /^Owned by me/);
      const groups = await owned.getChildren();
      assert.deepEqual(groups.map(label).map((l) => l.replace(/ \(\d+\)$/, '')), ['Project: PetTracker']);
    } finally {
      await vscode.commands.executeCommand('amiExplorer.filter', { });
    }
    assert.equal(api.images.view.description, undefined);
  });

  it('rejects a bad filter with a message and keeps the current one', async () => {
    assert.match(await noticeOf(api, () => vscode.commands.executeCommand('amiExplorer.filter', { architectures: ['sparc'] })), /architectures must be a list of: x86_64, arm64/);
    assert.equal(api.images.view.description, undefined);
  });
});
