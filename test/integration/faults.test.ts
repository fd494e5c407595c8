// Faults in one region, injected by the sandbox's fault proxy, as a person meets them: the Images tree, the hover,
// the CodeLens, the Problems panel and one action. The faulty region says what went wrong, the others keep
// working, no id is called "not found" unless every region that could hold it said so, and nothing hangs.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { clearFaults, setFaults } from '../../sandbox/faults/client.mjs';
import type { FaultRule } from '../../sandbox/faults/client.mjs';
import type { AmiExplorerApi } from '../../src/api/amiExplorerApi';
import { hoverAt, lensesOf, problemsWhen as problemsUntil } from './editorQueries';
import { must } from '../must';
import { childByLabel, extensionApi, label, manifest, publicApi, restoreSettingAfter, setting, type TestingApi } from './helpers';

interface Manifest { images: Record<string, string> }
const seeded = manifest() as unknown as Manifest;
const endpoint = process.env.AWS_ENDPOINT_URL_EC2 ?? process.env.AWS_ENDPOINT_URL ?? '';
const faulty = 'eu-west-1';
const missing = 'ami-0123456789abcdef0';

/** What a fault class should look like to the person, in the faulty region. */
interface Expectation {
  readonly rules: FaultRule[];
  /** The error node's label under the faulty region's "Owned by me". */
  readonly treeError: RegExp;
  /** A refusal (policy, opt-in): skipped and named, so "not found" still holds over the other regions. */
  readonly denial: boolean;
}

