import * as vscode from 'vscode';
import type { MentionScan, WorkspaceMention } from '../shared/imageUsage';
import { log } from '../shared/log';
import { findAmiIds } from './amiIdScanner';
import { excludeGlobOf, excludeMatcherOf, lineOf, lineStarts } from './mentionText';

/** Caps that keep a search of a large workspace short. */
export interface MentionLimits {
  /** Files looked at. */
  readonly maxFiles: number;
  /** Larger files (generated code, data) are skipped. */
  readonly maxFileBytes: number;
  /** Lines reported. */
  readonly maxMentions: number;
}

const defaultLimits: MentionLimits = { maxFiles: 5000, maxFileBytes: 1_000_000, maxMentions: 500 };
/** Files read at once. */
const parallel = 8;

const excludes = (section: string) => vscode.workspace.getConfiguration(section).get<Record<string, unknown>>('exclude');

/**
 * The files of every workspace folder, less what files.exclude and search.exclude hide, at most `max`: VS Code's
 * file search (given a glob of its own, findFiles applies no default excludes, so both settings go in it), or where
 * that search is not available (a remote without ripgrep, say) a walk of the folders through the file system API.
 */
async function workspaceFiles(max: number, signal: AbortSignal | undefined, token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  try {
    return await vscode.workspace.findFiles('**/*', excludeGlobOf(excludes('files'), excludes('search')), max, token);
  } catch (error) {
    signal?.throwIfAborted();
    log().info(`File search unavailable (${error instanceof Error ? error.message : String(error)}): walking the workspace folders instead.`);
    return walkFolders(max, signal);
  }
}

/** Breadth first, skipping excluded folders and following no symbolic link to a folder (no cycles). */
async function walkFolders(max: number, signal: AbortSignal | undefined): Promise<vscode.Uri[]> {
  const excluded = excludeMatcherOf(excludes('files'), excludes('search'));
  const files: vscode.Uri[] = [];
  const queue = (vscode.workspace.workspaceFolders ?? []).map((f) => ({ uri: f.uri, path: '' }));
  for (let next = queue.shift(); next && files.length < max; next = queue.shift()) {
    signal?.throwIfAborted();
    const entries = await vscode.workspace.fs.readDirectory(next.uri).then(undefined, () => [] as [string, vscode.FileType][]);
    for (const [name, type] of entries) {
      const path = next.path ? `${next.path}/${name}` : name;
      if (excluded(path)) {
        continue;
      }
      const uri = vscode.Uri.joinPath(next.uri, name);
      if (type === vscode.FileType.Directory) {
        queue.push({ uri, path });
      } else if (type & vscode.FileType.File && files.length < max) {
        files.push(uri);
      }
    }
  }
  return files;
}

function cancellationOf(signal: AbortSignal | undefined): vscode.CancellationTokenSource {
  const source = new vscode.CancellationTokenSource();
  signal?.addEventListener('abort', () => source.cancel(), { once: true });
  return source;
}

/** The text of a file as the person sees it: an open editor's (unsaved edits included), else the disk's; binary files none. */
async function textOf(uri: vscode.Uri, maxBytes: number): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    return open.getText();
  }
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.size > maxBytes) {
    return undefined;
  }
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (bytes.subarray(0, 8192).includes(0)) {
    return undefined;
  }
  return new TextDecoder().decode(bytes);
}

/** The lines of `text` that mention `imageId` (in any case, as the problems do). */
function linesMentioning(text: string, imageId: string): number[] {
  // Most files never mention the id: a plain search first, the scanner only where it may be.
  if (!text.toLowerCase().includes(imageId)) {
    return [];
  }
  const starts = lineStarts(text);
  return [...new Set(findAmiIds(text).filter((m) => m.id === imageId).map((m) => lineOf(starts, m.offset) + 1))];
}

/**
 * The workspace's files that mention `imageId`, each line once, in path order: every folder, less what
 * files.exclude and search.exclude hide, skipping binary and large files, within `limits`; cancelled by `signal`.
 */
export async function findMentions(imageId: string, signal?: AbortSignal, limits: MentionLimits = defaultLimits): Promise<MentionScan> {
  const id = imageId.toLowerCase();
  const cancel = cancellationOf(signal);
  try {
    const files = await workspaceFiles(limits.maxFiles, signal, cancel.token);
    signal?.throwIfAborted();
    const mentions: WorkspaceMention[] = [];
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const uri = files[next++]!;
        signal?.throwIfAborted();
        const text = await textOf(uri, limits.maxFileBytes).catch(() => undefined);
        for (const line of text === undefined ? [] : linesMentioning(text, id)) {
          const label = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
          mentions.push({ path: uri.scheme === 'file' ? uri.fsPath : uri.toString(), line, uri: uri.toString(), label });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, files.length) }, worker));
    mentions.sort((a, b) => a.label.localeCompare(b.label) || a.line - b.line);
    return {
      mentions: mentions.slice(0, limits.maxMentions),
      truncated: files.length >= limits.maxFiles || mentions.length > limits.maxMentions,
    };
  } finally {
    cancel.dispose();
  }
}
