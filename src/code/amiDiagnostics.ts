import * as vscode from 'vscode';
import { log } from '../shared/log';
import { noiseSettings } from '../settings/code';
import { hasIgnoreMarker, severityOf } from '../shared/noiseRules';
import { problemsFor, type Severity } from './amiIdText';
import type { AmiLookup } from './amiLookup';
import { isExcluded, type DocumentIds } from './documentIds';
import type { Resolution } from './imageResolver';

export const problemSource = 'AMI Explorer';
const editDelayMs = 400;
/**
 * Distinct ids checked per document: a generated file with tens of thousands would spend the account's
 * DescribeImages quota that deploys rely on. Hovers and CodeLenses still look up any id on demand.
 */
export const maxIdsPerDocument = 2000;

const severities: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * Problems for AMI ids in open documents: checked when a document opens, again shortly after edits stop,
 * and whenever lookups finish; cleared when the document closes.
 */
export class AmiDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('amiExplorer');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly ids: DocumentIds, private readonly lookup: AmiLookup) {
    this.disposables = [
      this.collection,
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) {
          this.schedule(e.document, editDelayMs);
        }
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.cancel(doc.uri.toString());
        this.collection.delete(doc.uri);
      }),
      lookup.onDidResolve((results) => this.onResolved(results)),
    ];
    for (const doc of vscode.workspace.textDocuments) {
      this.schedule(doc, 0);
    }
  }

  /** Checks every open document again: what quiets problems changed. */
  recheckAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      this.schedule(doc, 0);
    }
  }

  private onResolved(results: readonly Resolution[]): void {
    const changed = new Set(results.map((r) => r.id));
    for (const doc of vscode.workspace.textDocuments) {
      // An empty set means everything was forgotten: check every document again.
      if (!changed.size || this.ids.ids(doc).some((id) => changed.has(id))) {
        this.schedule(doc, 0);
      }
    }
  }

  private schedule(doc: vscode.TextDocument, delayMs: number): void {
    const key = doc.uri.toString();
    this.cancel(key);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.update(doc);
    }, delayMs));
  }

  private cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  private update(doc: vscode.TextDocument): void {
    if (doc.isClosed) {
      return;
    }
    // An excluded file is not looked up at all: a change log may hold hundreds of retired ids.
    const ids = isExcluded(doc) ? [] : this.ids.ids(doc);
    if (!ids.length) {
      this.collection.delete(doc.uri);
      return;
    }
    const checked = ids.slice(0, maxIdsPerDocument);
    // Problems show what is known now; the ids still being looked up report back through onDidResolve, so a
    // slow or hung region never holds back the problems of ids other regions have answered.
    const resolutions = new Map(checked.flatMap((id) => {
      const known = this.lookup.peek(id);
      return known ? [[id, known] as const] : [];
    }));
    const missing = checked.filter((id) => !resolutions.has(id));
    if (missing.length) {
      this.lookup.resolveAll(missing).catch((error: unknown) => log().warn(`Looking up ${missing.length} AMI ids: ${error instanceof Error ? error.message : String(error)}`));
    }
    const diagnostics: vscode.Diagnostic[] = [];
    if (ids.length > checked.length) {
      const inScope = new Set(checked);
      const first = this.ids.occurrences(doc).find((o) => !inScope.has(o.id));
      const notice = new vscode.Diagnostic(first?.range ?? new vscode.Range(0, 0, 0, 0),
        `This file has ${ids.length} distinct AMI ids: the first ${maxIdsPerDocument} are checked, the other ${ids.length - maxIdsPerDocument} are not (hover one to look it up).`,
        vscode.DiagnosticSeverity.Information);
      notice.source = problemSource;
      notice.code = 'too-many-ids';
      diagnostics.push(notice);
    }
    const noise = noiseSettings(doc);
    for (const occurrence of this.ids.occurrences(doc)) {
      if (noise.ignore.has(occurrence.id) || hasIgnoreMarker(doc.lineAt(occurrence.range.start.line).text)) {
        continue;
      }
      for (const problem of problemsFor(resolutions.get(occurrence.id), occurrence.context)) {
        const severity = severityOf(problem.code, problem.severity, noise.severity);
        if (severity === 'off') {
          continue;
        }
        const diagnostic = new vscode.Diagnostic(occurrence.range, problem.message, severities[severity]);
        diagnostic.source = problemSource;
        diagnostic.code = problem.code;
        diagnostics.push(diagnostic);
      }
    }
    this.collection.set(doc.uri, diagnostics);
  }

  dispose(): void {
    for (const timer of this.timers.values()) {
      clearTimeout(timer);
    }
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
