import * as vscode from 'vscode';
import { section } from './connection';
import { ignoredValue, recordSettingProblems } from './problems';

export type CodeRegionScope = 'enabled' | 'explorer';

/** Where ids are looked up; any other value is reported and the default used. */
function regionScope(value: unknown): CodeRegionScope {
  const valid = value === 'enabled' || value === 'explorer';
  recordSettingProblems('code.regions', valid ? [] : [ignoredValue(codeSetting('regions'), `${JSON.stringify(value)} is neither "enabled" nor "explorer".`, 'every enabled region is searched')]);
  return valid ? value : 'enabled';
}

/** The `amiExplorer.code.*` settings, read on every use so changes apply at once. */
export function codeSettings(scope?: vscode.ConfigurationScope) {
  const config = vscode.workspace.getConfiguration(`${section}.code`, scope);
  return {
    regions: regionScope(config.get<unknown>('regions', 'enabled')),
    ttlMs: Math.max(1, config.get<number>('cacheMinutes', 60)) * 60_000,
    hover: config.get<boolean>('hover', true),
    codeLens: config.get<boolean>('codeLens', true),
    problems: config.get<boolean>('problems', true),
    maxFileBytes: Math.max(0.1, config.get<number>('maxFileSizeMB', 10)) * 1024 * 1024,
  };
}

export const codeSetting = (key: 'regions' | 'cacheMinutes' | 'hover' | 'codeLens' | 'problems' | 'maxFileSizeMB') => `${section}.code.${key}`;
