import * as vscode from 'vscode';
import type { ImageTarget } from '../aws/model';
import { makeNonce } from '../shared/html';
import { log } from '../shared/log';
import type { ImagePage } from './imagePage';
import { loadImagePage, type PageSources } from './loadImagePage';
import { actionsFor, parsePageMessage, type PageMessage } from './pageActions';
import { imagePageHtml, messagePageHtml } from './pageHtml';

const viewType = 'amiExplorer.imageDetails';

interface OpenPanel {
  readonly target: ImageTarget;
  readonly panel: vscode.WebviewPanel;
  page?: ImagePage;
  /** Each load's number: an answer that a later load overtook is dropped. */
  generation: number;
  loading?: Promise<void>;
  /** Closed: an answer that arrives later is dropped. */
  closed?: boolean;
}

function keyOf(target: ImageTarget): string {
  return `${target.region}/${target.imageId}`;
}

/**
 * The details pages: one webview per image (shown again, and read again, when asked twice), each a theme-following
 * page under a strict content security policy. A page's buttons post only their name; the commands they start are
 * the ones the tree and the palette run, with the image as their only argument.
 */
export class ImageDetailsPanels implements vscode.Disposable {
  private readonly open = new Map<string, OpenPanel>();

  constructor(private readonly sources: PageSources) {}

  /** Loads the image (rejecting when EC2 does not have it), then shows its page, new or the one already open. */
  async show(target: ImageTarget, column: vscode.ViewColumn = vscode.ViewColumn.Active): Promise<void> {
    const page = await loadImagePage(this.sources, target);
    const existing = this.open.get(keyOf(target));
    const entry = existing ?? this.create(target, column);
    entry.generation++;
    this.render(entry, page);
    if (existing) {
      existing.panel.reveal(column);
    }
  }

  private create(target: ImageTarget, column: vscode.ViewColumn): OpenPanel {
    const panel = vscode.window.createWebviewPanel(viewType, target.imageId, { viewColumn: column, preserveFocus: false }, {
      // The script only posts button names; no local file is ever loaded.
      enableScripts: true,
      localResourceRoots: [],
      enableFindWidget: true,
    });
    const entry: OpenPanel = { target, panel, generation: 0 };
    this.open.set(keyOf(target), entry);
    panel.onDidDispose(() => {
      entry.closed = true;
      if (this.open.get(keyOf(target)) === entry) {
        this.open.delete(keyOf(target));
      }
    });
    panel.webview.onDidReceiveMessage((message: unknown) => {
      void this.receive(target, message).catch((error: unknown) => log().error(`Details page of ${target.imageId}: ${error instanceof Error ? error.message : String(error)}`));
    });
    return entry;
  }

  private render(entry: OpenPanel, page: ImagePage): void {
    if (entry.closed) {
      return;
    }
    entry.page = page;
    entry.panel.title = page.details.image.name || entry.target.imageId;
    entry.panel.webview.html = imagePageHtml(page, makeNonce());
  }

  /** Reads the image again; a failure shows on the page with a way to try again. */
  private reload(entry: OpenPanel): Promise<void> {
    const generation = ++entry.generation;
    const { target } = entry;
    const work = loadImagePage(this.sources, target).then(
      (page) => {
        if (entry.generation === generation) {
          this.render(entry, page);
        }
      },
      (error: unknown) => {
        if (entry.generation === generation && !entry.closed) {
          entry.page = undefined;
          const message = `Could not load ${target.imageId} in ${target.region}: ${error instanceof Error ? error.message : String(error)}`;
          entry.panel.webview.html = messagePageHtml(target.imageId, message, makeNonce(), true);
        }
      },
    );
    entry.loading = work;
    return work;
  }

  /** Every open page reads its image again (the Refresh command). */
  async refreshAll(): Promise<void> {
    await Promise.all([...this.open.values()].map((entry) => this.reload(entry)));
  }

  /** Draws every open page again from what it read (a setting such as the snapshot price changed). */
  redrawAll(price: number): void {
    for (const entry of this.open.values()) {
      if (entry.page) {
        this.render(entry, { ...entry.page, pricePerGBMonth: price });
      }
    }
  }

  /** What a page posted: a button's name, a lineage link's index, or "refresh". Anything else is ignored. */
  async receive(target: ImageTarget, raw: unknown): Promise<void> {
    const entry = this.open.get(keyOf(target));
    const message: PageMessage | undefined = parsePageMessage(raw);
    if (!entry || !message) {
      log().warn(`Details page of ${target.imageId}: ignored a message it may not send`);
      return;
    }
    if (message.type === 'refresh') {
      this.sources.lastLaunched.forget(target);
      await this.reload(entry);
      return;
    }
    const page = entry.page;
    if (!page) {
      return;
    }
    if (message.type === 'reveal') {
      const link = page.lineage[message.link];
      if (link?.image) {
        await vscode.commands.executeCommand('amiExplorer.revealImage', { imageId: link.image.id, region: link.image.region });
      }
      return;
    }
    const action = actionsFor(page.owned).find((a) => a.id === message.action);
    if (!action) {
      log().warn(`Details page of ${target.imageId}: ignored the unknown action "${message.action}"`);
      return;
    }
    await vscode.commands.executeCommand(action.command, action.idOnly ? { imageId: target.imageId } : { imageId: target.imageId, region: target.region });
  }

  /** For the tests: the page's HTML as the webview holds it, and how many pages are open. */
  htmlOf(target: ImageTarget): string | undefined {
    return this.open.get(keyOf(target))?.panel.webview.html;
  }

  get count(): number {
    return this.open.size;
  }

  /** For the tests: waits for a page's reload under way. */
  settled(target: ImageTarget): Promise<void> {
    return this.open.get(keyOf(target))?.loading ?? Promise.resolve();
  }

  dispose(): void {
    for (const entry of [...this.open.values()]) {
      entry.panel.dispose();
    }
    this.open.clear();
  }
}
