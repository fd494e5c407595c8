// What EC2 knows about an image beyond its description — when it last launched, whether the account's Allowed AMIs
// settings allow it, where it came from — in the details page, tree tooltips, hovers and problems; and the links
// to the console and ARNs.
import * as assert from 'node:assert/strict';
import {
  CopyImageCommand, CreateImageCommand, DisableAllowedImagesSettingsCommand, EC2Client, EnableAllowedImagesSettingsCommand,
  ModifyImageAttributeCommand, ReplaceImageCriteriaInAllowedImagesSettingsCommand,
} from '@aws-sdk/client-ec2';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { htmlText } from '../htmlSafety';
import { at, must } from '../must';
import { shown } from '../markdownSafety';
import { hoverAt, problemsWhen as problemsUntil } from './editorQueries';
import { extensionApi, manifest, ownedScope, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { noticeOf } from './prompts';
import { ec2, registerTestImage } from './ec2';
import { runTestInstance } from './ec2Instances';

const region = 'ap-northeast-2';
const copyRegion = 'eu-central-1';
const allowedRegion = 'ca-central-1';
const vendor = '333344445555';
const stranger = '666677778888';

/** EC2 as another account: its public images are genuinely someone else's. */
function asAccount(account: string, r: string): EC2Client {
  const client = new EC2Client({ region: r, endpoint: process.env.AWS_ENDPOINT_URL_EC2 });
  client.middlewareStack.add((next) => (args) => {
    (args.request as { headers: Record<string, string> }).headers['x-moto-account-id'] = account;
    return next(args);
  }, { step: 'build', name: 'sandboxAccount' });
  return client;
}

async function publicImageOf(account: string, prefix: string): Promise<string> {
  const client = asAccount(account, allowedRegion);
  const { imageId } = await registerTestImage({ region: allowedRegion, client, prefix });
  await client.send(new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: [{ Group: 'all' }] } }));
  client.destroy();
  return imageId;
}

