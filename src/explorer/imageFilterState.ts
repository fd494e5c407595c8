import * as vscode from 'vscode';
import { defaultImageFilter, type ImageFilter } from '../aws/model';

const stateKey = 'amiExplorer.imageFilter';

/** The Images view's filter, remembered per workspace; every change refreshes the view. */
export class ImageFilterState {
  private readonly changed = new vscode.EventEmitter<ImageFilter>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  get current(): ImageFilter {
    return { ...defaultImageFilter, ...this.memento.get<Partial<ImageFilter>>(stateKey, {}) };
  }

  async set(filter: ImageFilter): Promise<void> {
    await this.memento.update(stateKey, filter);
    this.changed.fire(filter);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
