import * as vscode from 'vscode';
import { log } from '../shared/log';
import { isAbort, signalOf } from '../shared/cancellation';
import type { DocumentParameters, ParameterOccurrence } from './documentParameters';
import type { ParameterLookup } from './parameterLookup';
import { isImageReference, parameterHoverMarkdown, parameterLensTitle, parameterProblems } from './parameterText';
import { problemSource } from './amiDiagnostics';

/** Which image an SSM parameter names today, per region. */
export class ParameterHoverProvider implements vscode.HoverProvider {
  constructor(private readonly parameters: DocumentParameters, private readonly lookup: ParameterLookup) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const occurrence = this.parameters.at(doc, position);
    if (!occurrence) {
      return undefined;
    }
    try {
      const answers = await this.lookup.answers(occurrence, signalOf(token));
      if (token.isCancellationRequested || !isImageReference(occurrence, answers)) {
        return undefined;
      }
      return new vscode.Hover(new vscode.MarkdownString(parameterHoverMarkdown(occurrence, answers)), occurrence.range);
    } catch (error) {
      if (isAbort(error)) {
        return undefined;
      }
      throw error;
    }
  }
}

class ParameterLens extends vscode.CodeLens {
  constructor(readonly occurrence: ParameterOccurrence, readonly region: string) {
    super(occurrence.range);
  }
}

/** "today: name · ami-… · created … · region" above each parameter, one lens per region. */
export class ParameterCodeLensProvider implements vscode.CodeLensProvider<ParameterLens>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private redraw: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly parameters: DocumentParameters, private readonly lookup: ParameterLookup) {
    this.subscription = lookup.onDidChange(() => {
      this.redraw ??= setTimeout(() => {
        this.redraw = undefined;
        this.changed.fire();
      }, 250);
    });
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<ParameterLens[]> {
    const lenses: ParameterLens[] = [];
    for (const occurrence of this.parameters.occurrences(doc)) {
      const regions = await this.lookup.regions(occurrence);
      const known = this.lookup.peek(occurrence, regions);
      if (known && !isImageReference(occurrence, known)) {
        continue;
      }
      for (const region of regions) {
        const lens = new ParameterLens(occurrence, region);
        const answer = known?.find((a) => a.region === region);
        if (answer) {
          lens.command = { title: parameterLensTitle(answer), command: '' };
        }
        lenses.push(lens);
      }
    }
    return lenses;
  }

  async resolveCodeLens(lens: ParameterLens, token: vscode.CancellationToken): Promise<ParameterLens> {
    try {
      const answers = await this.lookup.answers(lens.occurrence, signalOf(token));
      const answer = answers.find((a) => a.region === lens.region);
      if (answer && isImageReference(lens.occurrence, answers)) {
        lens.command = { title: parameterLensTitle(answer), command: '' };
      }
    } catch (error) {
      if (!isAbort(error)) {
        throw error;
      }
    }
    return lens;
  }

  dispose(): void {
    clearTimeout(this.redraw);
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Problems of SSM parameters in open documents: missing, not an image, naming a deprecated image. */
export class ParameterDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('amiExplorer.parameters');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly parameters: DocumentParameters, private readonly lookup: ParameterLookup) {
    this.disposables = [
      this.collection,
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && this.schedule(e.document, 400)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        clearTimeout(this.timers.get(doc.uri.toString()));
        this.collection.delete(doc.uri);
      }),
      lookup.onDidChange(() => vscode.workspace.textDocuments.forEach((doc) => this.schedule(doc, 100))),
    ];
    vscode.workspace.textDocuments.forEach((doc) => this.schedule(doc, 0));
  }

  private schedule(doc: vscode.TextDocument, delayMs: number): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.update(doc).catch((error: unknown) => log().warn(`Checking SSM parameters of ${doc.uri.toString()}: ${error instanceof Error ? error.message : String(error)}`));
    }, delayMs));
  }

  private async update(doc: vscode.TextDocument): Promise<void> {
    if (doc.isClosed) {
      return;
    }
    const occurrences = this.parameters.occurrences(doc);
    if (!occurrences.length) {
      this.collection.delete(doc.uri);
      return;
    }
    const diagnostics: vscode.Diagnostic[] = [];
    for (const occurrence of occurrences) {
      const known = this.lookup.peek(occurrence, await this.lookup.regions(occurrence));
      if (!known) {
        // Answers report back through onDidChange.
        void this.lookup.answers(occurrence).catch(() => undefined);
        continue;
      }
      for (const problem of parameterProblems(occurrence, known)) {
        const diagnostic = new vscode.Diagnostic(occurrence.range, problem.message, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = problemSource;
        diagnostic.code = problem.code;
        diagnostics.push(diagnostic);
      }
    }
    if (!doc.isClosed) {
      this.collection.set(doc.uri, diagnostics);
    }
  }

  dispose(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
