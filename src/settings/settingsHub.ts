import * as vscode from 'vscode';
import type { ConnectionSource } from '../aws/awsService';
import { configuredRegions, readConnection, section } from './connection';
import { ignoredValue, recordSettingProblems } from './problems';

/** Which part of the extension a settings change concerns. */
export type SettingsChange =
  /** profile, endpoint or regions: who is asked, and where. */
  | 'connection'
  /** groupByTag, pageSize, publicCatalog: how the Images view lists. */
  | 'imagesView'
  /** amiExplorer.code.regions: where ids in code are looked up. */
  | 'codeScope'
  /** the other amiExplorer.code.* settings: which code features are on. */
  | 'codeFeatures'
  /** amiExplorer.code.exclude, severity and ignore: which files, ids and problems are quieted. */
  | 'codeNoise'
  /** snapshotPricePerGBMonth: what cost estimates assume. */
  | 'cost';

const keys: Record<SettingsChange, readonly string[]> = {
  connection: ['profile', 'endpointUrl', 'regions'],
  imagesView: ['groupByTag', 'pageSize', 'publicCatalog'],
  codeScope: ['code.regions'],
  codeFeatures: ['code.cacheMinutes', 'code.hover', 'code.codeLens', 'code.problems', 'code.maxFileSizeMB'],
  codeNoise: ['code.exclude', 'code.severity', 'code.ignore'],
  cost: ['snapshotPricePerGBMonth'],
};

/**
 * The one listener on VS Code's configuration: it tells each part of the extension that its settings changed, once
 * per change, so no part re-reads the others' settings or reacts to them. Also the AWS layer's ConnectionSource.
 */
export class SettingsHub implements ConnectionSource, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ReadonlySet<SettingsChange>>();
  /** Fires with the kinds of settings that changed. */
  readonly onDidChange = this.changed.event;
  private readonly listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration(section)) {
      return;
    }
    const kinds = new Set((Object.keys(keys) as SettingsChange[]).filter((kind) => keys[kind].some((key) => e.affectsConfiguration(`${section}.${key}`))));
    if (kinds.size) {
      this.changed.fire(kinds);
    }
  });

  /** Subscribes to the changes of some kinds only. */
  on(kinds: readonly SettingsChange[], listener: (changed: ReadonlySet<SettingsChange>) => void): vscode.Disposable {
    return this.onDidChange((changed) => {
      if (kinds.some((k) => changed.has(k))) {
        listener(changed);
      }
    });
  }

  connection() {
    return readConnection();
  }

  configuredRegions(): string[] {
    return configuredRegions();
  }

  reportUnknownRegions(regions: readonly string[]): void {
    recordSettingProblems('regions.known', regions.map((r) => ignoredValue(`${section}.regions`, `"${r}" is not a region this account knows.`)));
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
