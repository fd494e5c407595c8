import * as vscode from 'vscode';

export const pageScheme = 'amiexplorer-page';

/** A page shown to the person, which the action that showed it may rewrite (a plan, then what running it did). */
export interface TextPage {
  readonly uri: vscode.Uri;
  update(text: string): void;
}

/**
 * Read-only text pages (plans, reports): a content provider, so VS Code offers no editing and nothing asks to save
 * them. A page lives until the window closes; its text is plain, so hostile names cannot render as anything.
 */
export class TextPages implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private count = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Opens `text` as a new page titled `name` beside nothing else, and returns it for updates. */
  async show(name: string, text: string): Promise<TextPage> {
    const uri = vscode.Uri.from({ scheme: pageScheme, path: `/${++this.count}/${name.replace(/[\\/]/g, '-')}` });
    const set = (t: string) => {
      this.texts.set(uri.toString(), t);
      this.changed.fire(uri);
    };
    set(text);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    return { uri, update: set };
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}
