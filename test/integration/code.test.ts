import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { AmiLookup } from '../../src/code/amiLookup';
import { readPersisted } from '../../src/code/persistedAnswers';
import { hoverAt, lensesOf, problemCount, problemsWhen as problemsFor } from './editorQueries';
import { must } from '../must';
import { extensionApi, label, manifest, restoreSettingAfter, setting, type TestingApi } from './helpers';
import { noticeOf } from './prompts';

interface SeededImage { id: string; name: string }
interface Manifest { images: Record<string, string>; regions: Record<string, { images: SeededImage[] }> }

const sandbox = manifest() as unknown as Manifest;
const id = (name: string) => must(sandbox.images[name], `sandbox image ${name}`);
const nameOf = (name: string) => Object.values(sandbox.regions).flatMap((r) => r.images).find((i) => i.id === id(name))!.name;
const sandboxRegions = '(us-east-1, eu-west-1, ap-southeast-2)';

function fixture(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the sample workspace is open');
  return vscode.Uri.joinPath(folder.uri, 'infra', path);
}

async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The position of the n-th occurrence of `text` in a document. */
function positionOf(doc: vscode.TextDocument, text: string, nth = 0): vscode.Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = doc.getText().indexOf(text, offset + 1);
    assert.ok(offset >= 0, `${text} occurs ${nth + 1} times in ${doc.uri.path}`);
  }
  return doc.positionAt(offset + 2);
}

/** The hover's text as a person reads it (escapes removed; links keep their Markdown). */
const hoverText = (doc: vscode.TextDocument, at: vscode.Position) => hoverAt(doc.uri, at);
const codeLensTitles = (doc: vscode.TextDocument) => lensesOf(doc.uri);
const problems = problemCount;

const severityName = (d: vscode.Diagnostic) => vscode.DiagnosticSeverity[d.severity];

