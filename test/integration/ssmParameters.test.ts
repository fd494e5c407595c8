import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverAt, lensesOf, problemCount } from './editorQueries';
import { must } from '../must';
import { extensionApi, manifest, restoreSettingAfter, setting } from './helpers';

interface SeededImage { id: string; name: string }
interface Manifest { regions: Record<string, { images: SeededImage[] }>; publicParameters: Record<string, Record<string, string>> }

const sandbox = manifest() as unknown as Manifest;
const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const al2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
const eksAl2023 = '/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id';
const created = String.raw`created \d{4}-\d\d-\d\d \d\d:\d\d UTC \(\d+ (?:day|month|year)s? old\)`;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "today: name · ami-… · created … (N days old) · region" for the image a public path names in a region. */
function todayLine(path: string, region: string): RegExp {
  const id = must(sandbox.publicParameters[region]?.[path], `${path} in ${region}`);
  const image = must(sandbox.regions[region]?.images.find((i) => i.id === id), `image ${id}`);
  return new RegExp(`^today: ${escape(image.name)} · ${id} · ${created} · ${region}$`);
}

function fixture(path: string): vscode.Uri {
  const folder = must(vscode.workspace.workspaceFolders?.[0], 'the sample workspace is open');
  return vscode.Uri.joinPath(folder.uri, 'infra', 'ssm', path);
}

async function open(path: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixture(path));
  await vscode.window.showTextDocument(doc);
  return doc;
}

function positionOf(doc: vscode.TextDocument, text: string): vscode.Position {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} is in ${doc.uri.path}`);
  return doc.positionAt(offset + 3);
}

const hoverText = (doc: vscode.TextDocument, at: vscode.Position) => hoverAt(doc.uri, at);

/** The titles of the lenses on the line holding `text`. */
async function lensTitles(doc: vscode.TextDocument, text: string): Promise<string[]> {
  const line = positionOf(doc, text).line;
  return (await lensesOf(doc.uri)).filter((l) => l.line === line).map((l) => l.title).sort();
}

const problems = problemCount;

describe('SSM parameters in code', () => {
  restoreSettingAfter('code.regions');
  before(async () => {
    await extensionApi();
    await setting('code.regions', 'explorer');
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('CloudFormation: a resolve:ssm image id shows the image it names today in each region', async () => {
    const doc = await open('stack.yaml');
    const text = await hoverText(doc, positionOf(doc, al2023));
    assert.match(text, new RegExp(`\\*\\*SSM parameter\\*\\* \`${escape(al2023)}\``));
    for (const region of regions) {
      assert.ok(text.split('\n').some((line) => todayLine(al2023, region).test(line.replace(/^- /, ''))), `${region} in\n${text}`);
    }
    const titles = await lensTitles(doc, al2023);
    assert.equal(titles.length, 3, titles.join('\n'));
    for (const region of regions) {
      assert.ok(titles.some((t) => todayLine(al2023, region).test(t)), `${region} lens in ${titles.join('\n')}`);
    }
  });

  it('CloudFormation: a missing path and a parameter that holds no image are problems; an image-typed default is not', async () => {
    const doc = await open('stack.yaml');
    const found = await problems(doc.uri, 6);
    const messages = found.map((d) => `${d.code as string}: ${d.message}`).sort();
    assert.deepEqual(messages, [
      ...regions.map((r) => `parameter-missing: SSM parameter /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-sparc64 does not exist in ${r}.`).sort(),
      ...regions.map((r) => `parameter-not-image: SSM parameter /aws/service/global-infrastructure/current-region/longName in ${r} is not an AMI parameter: its data type is text and its value is not an AMI id.`).sort(),
    ]);
    assert.deepEqual(await lensTitles(doc, 'sparc64'), regions.map((r) => `no such parameter in ${r}`).sort());
    assert.deepEqual(await lensTitles(doc, 'longName'), regions.map((r) => `not an AMI parameter in ${r} (data type text)`).sort());
    const arm = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64';
    assert.ok((await lensTitles(doc, arm)).some((t) => todayLine(arm, 'eu-west-1').test(t)));
  });

  it('Terraform: aws_ssm_parameter shows its image; a resolve:ssm ami naming a deprecated image is a problem', async () => {
    const doc = await open('main.tf');
    const path61 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64';
    assert.ok((await lensTitles(doc, path61)).some((t) => todayLine(path61, 'us-east-1').test(t)));
    const minimal = '/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-x86_64';
    const withDeprecated = regions.filter((r) => sandbox.publicParameters[r]?.[minimal]);
    assert.ok(withDeprecated.length > 0, 'the sandbox publishes a path naming a deprecated image');
    const found = await problems(doc.uri, withDeprecated.length);
    assert.deepEqual(found.map((d) => d.code).sort(), withDeprecated.map(() => 'parameter-image-deprecated'));
    assert.match(found[0]!.message, new RegExp(`SSM parameter ${escape(minimal)} in [a-z0-9-]+ names ami-[0-9a-f]+ \\(al2023-ami-2023\\.2\\.20231113\\.0-kernel-6\\.1-x86_64\\), deprecated since \\d{4}`));
  });

  it('boto3: get_parameter shows the image the path names', async () => {
    const doc = await open('launch_ssm.py');
    assert.match(await hoverText(doc, positionOf(doc, al2023)), new RegExp(todayLine(al2023, 'ap-southeast-2').source.slice(1, -1)));
  });

  it('Karpenter al2023@latest and eksctl auto-ssm resolve through their EKS paths, saying what they assume', async () => {
    const nodeClass = await open('nodeclass.yaml');
    const text = await hoverText(nodeClass, positionOf(nodeClass, 'al2023@latest'));
    assert.match(text, new RegExp(`\\*\\*SSM parameter\\*\\* \`${escape(eksAl2023)}\``));
    assert.match(text, /The path assumes Kubernetes 1\.31, x86_64: the file does not say\./);
    assert.ok((await lensTitles(nodeClass, 'al2023@latest')).some((t) => todayLine(eksAl2023, 'us-east-1').test(t)));
    const eksctl = await open('eksctl.yaml');
    const titles = await lensTitles(eksctl, 'auto-ssm');
    assert.equal(titles.length, 3);
    assert.ok(titles.some((t) => todayLine(eksAl2023, 'eu-west-1').test(t)), titles.join('\n'));
    assert.match(await hoverText(eksctl, positionOf(eksctl, 'auto-ssm')), /The path assumes x86_64/);
  });
});
