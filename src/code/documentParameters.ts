import * as vscode from 'vscode';
import { codeSettings } from '../settings/code';
import { looksBinary } from './amiIdScanner';
import { isExcluded } from './documentIds';
import { regionContextAt } from './regionContext';
import { isScannedScheme } from './schemes';
import { findSsmReferences, ssmReferenceAt, type SsmReference } from './ssmParameterScanner';

export interface ParameterOccurrence extends SsmReference {
  readonly range: vscode.Range;
  /** The region the code means (a stack or provider region, a region key), when it says. */
  readonly region?: string;
}

/** The SSM parameter references of open documents, scanned once per document version. */
export class DocumentParameters implements vscode.Disposable {
  private readonly scans = new Map<string, { version: number; refs: readonly SsmReference[] }>();
  private readonly closed = vscode.workspace.onDidCloseTextDocument((doc) => this.scans.delete(doc.uri.toString()));

  private refs(doc: vscode.TextDocument): readonly SsmReference[] {
    // An excluded file (amiExplorer.code.exclude) gets no hover, CodeLens or problem for its parameters either.
    if (isExcluded(doc)) {
      return [];
    }
    const key = doc.uri.toString();
    const cached = this.scans.get(key);
    if (cached?.version === doc.version) {
      return cached.refs;
    }
    let refs: SsmReference[] = [];
    if (isScannedScheme(doc.uri.scheme)) {
      const size = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
      const text = size <= codeSettings(doc).maxFileBytes ? doc.getText() : '';
      refs = text && !looksBinary(text) ? findSsmReferences(text) : [];
    }
    this.scans.set(key, { version: doc.version, refs });
    return refs;
  }

  private occurrence(doc: vscode.TextDocument, ref: SsmReference): ParameterOccurrence {
    const start = doc.positionAt(ref.offset);
    const range = new vscode.Range(start, doc.positionAt(ref.offset + ref.length));
    const region = regionContextAt({ lineCount: doc.lineCount, lineAt: (i) => doc.lineAt(i).text }, start.line, start.character);
    return { ...ref, range, ...(region ? { region } : {}) };
  }

  occurrences(doc: vscode.TextDocument): ParameterOccurrence[] {
    return this.refs(doc).map((ref) => this.occurrence(doc, ref));
  }

  at(doc: vscode.TextDocument, position: vscode.Position): ParameterOccurrence | undefined {
    const ref = ssmReferenceAt(this.refs(doc), doc.offsetAt(position));
    return ref && this.occurrence(doc, ref);
  }

  dispose(): void {
    this.closed.dispose();
    this.scans.clear();
  }
}
