// Who uses an image, in each place it shows: the "Used by" node under an owned image, Show Image Usage from the
// tree, the palette and a link, the imageUsage API, and the deregister summary. The suite's own image lives in
// eu-north-1 with an instance, a launch template, an SSM parameter and a workspace file naming it; the seeded
// pettracker-ml-v1.2 (us-east-1) is used by the account it is shared with, which an AMI usage report counts.
import * as assert from 'node:assert/strict';
import { CreateLaunchTemplateCommand, DescribeImageUsageReportsCommand } from '@aws-sdk/client-ec2';
import * as vscode from 'vscode';
import { clearFaults, faultStats, setFaults } from '../../sandbox/faults/client.mjs';
import { putImageParameter } from '../../sandbox/ssm.mjs';
import type { ImageUsage } from '../../src/api/amiExplorerApi';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { at, must } from '../must';
import { ec2, registerTestImage } from './ec2';
import { runTestInstance } from './ec2Instances';
import { description, extensionApi, label, manifest, ownedScope, publicApi, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { answerSummary } from './prompts';
import { WizardScript, wizardScripts } from './wizardScript';

interface Manifest {
  images: Record<string, string>;
  instances: Record<string, string>;
  usedByOtherAccounts: Record<string, Record<string, Record<string, number>>>;
}
const seeded = manifest() as unknown as Manifest;
const endpoint = process.env.AWS_ENDPOINT_URL_EC2 ?? process.env.AWS_ENDPOINT_URL ?? '';
const region = 'eu-north-1';

/** How many DescribeImageReferences calls reached the sandbox in `region` so far. */
async function referenceCalls(): Promise<number> {
  return (await faultStats(endpoint)).regions[region]?.actions.DescribeImageReferences?.seen ?? 0;
}

describe('Image usage', () => {
  let api: TestingApi;
  let account: string;
  const script = wizardScripts(() => api);
  restoreSettingAfter('regions');

  /** The suite's image and what uses it. */
  const used = { imageId: '', name: '', instanceId: '', templateId: '', templateName: '', parameter: '', file: vscode.Uri.file('/'), line: 0 };

  before(async () => {
    api = await extensionApi();
    account = (await api.aws.accountId())!;
    await setting('regions', ['us-east-1', region]);
    const image = await registerTestImage({ region, prefix: 'usage' });
    Object.assign(used, { imageId: image.imageId, name: image.name });
    used.instanceId = await runTestInstance(region, image.imageId, { Name: 'usage-api-1' });
    used.templateName = `usage-web-${Date.now()}`;
    const { LaunchTemplate } = await ec2(region).send(new CreateLaunchTemplateCommand({
      LaunchTemplateName: used.templateName, LaunchTemplateData: { ImageId: image.imageId, InstanceType: 't3.micro' },
    }));
    used.templateId = LaunchTemplate!.LaunchTemplateId!;
    used.parameter = `/golden/usage-${Date.now()}`;
    await putImageParameter(endpoint, { region, name: used.parameter, imageId: image.imageId });
    const folder = must(vscode.workspace.workspaceFolders?.[0], 'the sample workspace folder').uri;
    used.file = vscode.Uri.joinPath(folder, 'infra', 'usage', `${image.name}.tf`);
    used.line = 3;
    await vscode.workspace.fs.writeFile(used.file, Buffer.from(`# The suite's own image\nresource "aws_instance" "api" {\n  ami = "${image.imageId}"\n}\n`));
  });

  after(async () => {
    await clearFaults(endpoint);
    await vscode.workspace.fs.delete(used.file).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function usedByNode(): Promise<ExplorerNode> {
    api.images.refreshRegion(region);
    const node = await (await ownedScope(api, region)).nodeFor(used.imageId);
    assert.ok(node, 'the image is listed under Owned by me');
    assert.equal(node.getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'an owned image expands');
    const [child, ...others] = await node.getChildren();
    assert.ok(child && !others.length, 'one child');
    assert.equal(label(child), 'Used by');
    return child;
  }

  describe('the "Used by" node', () => {
    it('looks nothing up until expanded, then counts each kind and names each resource', async () => {
      const before = await referenceCalls();
      const node = await usedByNode();
      assert.equal(await referenceCalls(), before, 'listing the image asks nothing about its usage');

      const kinds = await node.getChildren();
      assert.equal(await referenceCalls(), before + 1, 'expanding asks once');
      assert.deepEqual(kinds.map(label), ['Instances (1)', 'Launch templates (1)', 'SSM parameters (1)', 'Workspace files (1)']);
      assert.equal(description(node), '1 instance, 1 launch template and 1 SSM parameter, 1 file');
      const items = await Promise.all(kinds.map((k) => k.getChildren()));
      assert.deepEqual(items.map((list) => list.map((i) => `${label(i)} ${description(i)}`.trim())), [
        [`usage-api-1 ${used.instanceId}`],
        [`${used.templateName} ${used.templateId}`],
        [used.parameter],
        [`infra/usage/${used.name}.tf:${used.line}`],
      ]);
      const fileItem = must(items[3]?.[0], 'the workspace file under Workspace files').getTreeItem();
      assert.equal(fileItem.command?.command, 'vscode.open', 'a click opens the file');
      await node.getChildren();
      assert.equal(await referenceCalls(), before + 1, 'kept until refreshed');
    });

    it('shows a failed lookup as an error, never as unused, and does not mark the region denied', async () => {
      const node = await usedByNode();
      await setFaults(endpoint, [{ fault: 'UnauthorizedOperation', region, action: 'DescribeImageReferences' }]);
      try {
        const children = await node.getChildren();
        assert.match(label(at(children, 0, 'a node under Used by')), /^Access denied: the default credential chain is not allowed to call ec2:DescribeImageReferences in eu-north-1\.$/);
        assert.ok(!children.some((c) => /Nothing/.test(label(c))), 'never "nothing uses it"');
        assert.equal(description(node), 'could not check, 1 file');
        assert.ok(!api.aws.deniedRegions().has(region), 'other reads of the region go on');
      } finally {
        await clearFaults(endpoint);
      }
      await vscode.commands.executeCommand('amiExplorer.refresh', node);
      assert.deepEqual((await node.getChildren()).map(label), ['Instances (1)', 'Launch templates (1)', 'SSM parameters (1)', 'Workspace files (1)'], 'refresh asks again');
    });

    it('says so when nothing uses an image, and is absent under images of other accounts', async () => {
      const lonely = await registerTestImage({ region, prefix: 'usage-lonely' });
      api.images.refreshRegion(region);
      const node = await (await ownedScope(api, region)).nodeFor(lonely.imageId);
      const usedBy = at(await node!.getChildren(), 0, 'the Used by node');
      assert.deepEqual((await usedBy.getChildren()).map(label), ['Nothing in this account uses it', 'No workspace file mentions it']);

      await api.images.provider.getChildren();
      const east = api.images.regions.find((r) => r.region === 'us-east-1')!;
      await east.shared.getChildren();
      const shared = await east.shared.nodeFor(must(seeded.images.sharedWithMe, 'sandbox image sharedWithMe'));
      assert.ok(shared);
      assert.equal(shared.getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.None);
      assert.deepEqual(await shared.getChildren(), []);
    });
  });

  describe('Show Image Usage', () => {
    const expectedUsage = (): ImageUsage => ({
      references: [
        { resourceType: 'ec2:Instance', arn: `arn:aws:ec2:${region}:${account}:instance/${used.instanceId}` },
        { resourceType: 'ec2:LaunchTemplate', arn: `arn:aws:ec2:${region}:${account}:launch-template/${used.templateId}` },
        { resourceType: 'ssm:Parameter', arn: `arn:aws:ssm:${region}:${account}:parameter${used.parameter}` },
      ],
      files: [{ path: used.file.fsPath, line: used.line }],
    });

    it('from the palette: asks the id and region, lists the usage by kind, and opens a file at its line', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const ui = script();
      const running = ui.run(() => vscode.commands.executeCommand<ImageUsage>('amiExplorer.showImageUsage'));
      await (await ui.next('Image: id')).enter(used.imageId);
      await (await ui.next(`Image: region of ${used.imageId}`)).pick(region);
      const list = await ui.next(`Image usage: ${used.name} (${used.imageId}, ${region})`);
      assert.deepEqual(list.headings(), ['Instances (1)', 'Launch templates (1)', 'SSM parameters (1)', 'Other accounts', 'Workspace files (1)']);
      const items = list.items();
      assert.ok(items.includes(`usage-api-1 — ${used.instanceId}`), items.join(' | '));
      assert.ok(items.includes(`${used.templateName} — ${used.templateId}`));
      assert.ok(items.includes(used.parameter));
      assert.ok(items.some((i) => i.startsWith('Create a usage report…') || i.startsWith('$(graph) Create a usage report…')), 'offers a report on its own image');
      await list.pick(`infra/usage/${used.name}.tf:${used.line}`);
      assert.deepEqual(await running, expectedUsage());
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), used.file.toString());
      assert.equal(editor?.selection.active.line, used.line - 1);
      ui.assertNoMoreSteps();
    });

    it('from the tree and from a link, the same list; Escape changes nothing', async () => {
      const node = await usedByNode();
      for (const arg of [node, { imageId: used.imageId, region }]) {
        // One script per command: a script follows one command to its end.
        const ui = new WizardScript(api);
        try {
          const running = ui.run(() => vscode.commands.executeCommand<ImageUsage>('amiExplorer.showImageUsage', arg));
          const list = await ui.next(/^Image usage: /);
          assert.ok(list.items().includes(`usage-api-1 — ${used.instanceId}`));
          await list.cancel();
          assert.deepEqual(await running, expectedUsage());
        } finally {
          ui.dispose();
        }
      }
    });

    it('the API answers { references, accounts?, files } and refuses bad input', async () => {
      const doors = await publicApi();
      assert.deepEqual(await doors.imageUsage({ imageId: used.imageId, region }), expectedUsage());
      const cases: [unknown, RegExp][] = [
        [{ imageId: used.imageId }, /region/i],
        [{ imageId: used.imageId, region, accounts: true }, /Unknown option "accounts"/],
        [{ imageId: 'ami-nope', region }, /"ami-nope" is not an AMI id/],
        [{ imageId: used.imageId, region: 'eu-nowhere-7' }, /eu-nowhere-7 is not an AWS region this account knows/],
        [{ imageId: 'ami-0123456789abcdef0', region }, /does not exist in eu-north-1/],
      ];
      for (const [input, message] of cases) {
        await assert.rejects(doors.imageUsage(input as never), message, JSON.stringify(input));
      }
      await setFaults(endpoint, [{ fault: 'UnauthorizedOperation', region, action: 'DescribeImageReferences' }]);
      try {
        await assert.rejects(doors.imageUsage({ imageId: used.imageId, region }), /Could not check what uses .* ec2:DescribeImageReferences/);
      } finally {
        await clearFaults(endpoint);
      }
    });

    it('other accounts: a usage report only on request, after a summary; then counted per account, and read by the API', async () => {
      const imageId = must(seeded.images.petTrackerLatest, 'sandbox image petTrackerLatest');
      const reports = async () => (await ec2('us-east-1').send(new DescribeImageUsageReportsCommand({ ImageIds: [imageId] }))).ImageUsageReports ?? [];
      const before = (await reports()).length;
      const doors = await publicApi();
      const usage = await doors.imageUsage({ imageId, region: 'us-east-1' });
      assert.equal(usage.accounts, undefined, 'no report, no accounts: the API creates none');
      assert.ok(usage.references.some((r) => r.arn.endsWith(`instance/${seeded.instances.petTrackerApi}`)));
      assert.ok(usage.files.some((f) => f.path.endsWith('main.tf') && f.line === 16), JSON.stringify(usage.files));
      assert.equal((await reports()).length, before);

      const ui = script();
      const running = ui.run(() => vscode.commands.executeCommand<ImageUsage>('amiExplorer.showImageUsage', { imageId, region: 'us-east-1' }));
      let list = await ui.next(/^Image usage: pettracker-ml-v1\.2/);
      await list.pick(/Create a usage report…/);
      const declined = await ui.summary();
      assert.match(declined.text, /Create a usage report on pettracker-ml-v1\.2/);
      assert.match(declined.text, new RegExp(`Account: ${account}`));
      await declined.cancel();
      list = await ui.next(/^Image usage: pettracker-ml-v1\.2/);
      assert.equal((await reports()).length, before, 'declined: no report');
      await list.pick(/Create a usage report…/);
      await (await ui.summary()).accept();
      list = await ui.next(/^Image usage: pettracker-ml-v1\.2/);
      const elsewhere = must(seeded.usedByOtherAccounts[imageId], 'the seeded use by other accounts');
      const friend = must(Object.keys(elsewhere)[0], 'the other account');
      assert.ok(list.headings().includes('Other accounts (1)'), list.headings().join(' | '));
      assert.ok(list.items().includes(`${friend} — 2 instances and 1 launch template`), list.items().join(' | '));
      await list.cancel();
      const shown = await running;
      assert.deepEqual(shown?.accounts, [{ accountId: friend, resources: elsewhere[friend] }]);
      assert.equal((await reports()).length, before + 1, 'one report');
      assert.deepEqual((await doors.imageUsage({ imageId, region: 'us-east-1' })).accounts, shown?.accounts, 'the API reads the report');
    });
  });

  describe('the deregister summary', () => {
    it('names what EC2 says uses the image, with counts, and keeps it registered when cancelled', async () => {
      const { summary } = await answerSummary(api, () => vscode.commands.executeCommand('amiExplorer.deregisterImage', { imageId: used.imageId, region, deleteSnapshots: false }), 'cancel');
      const text = [summary.title, ...summary.items].join('\n');
      assert.ok(text.includes(`Deregisters ${used.name} (${used.imageId}, ${region}): used by 1 instance (usage-api-1), 1 launch template (${used.templateName}) and 1 SSM parameter (${used.parameter})`), text);
      assert.ok(text.includes('The 1 instance above keeps running, but no new instance can be launched from this image: the 1 launch template and 1 SSM parameter above will fail to launch'), text);
      assert.doesNotMatch(text, /launch templates that use it will fail/, 'no guess');
    });

    it('says it could not check, and why, when DescribeImageReferences is denied', async () => {
      await setFaults(endpoint, [{ fault: 'UnauthorizedOperation', region, action: 'DescribeImageReferences' }]);
      try {
        const { summary } = await answerSummary(api, () => vscode.commands.executeCommand('amiExplorer.deregisterImage', { imageId: used.imageId, region, deleteSnapshots: false }), 'cancel');
        const text = summary.items.join('\n');
        assert.ok(text.includes(`1 instance still runs from it (${used.instanceId}); could not check usage: Access denied`), text);
        assert.doesNotMatch(text, /nothing of this account/);
      } finally {
        await clearFaults(endpoint);
      }
    });
  });
});
