import * as vscode from 'vscode';
import { isAbort, signalOf } from '../shared/cancellation';
import { hoverCommands, hoverMarkdown } from './amiIdText';
import type { AmiLookup } from './amiLookup';
import type { DocumentIds } from './documentIds';

/** Explains the AMI id under the pointer; a cached answer is shown without any call. */
export class AmiHoverProvider implements vscode.HoverProvider {
  constructor(private readonly ids: DocumentIds, private readonly lookup: AmiLookup) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const occurrence = this.ids.at(doc, position);
    if (!occurrence) {
      return undefined;
    }
    let resolution;
    let selfAccount;
    try {
      [resolution, selfAccount] = await Promise.all([this.lookup.resolve(occurrence.id, signalOf(token)), this.lookup.selfAccount()]);
    } catch (error) {
      if (isAbort(error)) {
        return undefined;
      }
      throw error;
    }
    if (token.isCancellationRequested) {
      return undefined;
    }
    const text = new vscode.MarkdownString(hoverMarkdown(resolution, occurrence.context, { selfAccount, scope: this.lookup.describeScope() }), true);
    text.isTrusted = { enabledCommands: [...hoverCommands] };
    return new vscode.Hover(text, occurrence.range);
  }
}
