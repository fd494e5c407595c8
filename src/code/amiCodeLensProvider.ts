import * as vscode from 'vscode';
import { isAbort, signalOf } from '../shared/cancellation';
import { codeLensTitle } from './amiIdText';
import type { AmiLookup } from './amiLookup';
import { isExcluded, type DocumentIds, type IdOccurrence } from './documentIds';
import type { Resolution } from './imageResolver';

class AmiCodeLens extends vscode.CodeLens {
  constructor(readonly occurrence: IdOccurrence) {
    super(occurrence.range);
  }
}

/** `name · region · state` above each id: providing is a scan, the lookups happen when a lens is resolved. */
export class AmiCodeLensProvider implements vscode.CodeLensProvider<AmiCodeLens>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private redraw: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly ids: DocumentIds, private readonly lookup: AmiLookup) {
    // A forget (refresh) clears what is shown; later answers (a retried lookup, a region that answered late)
    // replace lenses already drawn, once per burst of answers.
    this.subscription = lookup.onDidResolve((results) => {
      if (!results.length) {
        this.changed.fire();
        return;
      }
      this.redraw ??= setTimeout(() => {
        this.redraw = undefined;
        this.changed.fire();
      }, 250);
    });
  }

  /** Draws every lens again: which files are excluded changed. */
  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): AmiCodeLens[] {
    if (isExcluded(doc)) {
      return [];
    }
    const seen = new Set<string>();
    const lenses: AmiCodeLens[] = [];
    for (const occurrence of this.ids.occurrences(doc)) {
      // One lens per id per line: a list of the same id twice on a line says it once.
      const key = `${occurrence.range.start.line}:${occurrence.id}`;
      if (!seen.has(key)) {
        seen.add(key);
        const lens = new AmiCodeLens(occurrence);
        const known = this.lookup.peek(occurrence.id);
        if (known) {
          lens.command = this.command(occurrence, known);
        }
        lenses.push(lens);
      }
    }
    return lenses;
  }

  async resolveCodeLens(lens: AmiCodeLens, token: vscode.CancellationToken): Promise<AmiCodeLens> {
    try {
      lens.command ??= this.command(lens.occurrence, await this.lookup.resolve(lens.occurrence.id, signalOf(token)));
    } catch (error) {
      if (!isAbort(error)) {
        throw error;
      }
    }
    return lens;
  }

  private command(occurrence: IdOccurrence, resolution: Resolution): vscode.Command {
    const title = codeLensTitle(resolution, occurrence.context);
    if (resolution.kind !== 'found') {
      // Not clickable: there is nothing to reveal. The hover and the Problems panel say more.
      return { title, command: '' };
    }
    const image = resolution.images.find((i) => i.region === occurrence.context.region) ?? resolution.images[0];
    if (!image) {
      return { title, command: '' };
    }
    return {
      title,
      command: 'amiExplorer.revealImage',
      arguments: [{ imageId: image.id, region: image.region }],
      tooltip: `Reveal ${image.id} in the Images view`,
    };
  }

  dispose(): void {
    clearTimeout(this.redraw);
    this.subscription.dispose();
    this.changed.dispose();
  }
}