const classes: Record<string, Expectation> = {
  'access denied by policy (UnauthorizedOperation)': {
    rules: [{ fault: 'UnauthorizedOperation', region: faulty, service: 'ec2' }],
    treeError: /^Access denied: the default credential chain is not allowed to call ec2:DescribeImages in eu-west-1\.$/,
    denial: true,
  },
  'a region not enabled (OptInRequired)': {
    rules: [{ fault: 'OptInRequired', region: faulty, service: 'ec2' }],
    treeError: /^Region eu-west-1 is not enabled for this account \(OptInRequired\)\.$/,
    denial: true,
  },
  'AuthFailure from one region while STS accepts the credentials': {
    rules: [{ fault: 'AuthFailure', region: faulty, service: 'ec2' }],
    treeError: /^Region eu-west-1 does not accept this account's credentials, which STS accepts/,
    denial: true,
  },
  'throttling that outlasts the retries (RequestLimitExceeded)': {
    rules: [{ fault: 'RequestLimitExceeded', region: faulty, service: 'ec2' }],
    treeError: /^EC2 is throttling requests in eu-west-1, even after retries\.$/,
    denial: false,
  },
  '500s (InternalError)': {
    rules: [{ fault: 'InternalError', region: faulty, service: 'ec2' }],
    treeError: /^EC2 in eu-west-1 failed on its side \(InternalError\), even after retries\.$/,
    denial: false,
  },
  'connection resets': {
    rules: [{ fault: 'reset', region: faulty, service: 'ec2' }],
    treeError: /^Cannot reach EC2 in eu-west-1 \(/,
    denial: false,
  },
  'an endpoint that never answers': {
    rules: [{ fault: 'hang', region: faulty, service: 'ec2' }],
    treeError: /^EC2 in eu-west-1 did not answer in time\.$/,
    denial: false,
  },
};

let files = 0;
/** A file of its own per test: closing it never asks to save, and its problems start from nothing. */
async function openFile(content: string): Promise<vscode.TextDocument> {
  const dir = mkdtempSync(join(tmpdir(), 'ami-faults-'));
  const path = join(dir, `images-${++files}.tf`);
  writeFileSync(path, content);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
  await vscode.window.showTextDocument(doc);
  return doc;
}

const hoverText = (doc: vscode.TextDocument, id: string) => hoverAt(doc.uri, doc.positionAt(doc.getText().indexOf(id) + 2));
const lensTitles = async (doc: vscode.TextDocument) => (await lensesOf(doc.uri)).map((l) => l.title);
const problemsWhen = (uri: vscode.Uri, ready: (d: vscode.Diagnostic[]) => boolean) => problemsUntil(uri, ready, 60_000);

describe('faults in one region', () => {
  let api: TestingApi;
  let doors: AmiExplorerApi;
  restoreSettingAfter('regions');
  restoreSettingAfter('code.regions');

  before(async () => {
    assert.ok(endpoint, 'the sandbox endpoint is in the environment');
    api = await extensionApi();
    doors = await publicApi();
    await setting('regions', ['us-east-1', faulty, 'ap-southeast-2']);
    await setting('code.regions', 'explorer');
  });

  afterEach(async () => {
    await clearFaults(endpoint, { held: 'close' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('amiExplorer.refresh');
  });

  for (const [what, expected] of Object.entries(classes)) {
    it(`${what}: the region says so, the others answer, no wrong "not found", nothing hangs`, async function () {
      // A hung region costs the 30 s deadline per call that has to wait it out: the tree's, the action's.
      this.timeout(expected.rules[0]?.fault === 'hang' ? 240_000 : 120_000);
      await setFaults(endpoint, expected.rules);
      await vscode.commands.executeCommand('amiExplorer.refresh');

      // Code first: its lookups start now and settle while the tree is read.
      const deprecated = must(seeded.images.deprecated, 'sandbox image deprecated');
      const inFaulty = must(seeded.images.petTrackerLatestEu, 'sandbox image petTrackerLatestEu');
      const doc = await openFile(`healthy    = "${deprecated}"\nfaulty     = "${inFaulty}"\nnowhere    = "${missing}"\n`);

      // A found id answers from its own region, whatever the faulty one does.
      assert.match(await hoverText(doc, deprecated), /owned by you · us-east-1 · available · deprecated since/);

      // The tree: the faulty region's error node says what went wrong; the others list their images.
      api.images.provider.refresh();
      const roots = await api.images.provider.getChildren();
      const byRegion = Object.fromEntries(roots.map((r) => [label(r), r]));
      const [error] = await (await childByLabel(must(byRegion[faulty], `the ${faulty} node`), /^Owned by me/)).getChildren();
      assert.ok(error, `a node under ${faulty} › Owned by me`);
      assert.equal(error.getTreeItem().contextValue, 'error', `an error node under ${faulty}: ${label(error)}`);
      assert.match(label(error), expected.treeError);
      const healthy = await (await childByLabel(must(byRegion['us-east-1'], 'the us-east-1 node'), /^Owned by me/)).getChildren();
      assert.ok(healthy.length && healthy.every((n) => n.getTreeItem().contextValue !== 'error'), 'us-east-1 lists its images');

      // The missing id: "not found" over the regions that answered when the faulty one refuses; otherwise only
      // "incomplete" — never "not found" while a region that could hold it did not answer.
      const missingHover = await hoverText(doc, missing);
      const lenses = await lensTitles(doc);
      if (expected.denial) {
        assert.match(missingHover, /is not visible in any of the 2 regions searched \(us-east-1, ap-southeast-2\) \(1 denied by policy: eu-west-1\)/);
        assert.ok(lenses.includes(`${missing} not found in 2 regions (1 denied)`), lenses.join(' | '));
      } else {
        assert.doesNotMatch(missingHover, /not visible|not found/);
        assert.match(missingHover, /not in the 2 regions that answered, but these could not be searched, so it may be there[\s\S]*eu-west-1: /);
        assert.ok(lenses.includes(`${missing}: lookup incomplete (1 region did not answer; retrying)`), lenses.join(' | '));
        assert.ok(!lenses.some((t) => /not found/.test(t)), lenses.join(' | '));
      }
      // An id of the faulty region: where it refuses, "not found" names the region skipped; otherwise never said.
      const inFaultyHover = await hoverText(doc, inFaulty);
      if (expected.denial) {
        assert.match(inFaultyHover, /\(1 denied by policy: eu-west-1\)/);
      } else {
        assert.doesNotMatch(inFaultyHover, /not visible|not found/, 'an id of a region that did not answer is never "not found"');
      }

      // Problems: the healthy region's are there; "not found" only over what was searched.
      const found = await problemsWhen(doc.uri, (d) => d.some((p) => p.code === 'deprecated') && (!expected.denial || d.filter((p) => p.code === 'not-found').length === 2));
      assert.ok(found.some((p) => p.code === 'deprecated'), 'the deprecated id of us-east-1 is reported');
      const notFound = found.filter((p) => p.code === 'not-found');
      if (expected.denial) {
        assert.equal(notFound.length, 2, 'the missing id and the one of the refusing region, worded over what was searched');
        for (const problem of notFound) {
          assert.match(problem.message, /is not visible in any of the 2 regions searched \(us-east-1, ap-southeast-2\) \(1 denied by policy: eu-west-1\)/);
        }
      } else {
        assert.deepEqual(notFound, [], 'no "not found" while a region did not answer');
      }

      // An action in the faulty region fails with the same explanation and changes nothing.
      await assert.rejects(doors.deprecateImage({ imageId: inFaulty, region: faulty, deprecateAt: '2030-01-01' }),
        (e: Error & { summary?: string }) => expected.treeError.test(e.summary ?? e.message));
    });
  }

  it('latency: every region answers, only later, and the answers are right', async function () {
    this.timeout(60_000);
    await setFaults(endpoint, [{ fault: 'latency', region: faulty, service: 'ec2', delayMs: 2_000 }]);
    await vscode.commands.executeCommand('amiExplorer.refresh');
    const inFaulty = must(seeded.images.petTrackerLatestEu, 'sandbox image petTrackerLatestEu');
    const doc = await openFile(`a = "${inFaulty}"\nb = "${missing}"\n`);
    assert.match(await hoverText(doc, inFaulty), /owned by you · eu-west-1 · available/);
    assert.match(await hoverText(doc, missing), /is not visible in any of the 3 regions searched/);
  });
});
