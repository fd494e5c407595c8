// Hostile text from a repository's settings, from another account's public image and from errors: whatever the
// text, the hover, the tree's tooltips, the status bar and error nodes show it inert, and link only to the
// commands on their allowlists.
import * as assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { CreateTagsCommand, EC2Client, ModifyImageAttributeCommand } from '@aws-sdk/client-ec2';
import * as vscode from 'vscode';
import { toAwsError } from '../../src/aws/errors';
import { hoverCommands } from '../../src/code/amiIdText';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { ErrorNode } from '../../src/explorer/nodes/messageNodes';
import { statusBarCommands } from '../../src/status/connectionStatusBar';
import { htmlFindings } from '../htmlSafety';
import { hostileParts, hostileTexts, markdownFindings, plainTextFindings, wrapHostile } from '../markdownSafety';
import { must } from '../must';
import { childByLabel, description, extensionApi, label, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { ec2, registerTestImage } from './ec2';

const impostor = '999988887777';
const hostile = hostileTexts.map(wrapHostile);

function tooltipOf(node: ExplorerNode): string {
  const tooltip = node.getTreeItem().tooltip;
  return typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '';
}

/** EC2 as another account: its public image is genuinely someone else's. */
function asAccount(account: string, region: string): EC2Client {
  const client = new EC2Client({ region, endpoint: process.env.AWS_ENDPOINT_URL_EC2 });
  client.middlewareStack.add((next) => (args) => {
    (args.request as { headers: Record<string, string> }).headers['x-moto-account-id'] = account;
    return next(args);
  }, { step: 'build', name: 'sandboxAccount' });
  return client;
}

async function waitFor(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  for (let waited = 0; !check() && waited < ms; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(check(), what);
}

describe('hostile text stays text', () => {
  let api: TestingApi;
  restoreSettingAfter('regions');
  restoreSettingAfter('publicCatalog.searches');
  restoreSettingAfter('code.regions');
  restoreSettingAfter('endpointUrl');
  before(async () => {
    api = await extensionApi();
  });

  it('the check catches hostile text left as it is', () => {
    for (const text of hostile) {
      assert.notDeepEqual(markdownFindings(text, hoverCommands), [], text);
    }
    assert.notDeepEqual(plainTextFindings(wrapHostile('$(verified-filled) Official')), []);
  });

  describe('in workspace settings', () => {
    const folder = must(vscode.workspace.workspaceFolders?.[0], 'the sample workspace folder').uri;
    const dotVscode = vscode.Uri.joinPath(folder, '.vscode').fsPath;
    const hadDotVscode = existsSync(dotVscode);
    const workspace = (key: string, value: unknown) =>
      vscode.workspace.getConfiguration('amiExplorer', folder).update(key, value, vscode.ConfigurationTarget.Workspace);
    const keys = ['profile', 'regions', 'groupByTag', 'publicCatalog.searches', 'code.regions'];

    before(async () => {
      await workspace('profile', hostile[0]);
      await workspace('regions', ['us-east-1', ...hostile]);
      await workspace('groupByTag', wrapHostile('$(verified-filled) Official'));
      await workspace('publicCatalog.searches', [
        { label: hostile[2], owners: [], name: '*' },
        { label: 'Amazon Linux', owners: [hostile[4]], name: hostile[5] },
      ]);
      await workspace('code.regions', hostile[6]);
    });
    after(async () => {
      for (const key of keys) {
        await workspace(key, undefined);
      }
      if (!hadDotVscode) {
        rmSync(dotVscode, { recursive: true, force: true });
      }
    });

    it('are ignored, each shown at the top of the Images view with an inert tooltip', async () => {
      api.images.provider.refresh();
      const roots = await api.images.provider.getChildren();
      const problems = roots.filter((r) => r.getTreeItem().contextValue === 'settingProblem');
      assert.deepEqual(roots.filter((r) => !problems.includes(r)).map(label), ['us-east-1'], 'only the valid region is shown');
      assert.deepEqual([...new Set(problems.map(label))].sort(), keys.map((k) => `Ignored setting: amiExplorer.${k}`).sort());
      // One node per hostile region, one for the profile, the tag key and code.regions, one per broken search.
      assert.equal(problems.length, hostile.length + 5);
      for (const node of problems) {
        const markdown = tooltipOf(node);
        assert.deepEqual(markdownFindings(markdown, []), [], markdown);
        assert.ok(hostileParts(markdown) >= 1, `the ignored value is quoted:\n${markdown}`);
      }
      assert.equal(api.aws.connection().profile, '', 'the profile is not used');
    });

    it('never reach the status bar', () => {
      api.statusBar.update();
      const { text, tooltip } = api.statusBar.shown;
      assert.equal(hostileParts(text) + hostileParts(tooltip), 0, `${text}\n${tooltip}`);
      assert.match(text, /^\$\(cloud\) default/);
      assert.deepEqual(markdownFindings(tooltip, statusBarCommands), []);
    });
  });

  describe('in another account\'s public image', () => {
    let imageId: string;
    before(async () => {
      const owner = asAccount(impostor, 'us-east-1');
      // EC2 names are limited to letters, digits, spaces and ( ) [ ] . / - ' @ _: hostile enough for a fake link.
      const image = await registerTestImage({
        region: 'us-east-1', client: owner, name: `Qzx9 [Amazon Linux 2023 (official)](verified) @amazon Qzx9 ${Date.now()}`,
        description: wrapHostile(hostileTexts.slice(0, 9).join('\n')),
      });
      imageId = image.imageId;
      await owner.send(new ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: [{ Group: 'all' }] } }));
      owner.destroy();
      // Tags on an image belong to the account that sets them: ours are the ones we see.
      await ec2('us-east-1').send(new CreateTagsCommand({
        Resources: [imageId],
        Tags: [...hostile.map((value, i) => ({ Key: `Note${i}`, Value: value })), { Key: hostile[2], Value: 'x' }],
      }));
      await setting('publicCatalog.searches', [{ label: 'Amazon Linux 2023 (official)', owners: [impostor], name: 'Qzx9 *' }]);
      await setting('code.regions', 'explorer');
    });

    it('a saved search and its images name the owner, and the image tooltip is inert', async () => {
      api.images.provider.refresh();
      const [useast] = (await api.images.provider.getChildren()).filter((r) => label(r) === 'us-east-1');
      assert.ok(useast, 'the us-east-1 node');
      const search = await childByLabel(await childByLabel(useast, /^Public catalog$/), /^Amazon Linux 2023 \(official\)$/);
      assert.equal(description(search), `owner ${impostor}`);
      const [node] = await search.getChildren();
      assert.ok(node, 'an image under the saved search');
      assert.match(description(node), new RegExp(`^${imageId} · .* · by ${impostor}$`));
      const markdown = tooltipOf(node);
      assert.deepEqual(markdownFindings(markdown, []), [], markdown);
      assert.ok(hostileParts(markdown) >= hostile.length + 2, `name, description and tags are shown:\n${markdown}`);
    });

    it('the hover links only to its allowlisted commands and shows the text inert', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `ami = "${imageId}"\n` });
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 9));
      const contents = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c);
      const markdown = contents.map((c) => c.value).join('\n');
      assert.match(markdown, new RegExp(`public · us\\\\-east\\\\-1`));
      assert.deepEqual(markdownFindings(markdown, hoverCommands), [], markdown);
      assert.ok(hostileParts(markdown) >= hostile.length + 2, `name, description and tags are shown:\n${markdown}`);
      for (const m of markdown.matchAll(/\]\(command:([\w.]+)/g)) {
        assert.ok((hoverCommands as readonly string[]).includes(m[1]!), m[1]);
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('the details page shows the text inert, under a policy that runs only its own script', async () => {
      await vscode.commands.executeCommand('amiExplorer.showDetails', { imageId, region: 'us-east-1' });
      const html = api.details.htmlOf({ imageId, region: 'us-east-1' }) ?? '';
      assert.deepEqual(htmlFindings(html), [], html);
      assert.ok(hostileParts(html) >= hostile.length + 2, `name, description and tags are shown:\n${html}`);
      // Its buttons are the ones anybody may use on another account's image.
      assert.deepEqual([...html.matchAll(/data-action="(\w+)"/g)].map((m) => m[1]), ['launch', 'copy', 'copyId', 'copyArn', 'console', 'reveal']);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  });

  describe('in the status bar and error nodes', () => {
    it('the status bar shows the account next to the profile, and an endpoint in its tooltip inert', async () => {
      await waitFor('the account id is shown', () => api.statusBar.shown.text.includes('(123456789012)'));
      try {
        await setting('endpointUrl', wrapHostile('http://127.0.0.1:9/[Open](command:amiExplorer.deregisterImage) $(verified-filled)'));
        await waitFor('the endpoint is shown', () => hostileParts(api.statusBar.shown.tooltip) === 1);
        const { text, tooltip } = api.statusBar.shown;
        assert.deepEqual(plainTextFindings(text), []);
        assert.deepEqual(markdownFindings(tooltip, statusBarCommands), [], tooltip);
        assert.deepEqual([...tooltip.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]), statusBarCommands);
      } finally {
        await setting('endpointUrl', undefined);
      }
    });

    it('error nodes show any error text inert', () => {
      for (const text of hostile) {
        const error = toAwsError(Object.assign(new Error(text), { name: 'InvalidParameterValue' }), { action: 'DescribeImages', region: 'us-east-1' });
        const markdown = tooltipOf(new ErrorNode(undefined, error));
        assert.deepEqual(markdownFindings(markdown, []), [], markdown);
        assert.equal(hostileParts(markdown), 1);
      }
    });
  });
});
