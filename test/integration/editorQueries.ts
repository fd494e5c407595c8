// What a person sees of an AMI reference in the editor — hover text, CodeLens titles, our problems — as the
// suites read it through VS Code's own provider commands.
import * as vscode from 'vscode';
import { shown } from '../markdownSafety';

/** The hover at a position, as rendered text. */
export async function hoverAt(uri: vscode.Uri, at: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
  return shown(hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'));
}

export interface LensSeen {
  readonly line: number;
  readonly title: string;
  readonly command: string;
}

/** Every CodeLens of a document, resolved, in document order. */
export async function lensesOf(uri: vscode.Uri): Promise<LensSeen[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
  // VS Code lists lenses that came resolved before those it had to resolve.
  return [...lenses].sort((a, b) => a.range.start.compareTo(b.range.start))
    .map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '', command: l.command?.command ?? '' }));
}

/** The problems AMI Explorer reports for a document now. */
export const ourProblems = (uri: vscode.Uri): vscode.Diagnostic[] =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'AMI Explorer');

/** Our problems once `ready` holds, polling as lookups settle (they arrive region by region), or as they are at `ms`. */
export async function problemsWhen(uri: vscode.Uri, ready: (found: vscode.Diagnostic[]) => boolean, ms = 15_000): Promise<vscode.Diagnostic[]> {
  for (let waited = 0; !ready(ourProblems(uri)) && waited < ms; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return ourProblems(uri);
}

/** Our problems once there are `count` of them. */
export const problemCount = (uri: vscode.Uri, count: number): Promise<vscode.Diagnostic[]> =>
  problemsWhen(uri, (found) => found.length === count);
