import * as vscode from 'vscode';
import { section } from '../settings/connection';
import { commentStyle, ignoreMarker, markerComment, problemKinds } from '../shared/noiseRules';
import { problemSource } from './amiDiagnostics';

/** The command behind "Ignore ami-… in this workspace": adds the id to the workspace's `amiExplorer.code.ignore`. */
export const ignoreInWorkspaceCommand = 'amiExplorer.code.ignoreInWorkspace';

/** Adds an id to the workspace setting, once; the settings change checks open documents again. */
export async function ignoreInWorkspace(id: unknown): Promise<void> {
  if (typeof id !== 'string' || !/^ami-[0-9a-f]+$/.test(id)) {
    throw new Error(`Cannot ignore ${JSON.stringify(id)}: it is not an AMI id.`);
  }
  const config = vscode.workspace.getConfiguration(`${section}.code`);
  const current = config.inspect<unknown>('ignore')?.workspaceValue;
  const ids: unknown[] = Array.isArray(current) ? (current as unknown[]) : [];
  if (!ids.includes(id)) {
    await config.update('ignore', [...ids, id], vscode.ConfigurationTarget.Workspace);
  }
}

const isAmiProblem = (d: vscode.Diagnostic) => d.source === problemSource && (problemKinds as readonly unknown[]).includes(d.code);

/**
 * Quick fixes for AMI problems: write an upper-case id in lower case, and ignore an id, on its line with an
 * `ami-explorer-ignore` comment (where the file's language has comments) or in the workspace's settings.
 */
export class AmiQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter(isAmiProblem);
    return [...ours.filter((d) => d.code === 'upper-case').map((d) => lowerCase(doc, d)), ...ignoreActions(doc, ours)];
  }
}

function lowerCase(doc: vscode.TextDocument, d: vscode.Diagnostic): vscode.CodeAction {
  const id = doc.getText(d.range).toLowerCase();
  const action = new vscode.CodeAction(`Write as ${id}`, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(doc.uri, d.range, id);
  action.diagnostics = [d];
  action.isPreferred = true;
  return action;
}

/** One pair of ignore actions per id and line, however many problems the id has there. */
function ignoreActions(doc: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
  const byIdAndLine = new Map<string, vscode.Diagnostic[]>();
  for (const d of diagnostics) {
    const key = `${d.range.start.line}\n${doc.getText(d.range).toLowerCase()}`;
    byIdAndLine.set(key, [...(byIdAndLine.get(key) ?? []), d]);
  }
  const style = commentStyle(doc.languageId, doc.fileName);
  const inWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  return [...byIdAndLine.entries()].flatMap(([key, group]) => {
    const [lineText, id] = key.split('\n') as [string, string];
    const line = doc.lineAt(Number(lineText));
    const actions: vscode.CodeAction[] = [];
    if (style) {
      const onLine = new vscode.CodeAction(`Ignore ${id} on this line (${ignoreMarker} comment)`, vscode.CodeActionKind.QuickFix);
      onLine.edit = new vscode.WorkspaceEdit();
      onLine.edit.insert(doc.uri, line.range.end, markerComment(style));
      onLine.diagnostics = group;
      actions.push(onLine);
    }
    if (inWorkspace) {
      const setting = new vscode.CodeAction(`Ignore ${id} in this workspace`, vscode.CodeActionKind.QuickFix);
      setting.command = { title: setting.title, command: ignoreInWorkspaceCommand, arguments: [id] };
      setting.diagnostics = group;
      actions.push(setting);
    }
    return actions;
  });
}
