import * as vscode from 'vscode';
import { section } from '../aws/connectionSettings';

export type CodeRegionScope = 'enabled' | 'explorer';

/** The `amiExplorer.code.*` settings, read on every use so changes apply at once. */
export function codeSettings(scope?: vscode.ConfigurationScope) {
  const config = vscode.workspace.getConfiguration(`${section}.code`, scope);
  return {
    regions: config.get<CodeRegionScope>('regions', 'enabled') === 'explorer' ? 'explorer' as const : 'enabled' as const,
    ttlMs: Math.max(1, config.get<number>('cacheMinutes', 60)) * 60_000,
    hover: config.get<boolean>('hover', true),
    codeLens: config.get<boolean>('codeLens', true),
    problems: config.get<boolean>('problems', true),
    maxFileBytes: Math.max(0.1, config.get<number>('maxFileSizeMB', 10)) * 1024 * 1024,
  };
}

export const codeSetting = (key: 'regions' | 'cacheMinutes' | 'hover' | 'codeLens' | 'problems' | 'maxFileSizeMB') => `${section}.code.${key}`;
