import * as vscode from 'vscode';
import { log } from '../shared/log';
import { findAmiIds, looksBinary, matchAt, type AmiIdMatch } from './amiIdScanner';
import { codeSettings, noiseSettings } from '../settings/code';
import { matchPath } from '../shared/noiseRules';
import type { IdContext } from './amiIdText';
import { regionContextAt } from './regionContext';
import { isScannedScheme } from './schemes';

export interface IdOccurrence extends AmiIdMatch {
  readonly range: vscode.Range;
  readonly context: IdContext;
}

interface Scan {
  readonly version: number;
  readonly matches: readonly AmiIdMatch[];
  occurrences?: readonly IdOccurrence[];
}

/**
 * Whether `amiExplorer.code.exclude` matches a document's path (relative to its workspace folder): such a file
 * gets no hover, CodeLens or problems, but palette commands still act on the id under the cursor.
 */
export function isExcluded(doc: vscode.TextDocument): boolean {
  const path = matchPath(doc.uri.path, vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.path);
  return noiseSettings(doc).exclude.some((pattern) => pattern.test(path));
}

/**
 * The AMI ids of open documents, scanned once per document version and shared by hover, CodeLens and
 * problems. Ranges and region context are worked out lazily: a hover needs one id, not all of them.
 */
export class DocumentIds implements vscode.Disposable {
  private readonly scans = new Map<string, Scan>();
  private readonly skipped = new Set<string>();
  private readonly closed: vscode.Disposable;

  constructor() {
    this.closed = vscode.workspace.onDidCloseTextDocument((doc) => {
      this.scans.delete(doc.uri.toString());
      this.skipped.delete(doc.uri.toString());
    });
  }

  private scan(doc: vscode.TextDocument): Scan {
    const key = doc.uri.toString();
    const cached = this.scans.get(key);
    if (cached?.version === doc.version) {
      return cached;
    }
    const scan: Scan = { version: doc.version, matches: this.matchesOf(doc) };
    this.scans.set(key, scan);
    return scan;
  }

  private matchesOf(doc: vscode.TextDocument): AmiIdMatch[] {
    if (!isScannedScheme(doc.uri.scheme)) {
      return [];
    }
    // The offset of the end is the length, without copying the text.
    const size = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
    const { maxFileBytes } = codeSettings(doc);
    if (size > maxFileBytes) {
      const key = doc.uri.toString();
      if (!this.skipped.has(key)) {
        this.skipped.add(key);
        log().info(`Not scanning ${doc.uri.fsPath || key} for AMI ids: ${(size / 1048576).toFixed(1)} MB is above amiExplorer.code.maxFileSizeMB (${(maxFileBytes / 1048576).toFixed(1)} MB).`);
      }
      return [];
    }
    const text = doc.getText();
    return looksBinary(text) ? [] : findAmiIds(text);
  }

  private occurrence(doc: vscode.TextDocument, match: AmiIdMatch): IdOccurrence {
    const start = doc.positionAt(match.offset);
    const range = new vscode.Range(start, start.translate(0, match.id.length));
    const region = regionContextAt({ lineCount: doc.lineCount, lineAt: (i) => doc.lineAt(i).text }, start.line, start.character);
    const written = match.wrongCase ? doc.getText(range) : undefined;
    return { ...match, range, context: { region, written } };
  }

  /** Every id occurrence, in text order. */
  occurrences(doc: vscode.TextDocument): readonly IdOccurrence[] {
    const scan = this.scan(doc);
    scan.occurrences ??= scan.matches.map((m) => this.occurrence(doc, m));
    return scan.occurrences;
  }

  /** The distinct ids of a document, without working out ranges. */
  ids(doc: vscode.TextDocument): string[] {
    return [...new Set(this.scan(doc).matches.map((m) => m.id))];
  }

  at(doc: vscode.TextDocument, position: vscode.Position): IdOccurrence | undefined {
    const match = matchAt(this.scan(doc).matches, doc.offsetAt(position));
    return match && this.occurrence(doc, match);
  }

  dispose(): void {
    this.closed.dispose();
    this.scans.clear();
  }
}