describe('AMI ids in code', () => {
  let api: TestingApi;
  restoreSettingAfter('code.regions');
  restoreSettingAfter('code.hover');
  restoreSettingAfter('code.codeLens');
  restoreSettingAfter('code.maxFileSizeMB');
  before(async () => {
    api = await extensionApi();
    // The sandbox's three regions, so "not found" names a known list.
    await setting('code.regions', 'explorer');
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  describe('Terraform', () => {
    let doc: vscode.TextDocument;
    before(async () => {
      doc = await open(fixture('terraform/main.tf'));
    });

    it('hover says what the image is: name, owner, region, state, facts and links', async () => {
      const text = await hoverText(doc, positionOf(doc, id('petTrackerLatest'), 2));
      for (const expected of [`**${nameOf('petTrackerLatest')}**`, 'owned by you · us-east-1 · available', `| ID | ${id('petTrackerLatest')} |`,
        '| Owner | 123456789012 (you) |', '| Architecture | x86_64 |', '| Virtualization | hvm |', '| Root device | ebs', '| Visibility | private |',
        'command:amiExplorer.revealImage?', 'command:amiExplorer.showDetails?', 'command:amiExplorer.showImageUsage?', 'command:amiExplorer.copyImage?', 'command:amiExplorer.launchInstance?', 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#ImageDetails:imageId=']) {
        assert.ok(text.includes(expected), `hover shows ${expected}:\n${text}`);
      }
    });

    it('CodeLens says name · region · state above each line with ids, and reveals the image', async () => {
      const lenses = await codeLensTitles(doc);
      const api = lenses.find((l) => doc.lineAt(l.line).text.includes('ami           ='));
      assert.deepEqual(api, { line: positionOf(doc, id('petTrackerLatest'), 2).line, title: `${nameOf('petTrackerLatest')} · us-east-1 · available`, command: 'amiExplorer.revealImage' });
      assert.ok(lenses.some((l) => l.title === `${nameOf('deprecated')} · us-east-1 · available, deprecated`), JSON.stringify(lenses));
      assert.ok(lenses.some((l) => l.title === `${nameOf('petTrackerDisabled')} · us-east-1 · disabled`), JSON.stringify(lenses));
      const batchLine = positionOf(doc, id('batchFirst')).line;
      assert.deepEqual(lenses.filter((l) => l.line === batchLine).map((l) => l.title),
        [`${nameOf('batchFirst')} · us-east-1 · available`, `${nameOf('batchLatest')} · us-east-1 · available`], 'one lens per id on a line');
    });

    it('problems: deprecated (warning, with the date), disabled (error), and an id in another region than its map key', async () => {
      const found = await problems(doc.uri, 3);
      const byCode = Object.fromEntries(found.map((d) => [d.code as string, d]));
      assert.deepEqual(Object.keys(byCode).sort(), ['deprecated', 'disabled', 'wrong-region']);
      assert.equal(severityName(must(byCode.deprecated, 'deprecated problem')), 'Warning');
      assert.match(must(byCode.deprecated, 'deprecated problem').message, new RegExp(`^${id('deprecated')} \\(${nameOf('deprecated')}\\) is deprecated since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC \\(us-east-1\\)`));
      assert.equal(severityName(must(byCode.disabled, 'disabled problem')), 'Error');
      assert.equal(must(byCode.disabled, 'disabled problem').message, `${id('petTrackerDisabled')} (${nameOf('petTrackerDisabled')}) is disabled in us-east-1: it cannot be launched until its owner re-enables it.`);
      assert.equal(must(byCode['wrong-region'], 'wrong-region problem').range.start.line, positionOf(doc, id('petTrackerLatest'), 1).line);
      assert.match(must(byCode['wrong-region'], 'wrong-region problem').message, /is in us-east-1, but this code is for ap-southeast-2/);
    });
  });

  describe('CloudFormation', () => {
    it('YAML: a Mappings entry resolves in its region, and an id visible nowhere is information naming the regions searched', async () => {
      const doc = await open(fixture('cloudformation/template.yaml'));
      assert.match(await hoverText(doc, positionOf(doc, id('petTrackerLatestEu'))), /owned by you · eu-west-1 · available/);
      assert.match(await hoverText(doc, positionOf(doc, id('sharedWithMe'))), /shared with you · us-east-1/);
      const [missing] = await problems(doc.uri, 1);
      assert.ok(missing, 'one problem');
      assert.equal(severityName(missing), 'Information', 'a private image of another account is normal');
      assert.equal(missing.message, `ami-0123456789abcdef0 is not visible in any of the 3 regions searched ${sandboxRegions}: it may be deregistered, private to another account, hidden by this account's Allowed AMIs settings, or a typo.`);
      const lenses = await codeLensTitles(doc);
      assert.ok(lenses.some((l) => l.title === 'ami-0123456789abcdef0 not found in 3 regions'), JSON.stringify(lenses));
    });

    it('JSON: CodeLens and hover for ids in a region map and a resource', async () => {
      const doc = await open(fixture('cloudformation/template.json'));
      const titles = (await codeLensTitles(doc)).map((l) => l.title);
      assert.deepEqual(titles, [
        `${nameOf('billingLatest')} · us-east-1 · available`,
        `${nameOf('billingLatestEu')} · eu-west-1 · available`,
        `${nameOf('windowsOwned')} · us-east-1 · available`,
      ]);
      assert.match(await hoverText(doc, positionOf(doc, id('windowsOwned'))), /\| Platform \| Windows/);
      assert.deepEqual(await problems(doc.uri, 0), []);
    });
  });

  it('Packer: a public Amazon image says public and names its owner', async () => {
    const doc = await open(fixture('packer/app.pkr.hcl'));
    const text = await hoverText(doc, positionOf(doc, id('al2023Latest')));
    assert.match(text, /public · us-east-1 · available/);
    assert.match(text, /\| Owner \| amazon · 137112412989 \|/);
    assert.match(text, /\| Visibility \| public \|/);
  });

  it('Python: Meadowrun\'s AllocEC2Instance(ami_id=…) and boto3\'s ImageId=… both explain themselves', async () => {
    const meadowrun = await open(fixture('python/meadowrun_job.py'));
    assert.match(await hoverText(meadowrun, positionOf(meadowrun, id('petTrackerLatest'))), new RegExp(`\\*\\*${nameOf('petTrackerLatest')}\\*\\*`));
    const boto3 = await open(fixture('python/launch.py'));
    const titles = (await codeLensTitles(boto3)).map((l) => l.title);
    assert.deepEqual(titles, [
      `${nameOf('petTrackerLatestEu')} · eu-west-1 · available`,
      `${nameOf('ubuntuLatestEu')} · eu-west-1 · available`,
      'ami-12345678 not found in 3 regions',
      `${nameOf('sharedWithMeEu')} · eu-west-1 · available`,
    ]);
    const [legacy] = await problems(boto3.uri, 1);
    assert.ok(legacy, 'one problem');
    assert.match(legacy.message, /^ami-12345678 is not visible in any of the 3 regions searched/);
  });

  it('shell: a partner\'s private image is "not visible", and an id in upper case is flagged with a quick fix', async () => {
    const doc = await open(fixture('shell/launch.sh'));
    assert.match(await hoverText(doc, positionOf(doc, id('ubuntuLatest'))), /public · us-east-1 · available/);
    const found = await problems(doc.uri, 2);
    const byCode = Object.fromEntries(found.map((d) => [d.code as string, d]));
    const upperCase = must(byCode['upper-case'], 'upper-case problem');
    assert.match(must(byCode['not-found'], 'not-found problem').message, new RegExp(`^${id('partnerNotShared')} is not visible in any of the 3 regions searched`));
    const written = id('petTrackerV11').toUpperCase();
    assert.equal(upperCase.message, `${written} has upper-case letters: AMI ids are lower case (${id('petTrackerV11')}).`);
    assert.match(await hoverText(doc, upperCase.range.start), new RegExp(`\\*\\*${nameOf('petTrackerV11')}\\*\\*`), 'the id still resolves');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, upperCase.range);
    const fix = actions.find((a) => a.title === `Write as ${id('petTrackerV11')}`);
    assert.ok(fix?.edit, `a quick fix among: ${actions.map((a) => a.title).join(', ')}`);
  });

  it('Kubernetes: eksctl and Karpenter node configs', async () => {
    const doc = await open(fixture('kubernetes/eksctl-cluster.yaml'));
    assert.deepEqual((await codeLensTitles(doc)).map((l) => l.title), [
      `${nameOf('petTrackerV10')} · us-east-1 · available`,
      `${nameOf('al2023LatestArm')} · us-east-1 · available`,
      `${nameOf('ubuntuLatestArm')} · us-east-1 · available`,
    ]);
    assert.match(await hoverText(doc, positionOf(doc, id('al2023LatestArm'))), /\| Architecture \| arm64 \|/);
  });

  describe('as the file changes', () => {
    it('problems follow edits and are cleared when the file closes', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: `image: ${id('petTrackerLatest')}\n` });
      const editor = await vscode.window.showTextDocument(doc);
      assert.deepEqual(await problems(doc.uri, 0), []);
      await editor.edit((e) => e.insert(new vscode.Position(1, 0), `old: ${id('petTrackerDisabled')}\n`));
      const [disabled] = await problems(doc.uri, 1);
      assert.ok(disabled, 'one problem');
      assert.equal(disabled.code, 'disabled');
      assert.equal(disabled.range.start.line, 1);
      await editor.edit((e) => e.delete(doc.lineAt(1).rangeIncludingLineBreak));
      assert.deepEqual(await problems(doc.uri, 0), []);
      await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'typo: ami-0000000000000dead\n'));
      assert.equal(must((await problems(doc.uri, 1))[0], 'a problem').code, 'not-found');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      assert.deepEqual(await problems(doc.uri, 0), [], 'cleared on close');
    });

    it('files above the size limit are not scanned', async () => {
      await setting('code.maxFileSizeMB', 0.1);
      const dir = mkdtempSync(join(tmpdir(), 'ami-big-'));
      const path = join(dir, 'big.tf');
      writeFileSync(path, `ami = "${id('petTrackerLatest')}"\n${'# filler\n'.repeat(20_000)}`);
      const doc = await open(vscode.Uri.file(path));
      assert.deepEqual(await codeLensTitles(doc), []);
      assert.equal(await hoverText(doc, new vscode.Position(0, 9)), '');
      await setting('code.maxFileSizeMB', undefined);
      const small = await open(fixture('packer/app.pkr.hcl'));
      assert.equal((await codeLensTitles(small)).length, 1);
    });
  });

  describe('lookups', () => {
    it('are cached: a second hover is answered without EC2, and refresh forgets', async () => {
      const doc = await open(fixture('packer/app.pkr.hcl'));
      await hoverText(doc, positionOf(doc, id('al2023Latest')));
      assert.equal(api.code.lookup.peek(id('al2023Latest'))?.kind, 'found');
      await vscode.commands.executeCommand('amiExplorer.refresh');
      assert.equal(api.code.lookup.peek(id('al2023Latest')), undefined);
      await hoverText(doc, positionOf(doc, id('al2023Latest')));
      assert.equal(api.code.lookup.peek(id('al2023Latest'))?.kind, 'found');
    });

    it('survive a window reload: a new session answers from globalState without asking EC2', async () => {
      const doc = await open(fixture('kubernetes/eksctl-cluster.yaml'));
      await hoverText(doc, positionOf(doc, id('ubuntuLatestArm')));
      // Answers are written to globalState a moment after they arrive.
      const saved = () => readPersisted(api.globalState.get('amiExplorer.code.cache'))?.answers.some((a) => a.id === id('ubuntuLatestArm')) ?? false;
      for (let waited = 0; !saved() && waited < 5_000; waited += 100) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const reopened = new AmiLookup(api.aws, api.settings, api.globalState);
      try {
        const answer = reopened.peek(id('ubuntuLatestArm'));
        assert.equal(answer?.kind === 'found' && answer.images[0]?.name, nameOf('ubuntuLatestArm'));
      } finally {
        reopened.dispose();
      }
    });

    it('with the default scope, search every region enabled for the account', async () => {
      await setting('code.regions', undefined);
      const doc = await open(fixture('cloudformation/template.yaml'));
      const text = await hoverText(doc, positionOf(doc, 'ami-0123456789abcdef0'));
      const count = /not visible in any of the (\d+) regions searched/.exec(text);
      assert.ok(count && Number(count[1]) > 3, `searched more than the view's regions:\n${text}`);
      assert.match(text, /every region enabled for the account/);
      assert.match(text, /us-west-2/);
      await setting('code.regions', 'explorer');
    });

    it('a failed lookup is never shown as "not found"', async () => {
      await setting('endpointUrl', 'http://127.0.0.1:9');
      try {
        const doc = await open(fixture('cloudformation/template.yaml'));
        const text = await hoverText(doc, positionOf(doc, 'ami-0123456789abcdef0'));
        assert.match(text, /could not be looked up/);
        assert.match(text, /Cannot reach EC2/);
        assert.doesNotMatch(text, /not visible/);
        assert.equal((await codeLensTitles(doc)).find((l) => l.title.startsWith('ami-0123456789abcdef0'))?.title.includes('lookup failed'), true);
      } finally {
        await setting('endpointUrl', undefined);
      }
    });
  });

  describe('settings', () => {
    it('turning hover or CodeLens off disposes its provider; on registers it again', async () => {
      const doc = await open(fixture('packer/app.pkr.hcl'));
      const at = positionOf(doc, id('al2023Latest'));
      await setting('code.hover', false);
      await setting('code.codeLens', false);
      assert.deepEqual(api.code.enabled, ['problems']);
      assert.equal(await hoverText(doc, at), '');
      assert.deepEqual(await codeLensTitles(doc), []);
      await setting('code.hover', undefined);
      await setting('code.codeLens', undefined);
      assert.deepEqual(api.code.enabled.sort(), ['codeLens', 'hover', 'problems']);
      assert.match(await hoverText(doc, at), /public · us-east-1/);
      assert.equal((await codeLensTitles(doc)).length, 1);
    });
  });

  describe('revealImage', () => {
    restoreSettingAfter('regions');
    restoreSettingAfter('pageSize');

    const selected = () => api.images.view.selection.map(label);

    it('opens the Images view at an image, through its region and tag group', async () => {
      assert.equal(await vscode.commands.executeCommand('amiExplorer.revealImage', { imageId: id('petTrackerLatest'), region: 'us-east-1' }), true);
      assert.equal(selected().length, 1);
      assert.ok(selected()[0]?.startsWith(nameOf('petTrackerLatest')), selected().join());
      assert.equal(api.images.view.selection[0]?.parent && label(api.images.view.selection[0].parent).startsWith('Project: PetTracker'), true);
    });

    it('loads further pages when the image is not on the first one', async () => {
      await setting('pageSize', 20);
      api.images.provider.refresh();
      assert.equal(await vscode.commands.executeCommand('amiExplorer.revealImage', { imageId: id('batchFirst'), region: 'us-east-1' }), true);
      assert.ok(selected()[0]?.startsWith(nameOf('batchFirst')), selected().join());
    });

    it('from the palette, acts on the id under the cursor', async () => {
      const doc = await open(fixture('cloudformation/template.yaml'));
      const editor = vscode.window.activeTextEditor!;
      const at = positionOf(doc, id('petTrackerLatestEu'));
      editor.selection = new vscode.Selection(at, at);
      assert.equal(await vscode.commands.executeCommand('amiExplorer.revealImage'), true);
      assert.ok(selected()[0]?.startsWith(nameOf('petTrackerLatestEu')), selected().join());
      await open(doc.uri);
      vscode.window.activeTextEditor!.selection = new vscode.Selection(at, at);
      assert.equal(await vscode.commands.executeCommand('amiExplorer.copyImageId'), id('petTrackerLatestEu'));
    });

    it('says why an image cannot be shown: filtered out, or its region is not in the view', async () => {
      assert.match(await noticeOf(api, () => vscode.commands.executeCommand('amiExplorer.revealImage', { imageId: id('petTrackerDisabled'), region: 'us-east-1' })), /is not listed in the Images view: the filter hides disabled images/);
      await setting('regions', ['us-east-1']);
      assert.match(await noticeOf(api, () => vscode.commands.executeCommand('amiExplorer.revealImage', { imageId: id('petTrackerLatestEu'), region: 'eu-west-1' })), /eu-west-1 is not one of the Images view's regions/);
    });
  });
});

