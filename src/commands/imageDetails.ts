import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import { imageDetailsMarkdown } from '../explorer/imageDetailsDocument';
import { md } from '../shared/format';
import { invocationOf } from '../actions/common/invocation';
import type { CommandHandler } from '../shared/registerCommand';
import { imageTarget, type TargetSources } from '../actions/common/imageTarget';

export const detailsScheme = 'ami-explorer-details';

/** Read-only documents `ami-explorer-details:/REGION/IMAGE-ID.md`, fetched when opened. */
export class ImageDetailsProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** Text fetched by the command that opened the document, so opening it costs no second call. */
  private readonly prefetched = new Map<string, string>();

  constructor(private readonly aws: AwsService) {}

  prefill(uri: vscode.Uri, text: string): void {
    this.prefetched.set(uri.toString(), text);
  }

  static uri(region: string, imageId: string): vscode.Uri {
    return vscode.Uri.from({ scheme: detailsScheme, path: `/${region}/${imageId}.md` });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const ready = this.prefetched.get(uri.toString());
    if (ready !== undefined) {
      this.prefetched.delete(uri.toString());
      return ready;
    }
    const [, region = '', file = ''] = uri.path.split('/');
    const imageId = file.replace(/\.md$/, '');
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      return imageDetailsMarkdown(await this.aws.describeImage(region, imageId, abort.signal));
    } catch (error) {
      // The id and region come from the URI, which anything can open: text, like the error, not Markdown.
      return `# ${md(`${imageId} (${region})`)}\n\nCould not load the image: ${md(error instanceof Error ? error.message : String(error))}\n`;
    } finally {
      sub.dispose();
    }
  }

  /** Re-fetch an open details document (after a refresh). */
  reload(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** amiExplorer.showDetails: returns `{ uri, text }` of the opened document. */
export function showDetails(sources: TargetSources, details: ImageDetailsProvider): CommandHandler {
  const { aws } = sources;
  return async (arg) => {
    const target = await imageTarget(sources, arg);
    if (!target) {
      return undefined;
    }
    // Fetch first, so a programmatic caller gets a rejection for a missing image rather than an error document.
    const text = imageDetailsMarkdown(await aws.describeImage(target.region, target.imageId));
    const uri = ImageDetailsProvider.uri(target.region, target.imageId);
    details.prefill(uri, text);
    const doc = await vscode.workspace.openTextDocument(uri);
    if (doc.getText() !== text) {
      // Already open from before: bring it up to date.
      details.prefill(uri, text);
      details.reload(uri);
    }
    // From a hover, the code stays in view.
    await vscode.window.showTextDocument(doc, { preview: true, viewColumn: invocationOf([arg]).via === 'link' ? vscode.ViewColumn.Beside : undefined });
    return { uri: uri.toString(), text };
  };
}