async function openDoc(content: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'terraform', content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

const hoverText = (doc: vscode.TextDocument, id: string) => hoverAt(doc.uri, doc.positionAt(doc.getText().indexOf(id) + 2));

/** The hover once its last-launch line is read (a slow read says "hover again", as it tells a person). */
async function settledHover(doc: vscode.TextDocument, id: string): Promise<string> {
  let text = await hoverText(doc, id);
  for (let tries = 0; /still being read/.test(text) && tries < 20; tries++) {
    await new Promise((r) => setTimeout(r, 100));
    text = await hoverText(doc, id);
  }
  return text;
}

const problemsWhen = (uri: vscode.Uri, ready: (d: vscode.Diagnostic[]) => boolean) => problemsUntil(uri, ready, 30_000);

describe('image facts: last launched, Allowed AMIs, lineage and links', () => {
  let api: TestingApi;
  let account: string;
  restoreSettingAfter('regions');
  restoreSettingAfter('code.regions');

  before(async () => {
    api = await extensionApi();
    account = (await api.aws.accountId())!;
    await setting('regions', ['us-east-1', 'eu-west-1', region, copyRegion, allowedRegion]);
    await setting('code.regions', 'explorer');
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  /** The page's text, on one line. */
  const pageOf = (imageId: string, r: string) => htmlText(api.details.htmlOf({ imageId, region: r }) ?? '').replace(/\s+/g, ' ');

  describe('last launched', () => {
    it('is "never" until the image launches, then its date, in the page, the tree\'s tooltip and the hover', async () => {
      const img = await registerTestImage({ region, prefix: 'facts-launch' });
      await vscode.commands.executeCommand('amiExplorer.showDetails', { imageId: img.imageId, region });
      assert.match(pageOf(img.imageId, region), /Last launched never/);
      const doc = await openDoc(`ami = "${img.imageId}"\n`);
      assert.match(await settledHover(doc, img.imageId), /\| Last launched \| never \|/);

      await runTestInstance(region, img.imageId, { Name: 'facts-launch' });
      const today = new Date().toISOString().slice(0, 10);
      await vscode.commands.executeCommand('amiExplorer.refresh');
      await api.details.settled({ imageId: img.imageId, region });
      assert.match(pageOf(img.imageId, region), new RegExp(`Last launched ${today} \\d\\d:\\d\\d UTC \\(just now\\)`));
      assert.match(await settledHover(doc, img.imageId), new RegExp(`\\| Last launched \\| ${today} \\d\\d:\\d\\d UTC \\(just now\\) \\|`));

      const owned = await ownedScope(api, region);
      const node = await owned.nodeFor(img.imageId) as ExplorerNode;
      assert.ok(node, 'the image is in the tree');
      const item = node.getTreeItem();
      const resolved = await api.images.provider.resolveTreeItem(item, node, new vscode.CancellationTokenSource().token);
      const tooltip = shown((resolved?.tooltip as vscode.MarkdownString | undefined)?.value ?? '');
      assert.match(tooltip, new RegExp(`\\| Last launched \\| ${today} \\d\\d:\\d\\d UTC \\(just now\\) \\|`));
    });

    it('of an image that never launched, the tree asks only when its tooltip shows', async () => {
      const img = await registerTestImage({ region, prefix: 'facts-never' });
      api.images.refreshRegion(region);
      const owned = await ownedScope(api, region);
      const node = await owned.nodeFor(img.imageId) as ExplorerNode;
      const item = node.getTreeItem();
      assert.equal(item.tooltip, undefined, 'not read for the list');
      const resolved = await api.images.provider.resolveTreeItem(item, node, new vscode.CancellationTokenSource().token);
      assert.match(shown((resolved?.tooltip as vscode.MarkdownString).value), /\| Last launched \| never \|[\s\S]*\| Free tier \| eligible \|/);
    });
  });

  describe('in hovers', () => {
    it('a copy\'s hover names its source, boot mode and free-tier eligibility', async () => {
      const images = (manifest() as { images: Record<string, string> }).images;
      const copy = must(images.petTrackerLatestEu, 'sandbox image petTrackerLatestEu');
      const doc = await openDoc(`ami = "${copy}"\n`);
      const text = await settledHover(doc, copy);
      assert.ok(text.includes(`| Copied from | ${images.petTrackerLatest} (us-east-1) |`), text);
      assert.match(text, /\| Boot mode \| uefi-preferred \|/);
      assert.match(text, /\| Free tier \| eligible \|/);
      assert.match(text, /\| Last launched \| (never|\d{4}-\d\d-\d\d \d\d:\d\d UTC \(.+\)) \|/);
    });
  });

  describe('lineage', () => {
    it('a copy shows its source, and the image made from an instance shows the instance\'s image; each link reveals its image', async () => {
      const base = await registerTestImage({ region, prefix: 'facts-base' });
      const instanceId = await runTestInstance(region, base.imageId, { Name: 'facts-builder' });
      const { ImageId: baked } = await ec2(region).send(new CreateImageCommand({ InstanceId: instanceId, Name: `facts-baked-${Date.now()}` }));
      const { ImageId: copy } = await ec2(copyRegion).send(new CopyImageCommand({ SourceImageId: baked, SourceRegion: region, Name: `facts-copy-${Date.now()}` }));
      await vscode.commands.executeCommand('amiExplorer.showDetails', { imageId: copy, region: copyRegion });
      const text = pageOf(copy!, copyRegion);
      assert.match(text, new RegExp(`This image: ${copy} in ${copyRegion} copied from ${baked} in ${region} facts-baked-\\d+ · available `
        + `made from instance ${instanceId}, launched from ${base.imageId} in ${region} ${base.name} · available`));
      assert.match(text, new RegExp(`Copied from ${baked} \\(${region}\\)`), 'the overview names the source');

      await api.details.receive({ imageId: copy!, region: copyRegion }, { type: 'reveal', link: 1 });
      const selected = api.images.view.selection.map((n) => n.getTreeItem());
      assert.equal(selected.length, 1);
      assert.equal(selected[0]?.label, base.name, 'the instance\'s image is revealed in the Images view');
    });
  });

  describe('Allowed AMIs', () => {
    let allowedId: string;
    let strangerId: string;
    before(async () => {
      allowedId = await publicImageOf(vendor, 'facts-vendor');
      strangerId = await publicImageOf(stranger, 'facts-stranger');
      await ec2(allowedRegion).send(new ReplaceImageCriteriaInAllowedImagesSettingsCommand({ ImageCriteria: [{ ImageProviders: [vendor] }] }));
      await ec2(allowedRegion).send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: 'audit-mode' }));
      await vscode.commands.executeCommand('amiExplorer.refresh');
    });
    after(async () => {
      await ec2(allowedRegion).send(new DisableAllowedImagesSettingsCommand({}));
      await ec2(allowedRegion).send(new ReplaceImageCriteriaInAllowedImagesSettingsCommand({ ImageCriteria: [] }));
      await vscode.commands.executeCommand('amiExplorer.refresh');
    });

    it('an id in code that the criteria do not allow is a problem; an allowed one is not', async () => {
      const doc = await openDoc(`allowed = "${allowedId}"\nstranger = "${strangerId}"\n`);
      const problems = await problemsWhen(doc.uri, (d) => d.some((p) => p.code === 'not-allowed'));
      const notAllowed = problems.filter((p) => p.code === 'not-allowed');
      assert.equal(notAllowed.length, 1, problems.map((p) => p.message).join('\n'));
      const problem = at(notAllowed, 0, 'the not-allowed problem');
      assert.equal(problem.range.start.line, 1, 'on the stranger\'s id');
      assert.equal(problem.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(problem.message, new RegExp(`^${strangerId} \\(facts-stranger-[\\d-]+\\) is not allowed by this account's Allowed AMIs settings in ${allowedRegion}: launches fail once they are enforced`));
      assert.match(await hoverText(doc, strangerId), /\| Allowed AMIs \| not allowed by this account's criteria \|/);
      assert.match(await hoverText(doc, allowedId), /\| Allowed AMIs \| allowed \|/);
    });

    it('the page says what the state means and lists the criteria', async () => {
      await vscode.commands.executeCommand('amiExplorer.showDetails', { imageId: strangerId, region: allowedRegion });
      const text = pageOf(strangerId, allowedRegion);
      assert.match(text, /Not allowed: launches still work in audit mode, but fail once Allowed AMIs is enabled\./);
      assert.match(text, new RegExp(`State: audit-mode\\. Your account's own images are always allowed\\. Criteria: Images from ${vendor}`));
      assert.match(text, /They belong to the image's owner, who pays for their storage\./, 'no estimate for another account\'s snapshots');
      assert.match(text, /Last launched only the image's owner can see it/);
    });

    it('enforced, the image cannot be found: "not found" says Allowed AMIs may hide it', async () => {
      await ec2(allowedRegion).send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: 'enabled' }));
      await vscode.commands.executeCommand('amiExplorer.refresh');
      try {
        const doc = await openDoc(`stranger = "${strangerId}"\n`);
        const [problem] = await problemsWhen(doc.uri, (d) => d.some((p) => p.code === 'not-found'));
        assert.match(problem?.message ?? '', /hidden by this account's Allowed AMIs settings/);
      } finally {
        await ec2(allowedRegion).send(new EnableAllowedImagesSettingsCommand({ AllowedImagesSettingsState: 'audit-mode' }));
      }
    });
  });

  describe('links', () => {
    it('Copy ARN, from the tree, for an image and an instance', async () => {
      const img = await registerTestImage({ region, prefix: 'facts-arn' });
      const instanceId = await runTestInstance(region, img.imageId, { Name: 'facts-arn' });
      api.images.refreshRegion(region);
      const node = await (await ownedScope(api, region)).nodeFor(img.imageId);
      assert.equal(await vscode.commands.executeCommand('amiExplorer.copyArn', node, [node]), `arn:aws:ec2:${region}::image/${img.imageId}`);
      assert.equal(await vscode.env.clipboard.readText(), `arn:aws:ec2:${region}::image/${img.imageId}`);

      api.instances.refreshRegion(region);
      await api.instances.provider.getChildren();
      const regionNode = api.instances.regions.find((r) => r.region === region);
      const instanceNode = await regionNode?.nodeFor(instanceId);
      assert.ok(instanceNode, 'the instance is in the Instances view');
      await vscode.commands.executeCommand('amiExplorer.copyArn', instanceNode, [instanceNode]);
      assert.equal(await vscode.env.clipboard.readText(), `arn:aws:ec2:${region}:${account}:instance/${instanceId}`);
      assert.equal(await vscode.commands.executeCommand('amiExplorer.copyArn', { instanceId, region }), `arn:aws:ec2:${region}:${account}:instance/${instanceId}`);
    });

    it('Open in AWS Console says when a partition has no public console, and opens nothing', async () => {
      const told = await noticeOf(api, () => vscode.commands.executeCommand('amiExplorer.openInConsole', { imageId: 'ami-0123456789abcdef0', region: 'us-iso-east-1' }));
      assert.match(told, /us-iso-east-1 is in the aws-iso partition, whose console has no public address: open ami-0123456789abcdef0 from your own network's AWS console\./);
    });

    it('Copy ARN refuses a malformed instance id', async () => {
      await vscode.env.clipboard.writeText('untouched');
      assert.equal(await vscode.commands.executeCommand('amiExplorer.copyArn', { instanceId: 'i-XYZ', region }), undefined);
      assert.equal(await vscode.env.clipboard.readText(), 'untouched');
    });
  });
});
