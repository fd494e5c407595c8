// AMI ids in documents that are not local files: a virtual workspace's (vscode-vfs, as Remote Repositories
// serves them), a notebook's cells, and, as the counter-case, a file system the code features leave alone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverAt, lensesOf, problemCount } from './editorQueries';
import { must } from '../must';
import { manifest, restoreSettingAfter, setting } from './helpers';

interface SeededImage { id: string; name: string }
interface Manifest { images: Record<string, string>; regions: Record<string, { images: SeededImage[] }> }

const sandbox = manifest() as unknown as Manifest;
const imageId = must(sandbox.images.petTrackerLatest, 'sandbox image petTrackerLatest');
const imageName = Object.values(sandbox.regions).flatMap((r) => r.images).find((i) => i.id === imageId)!.name;
const unknownId = 'ami-0123456789abcdef0';
const terraform = `resource "aws_instance" "web" {\n  ami = "${imageId}"\n}\n\nvariable "old" {\n  default = "${unknownId}"\n}\n`;

/** A read-only file system holding one file, as an extension serving a virtual workspace provides it. */
class OneFileSystem implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  constructor(private readonly path: string, private readonly content: string) {}
  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === this.path) {
      return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: Buffer.byteLength(this.content) };
    }
    if (this.path.startsWith(`${uri.path.replace(/\/$/, '')}/`)) {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  readFile(uri: vscode.Uri): Uint8Array {
    if (uri.path !== this.path) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    return Buffer.from(this.content);
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

const hoverText = hoverAt;

/** The CodeLens titles of a document, in alphabetical order. */
const codeLensTitles = async (uri: vscode.Uri) => (await lensesOf(uri)).map((l) => l.title).sort();

const problems = problemCount;

function positionOf(doc: vscode.TextDocument, text: string): vscode.Position {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} is in ${doc.uri.toString()}`);
  return doc.positionAt(offset + 2);
}

describe('AMI ids in documents of other file systems', () => {
  const registrations: vscode.Disposable[] = [];
  restoreSettingAfter('code.regions');
  before(() => setting('code.regions', 'explorer'));
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    vscode.Disposable.from(...registrations).dispose();
  });

  it('a virtual workspace file (vscode-vfs): hover, CodeLens and problems', async () => {
    registrations.push(vscode.workspace.registerFileSystemProvider('vscode-vfs', new OneFileSystem('/owner/infra/main.tf', terraform), { isReadonly: true }));
    const uri = vscode.Uri.from({ scheme: 'vscode-vfs', authority: 'github', path: '/owner/infra/main.tf' });
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.uri.scheme, 'vscode-vfs');
    assert.ok((await hoverText(uri, positionOf(doc, imageId))).includes(imageName), 'the hover names the image');
    assert.deepEqual(await codeLensTitles(uri), [`${unknownId} not found in 3 regions`, `${imageName} · us-east-1 · available`]);
    const [missing] = await problems(uri, 1);
    assert.match(missing?.message ?? '', new RegExp(`^${unknownId} is not visible in any of the 3 regions searched`));
  });

  it('a notebook cell (vscode-notebook-cell): hover and CodeLens', async () => {
    const source = `ec2.run_instances(ImageId="${imageId}", MinCount=1, MaxCount=1)`;
    const notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook',
      new vscode.NotebookData([new vscode.NotebookCellData(vscode.NotebookCellKind.Code, source, 'python')]));
    // Shown, as a person has it: the workbench reads a cell's text from the notebook's editor.
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(0).document;
    assert.equal(cell.uri.scheme, 'vscode-notebook-cell');
    assert.ok((await hoverText(cell.uri, positionOf(cell, imageId))).includes(imageName), 'the hover names the image');
    assert.deepEqual(await codeLensTitles(cell.uri), [`${imageName} · us-east-1 · available`]);
  });

  it('a file system that is not for editing is left alone', async () => {
    registrations.push(vscode.workspace.registerFileSystemProvider('ami-explorer-test-other', new OneFileSystem('/main.tf', terraform), { isReadonly: true }));
    const uri = vscode.Uri.from({ scheme: 'ami-explorer-test-other', path: '/main.tf' });
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(await hoverText(uri, positionOf(doc, imageId)), '');
    assert.deepEqual(await codeLensTitles(uri), []);
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'AMI Explorer'), []);
  });
});