/** Our problems once they satisfy `done` (settings changes and lookups arrive asynchronously). */
async function problemsWhen(uri: vscode.Uri, done: (found: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  const found = await problemsFor(uri, done);
  assert.ok(done(found), `${what}: ${JSON.stringify(found.map((d) => [d.code, severityName(d)]))}`);
  return found;
}

const severities = (found: vscode.Diagnostic[]) => Object.fromEntries(found.map((d) => [d.code as string, severityName(d)]));
const sameSeverities = (expected: Record<string, string>) => (found: vscode.Diagnostic[]) => JSON.stringify(Object.entries(severities(found)).sort()) === JSON.stringify(Object.entries(expected).sort());

async function codeActions(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range);
}

describe('Quieting AMI problems', () => {
  restoreSettingAfter('code.regions');
  restoreSettingAfter('code.severity');
  restoreSettingAfter('code.ignore');
  restoreSettingAfter('code.exclude');
  before(async () => {
    await extensionApi();
    await setting('code.regions', 'explorer');
  });
  after(async () => {
    await vscode.workspace.getConfiguration('amiExplorer.code').update('ignore', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('severity per kind: defaults, then an override applied at once, with off reporting nothing', async () => {
    const terraform = await open(fixture('terraform/main.tf'));
    const shell = await open(fixture('shell/launch.sh'));
    await problemsWhen(terraform.uri, sameSeverities({ deprecated: 'Warning', disabled: 'Error', 'wrong-region': 'Warning' }), 'Terraform defaults');
    await problemsWhen(shell.uri, sameSeverities({ 'not-found': 'Information', 'upper-case': 'Warning' }), 'shell defaults');
    await setting('code.severity', { 'not-found': 'error', deprecated: 'off', disabled: 'hint', 'upper-case': 'information' });
    await problemsWhen(terraform.uri, sameSeverities({ disabled: 'Hint', 'wrong-region': 'Warning' }), 'Terraform with the override');
    await problemsWhen(shell.uri, sameSeverities({ 'not-found': 'Error', 'upper-case': 'Information' }), 'shell with the override');
    await setting('code.severity', undefined);
    await problemsWhen(terraform.uri, sameSeverities({ deprecated: 'Warning', disabled: 'Error', 'wrong-region': 'Warning' }), 'Terraform back to the defaults');
  });

  it('a CHANGELOG is excluded by default: a deprecated id in it gets no problem, CodeLens or hover (the palette still acts on it)', async () => {
    const doc = await open(fixture('CHANGELOG.md'));
    const at = doc.positionAt(doc.getText().indexOf(id('deprecated')) + 2);
    // A check of another file settles first, so the changelog's silence is not a lookup still in flight.
    await problemsWhen((await open(fixture('terraform/main.tf'))).uri, (found) => found.length === 3, 'Terraform checked');
    await vscode.window.showTextDocument(doc);
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'AMI Explorer'), []);
    assert.deepEqual(await codeLensTitles(doc), []);
    assert.equal(await hoverText(doc, at), '');
    vscode.window.activeTextEditor!.selection = new vscode.Selection(at, at);
    assert.equal(await vscode.commands.executeCommand('amiExplorer.copyImageId'), id('deprecated'), 'palette commands still act on the id under the cursor');
    await setting('code.exclude', ['**/*.lock']);
    const [deprecated] = await problemsWhen(doc.uri, (found) => found.length === 1, 'the changelog checked once not excluded');
    assert.equal(deprecated?.code, 'deprecated');
    assert.equal((await codeLensTitles(doc)).length, 1);
    await setting('code.exclude', undefined);
    await problemsWhen(doc.uri, (found) => found.length === 0, 'excluded again at once');
  });

  it('"Ignore this id" on the line writes an ami-explorer-ignore comment in the file\'s syntax, and the problem goes', async () => {
    for (const [language, line, comment] of [['yaml', `image: ${id('deprecated')}`, '#'], ['typescript', `const ami = '${id('deprecated')}';`, '//']] as const) {
      const doc = await vscode.workspace.openTextDocument({ language, content: `${line}\n` });
      await vscode.window.showTextDocument(doc);
      const [problem] = await problemsWhen(doc.uri, (found) => found.length === 1, `${language} deprecated`);
      const actions = await codeActions(doc, must(problem, 'the problem').range);
      const fix = actions.find((a) => a.title === `Ignore ${id('deprecated')} on this line (ami-explorer-ignore comment)`);
      assert.ok(fix?.edit, `an inline ignore among: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(doc.getText(), `${line} ${comment} ami-explorer-ignore\n`);
      await problemsWhen(doc.uri, (found) => found.length === 0, `${language} problem gone`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('"Ignore … in this workspace" adds the id to the workspace setting; plain JSON, without comments, offers only that', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: `{ "ImageId": "${id('petTrackerDisabled')}" }\n` });
    await vscode.window.showTextDocument(doc);
    const [problem] = await problemsWhen(doc.uri, (found) => found.length === 1, 'JSON disabled');
    const titles = (await codeActions(doc, must(problem, 'the problem').range)).map((a) => a.title);
    assert.deepEqual(titles.filter((t) => t.startsWith('Ignore')), [`Ignore ${id('petTrackerDisabled')} in this workspace`]);
    const fix = (await codeActions(doc, must(problem, 'the problem').range)).find((a) => a.title.startsWith('Ignore'));
    assert.ok(fix?.command);
    await vscode.commands.executeCommand(fix.command.command, ...((fix.command.arguments ?? []) as unknown[]));
    assert.deepEqual(vscode.workspace.getConfiguration('amiExplorer.code').inspect('ignore')?.workspaceValue, [id('petTrackerDisabled')]);
    await problemsWhen(doc.uri, (found) => found.length === 0, 'ignored in the workspace');
    await vscode.workspace.getConfiguration('amiExplorer.code').update('ignore', undefined, vscode.ConfigurationTarget.Workspace);
    await problemsWhen(doc.uri, (found) => found.length === 1, 'reported again once no longer ignored');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('bad values are ignored and named, and the good entries beside them still apply', async () => {
    const api = await extensionApi();
    const shell = await open(fixture('shell/launch.sh'));
    await problemsWhen(shell.uri, sameSeverities({ 'not-found': 'Information', 'upper-case': 'Warning' }), 'shell defaults');
    await setting('code.severity', { 'not-found': 'loud', bogus: 'off', 'upper-case': 'off' });
    await setting('code.ignore', ['nope']);
    await problemsWhen(shell.uri, sameSeverities({ 'not-found': 'Information' }), 'upper-case off, not-found at its default');
    await setting('code.exclude', ['/abs/*.sh', '**/*.{sh']);
    await problemsWhen(shell.uri, (found) => found.length === 1, 'no exclude pattern applies');
    api.images.provider.refresh();
    const roots = await api.images.provider.getChildren();
    const ignored = roots.filter((r) => r.getTreeItem().contextValue === 'settingProblem').map(label);
    for (const key of ['exclude', 'severity', 'ignore']) {
      assert.ok(ignored.includes(`Ignored setting: amiExplorer.code.${key}`), `${key} among ${ignored.join(', ')}`);
    }
    await setting('code.exclude', ['/abs/*.sh', '**/*.sh']);
    await problemsWhen(shell.uri, (found) => found.length === 0, 'the good pattern excludes the script');
    for (const key of ['exclude', 'severity', 'ignore']) {
      await setting(`code.${key}`, undefined);
    }
    await problemsWhen(shell.uri, (found) => found.length === 2, 'back to the defaults');
  });

  it('amiExplorer.code.ignore silences an id in every file, whatever its case', async () => {
    const shell = await open(fixture('shell/launch.sh'));
    await problemsWhen(shell.uri, (found) => found.length === 2, 'shell problems');
    await setting('code.ignore', [id('partnerNotShared'), id('petTrackerV11').toUpperCase()]);
    await problemsWhen(shell.uri, (found) => found.length === 0, 'both ids ignored');
    await setting('code.ignore', undefined);
    await problemsWhen(shell.uri, (found) => found.length === 2, 'reported again');
  });
});
