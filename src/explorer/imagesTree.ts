import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import { toAwsError } from '../aws/errors';
import type { ImageFilter, ImageInfo, RecycleBinImage } from '../aws/model';
import type { ImageViews, RevealOutcome } from '../shared/views';
import { ImageNode } from './nodes/imageNode';
import { ExplorerTreeProvider } from './explorerTreeProvider';
import type { ExplorerNode } from './nodes/explorerNode';
import { ImageRegionNode } from './nodes/imageRegionNode';
import { RecycleBinImageNode } from './nodes/recycleBinNode';
import { ErrorNode, SettingProblemNode } from './nodes/messageNodes';
import { settingProblems } from '../settings/problems';
import { groupByTagKey, savedSearches } from '../settings/images';
import { codeSettings, noiseSettings } from '../settings/code';
import type { ImageTreeContext } from './nodes/treeContext';
import { describeFilter } from './filterDescription';
import type { ImageFilterState } from './imageFilterState';
import type { MentionFinder } from '../shared/imageUsage';
import { UsedByNode } from './nodes/usedByNode';
import type { LastLaunchedReader } from '../shared/lastLaunched';

export const noCredentialsContext = 'amiExplorer.noCredentials';

export type { RevealOutcome } from '../shared/views';

/** Builds the Images view: region nodes, or the welcome view when no credentials exist at all. */
export class ImagesTree implements ImageViews, vscode.Disposable {
  readonly provider: ExplorerTreeProvider;
  readonly view: vscode.TreeView<ExplorerNode>;
  private readonly disposables: vscode.Disposable[] = [];
  regions: ImageRegionNode[] = [];

  constructor(
    private readonly aws: AwsService,
    private readonly filter: ImageFilterState,
    private readonly onRegions: (regions: string[]) => void,
    findMentions: MentionFinder,
    lastLaunched?: LastLaunchedReader,
  ) {
    const ctx: ImageTreeContext = {
      aws,
      findMentions,
      imageFilter: (): ImageFilter => filter.current,
      refresh: (node) => this.provider.refresh(node),
    };
    this.provider = new ExplorerTreeProvider(async () => {
      const roots = await this.loadRoots(ctx);
      return roots;
    }, async (item, node) => (node instanceof ImageNode ? node.resolveTooltip(item, lastLaunched) : item));
    this.view = vscode.window.createTreeView('amiExplorer.images', { treeDataProvider: this.provider, showCollapseAll: true, canSelectMany: true });
    this.showFilter();
    this.disposables.push(this.view, this.provider, filter.onDidChange(() => {
      this.showFilter();
      this.provider.refresh();
    }));
  }

  private async loadRoots(ctx: ImageTreeContext): Promise<ExplorerNode[]> {
    try {
      await this.aws.checkCredentials();
    } catch (error) {
      const err = toAwsError(error, { profile: this.aws.connection().profile });
      this.regions = [];
      if (err.kind === 'noCredentials') {
        // An empty tree shows the welcome view, which explains how to sign in.
        await vscode.commands.executeCommand('setContext', noCredentialsContext, true);
        return [];
      }
      await vscode.commands.executeCommand('setContext', noCredentialsContext, false);
      return [new ErrorNode(undefined, err)];
    }
    await vscode.commands.executeCommand('setContext', noCredentialsContext, false);
    const regions = await this.aws.regions();
    this.onRegions(regions);
    this.regions = regions.map((r) => new ImageRegionNode(r, ctx));
    // Read now, so that an ignored value shows at the top even before a region is expanded or a file with an id opens.
    groupByTagKey();
    savedSearches();
    codeSettings();
    noiseSettings();
    return [...settingProblems().map((p, i) => new SettingProblemNode(p, i)), ...this.regions];
  }

  /**
   * Opens the view at an image, loading its region, scope and pages as needed. `scopes` are where it may be
   * listed: "owned" or "shared" (public images of others appear only in saved searches).
   */
  async reveal(imageId: string, region: string, scopes: readonly ('owned' | 'shared')[]): Promise<RevealOutcome> {
    await this.provider.getChildren();
    const regionNode = this.regions.find((r) => r.region === region);
    if (!regionNode) {
      return 'regionNotShown';
    }
    for (const scope of scopes) {
      let node = await regionNode[scope].nodeFor(imageId);
      if (!node) {
        // The list may predate the image (made elsewhere since): read it again once before saying it is not there.
        regionNode[scope].reset();
        this.provider.refresh(regionNode[scope]);
        node = await regionNode[scope].nodeFor(imageId);
      }
      if (node) {
        await this.view.reveal(node, { select: true, focus: true, expand: false });
        return 'revealed';
      }
    }
    return 'notListed';
  }

  shownRegions(): readonly string[] {
    return this.regions.map((r) => r.region);
  }

  knownTagKeys(): string[] {
    return [...new Set(this.regions.flatMap((r) => [...r.owned.images, ...r.shared.images].flatMap((i) => Object.keys(i.tags))))];
  }

  imageOf(item: unknown): ImageInfo | undefined {
    return item instanceof ImageNode || item instanceof UsedByNode ? item.image : undefined;
  }

  imagesOf(item: unknown, selection: readonly unknown[]): ImageInfo[] {
    const items = selection.includes(item) ? selection : [item];
    return items.flatMap((i) => (i instanceof ImageNode ? [i.image] : []));
  }

  recycledImageOf(item: unknown): RecycleBinImage | undefined {
    return item instanceof RecycleBinImageNode ? item.image : undefined;
  }

  /** Reloads the images of one region that an action changed (a copy, new tags, a deregistration, a restore). */
  refreshRegion(region: string): void {
    const node = this.regions.find((r) => r.region === region);
    for (const scope of node ? [node.owned, node.shared, node.recycleBin] : []) {
      scope.reset();
      this.provider.refresh(scope);
    }
  }

  private showFilter(): void {
    const text = describeFilter(this.filter.current);
    this.view.description = text ? `Filter: ${text}` : undefined;
    void vscode.commands.executeCommand('setContext', 'amiExplorer.filtered', !!text);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
