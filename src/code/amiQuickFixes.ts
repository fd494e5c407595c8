import * as vscode from 'vscode';
import { problemSource } from './amiDiagnostics';

/** Quick fix for an id written in upper case: EC2 knows it in lower case only. */
export class AmiQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return context.diagnostics
      .filter((d) => d.source === problemSource && d.code === 'upper-case')
      .map((d) => {
        const id = doc.getText(d.range).toLowerCase();
        const action = new vscode.CodeAction(`Write as ${id}`, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, d.range, id);
        action.diagnostics = [d];
        action.isPreferred = true;
        return action;
      });
  }
}
