import * as vscode from 'vscode';
import { isAbort, signalOf } from '../shared/cancellation';
import { hoverCommands, hoverMarkdown } from './amiIdText';
import type { AmiLookup } from './amiLookup';
import { isExcluded, type DocumentIds } from './documentIds';
import type { ImageInfo } from '../aws/model';
import type { LastLaunched } from '../shared/imageLabels';
import type { LastLaunchedReader } from '../shared/lastLaunched';
import type { Resolution } from './imageResolver';

/** How long a hover waits for an owned image's last launch before showing without it. */
const lastLaunchedWaitMs = 1500;

/** Explains the AMI id under the pointer; a cached answer is shown without any call. */
export class AmiHoverProvider implements vscode.HoverProvider {
  constructor(private readonly ids: DocumentIds, private readonly lookup: AmiLookup, private readonly lastLaunched?: LastLaunchedReader) {}

  /** When the caller's own images among the answer last launched: one call per image, not yet known, in parallel. */
  private async lastLaunchOf(resolution: Resolution, selfAccount: string | undefined): Promise<Map<string, LastLaunched>> {
    const owned: ImageInfo[] = resolution.kind === 'found' && selfAccount ? resolution.images.filter((i) => i.ownerId === selfAccount) : [];
    const reader = this.lastLaunched;
    if (!reader || !owned.length) {
      return new Map();
    }
    const answers = await Promise.all(owned.map((image) => reader.within(image, lastLaunchedWaitMs, 'still being read: hover again')));
    return new Map(owned.map((image, i): [string, LastLaunched] => [`${image.region}/${image.id}`, answers[i] as LastLaunched]));
  }

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const occurrence = isExcluded(doc) ? undefined : this.ids.at(doc, position);
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
    const lastLaunched = await this.lastLaunchOf(resolution, selfAccount);
    if (token.isCancellationRequested) {
      return undefined;
    }
    const text = new vscode.MarkdownString(hoverMarkdown(resolution, occurrence.context, { selfAccount, scope: this.lookup.describeScope(), lastLaunched }), true);
    text.isTrusted = { enabledCommands: [...hoverCommands] };
    return new vscode.Hover(text, occurrence.range);
  }
}
