import * as vscode from 'vscode';
import { section } from './connection';
import { defaultExcludeGlobs, globToRegExp, isAmiId, problemKinds, severitySettings, type ProblemKind, type SeveritySetting } from '../shared/noiseRules';
import { ignoredValue, recordSettingProblems, type SettingProblem } from './problems';

export type CodeRegionScope = 'enabled' | 'explorer';

/** Where ids are looked up; any other value is reported and the default used. */
function regionScope(value: unknown): CodeRegionScope {
  const valid = value === 'enabled' || value === 'explorer';
  recordSettingProblems('code.regions', valid ? [] : [ignoredValue(codeSetting('regions'), `${JSON.stringify(value)} is neither "enabled" nor "explorer".`, 'every enabled region is searched')]);
  return valid ? value : 'enabled';
}

/** The exclude globs that can be read; each other entry is reported and skipped. */
function excludePatterns(value: unknown): RegExp[] {
  const setting = codeSetting('exclude');
  if (!Array.isArray(value)) {
    recordSettingProblems('code.exclude', [ignoredValue(setting, `${JSON.stringify(value)} is not a list of glob patterns.`, 'the default patterns apply')]);
    return defaultExcludeGlobs.map((g) => globToRegExp(g));
  }
  const problems: SettingProblem[] = [];
  const patterns = value.flatMap((glob: unknown) => {
    if (typeof glob !== 'string') {
      problems.push(ignoredValue(setting, `${JSON.stringify(glob)} is not a glob pattern.`));
      return [];
    }
    try {
      return [globToRegExp(glob)];
    } catch (error) {
      problems.push(ignoredValue(setting, `"${glob}" ${(error as Error).message}.`));
      return [];
    }
  });
  recordSettingProblems('code.exclude', problems);
  return patterns;
}

/** The severity per problem kind; unknown kinds and values are reported and skipped. */
function severities(value: unknown): Partial<Record<ProblemKind, SeveritySetting>> {
  const setting = codeSetting('severity');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    recordSettingProblems('code.severity', [ignoredValue(setting, `${JSON.stringify(value)} is not an object of problem kinds and severities.`, 'each kind has its default severity')]);
    return {};
  }
  const problems: SettingProblem[] = [];
  const result: Partial<Record<ProblemKind, SeveritySetting>> = {};
  for (const [kind, severity] of Object.entries(value as Record<string, unknown>)) {
    if (!(problemKinds as readonly string[]).includes(kind)) {
      problems.push(ignoredValue(setting, `"${kind}" is not a kind of AMI problem (${problemKinds.join(', ')}).`));
    } else if (!(severitySettings as readonly unknown[]).includes(severity)) {
      problems.push(ignoredValue(setting, `${JSON.stringify(severity)} for "${kind}" is not one of ${severitySettings.join(', ')}.`, 'its default severity applies'));
    } else {
      result[kind as ProblemKind] = severity as SeveritySetting;
    }
  }
  recordSettingProblems('code.severity', problems);
  return result;
}

/** The ids that get no problem, in lower case; anything that is not an AMI id is reported and skipped. */
function ignoredIds(value: unknown): Set<string> {
  const setting = codeSetting('ignore');
  const entries: unknown[] = Array.isArray(value) ? value : [];
  const problems = Array.isArray(value) ? [] : [ignoredValue(setting, `${JSON.stringify(value)} is not a list of AMI ids.`)];
  const ids = new Set<string>();
  for (const entry of entries) {
    if (typeof entry === 'string' && isAmiId(entry.trim())) {
      ids.add(entry.trim().toLowerCase());
    } else {
      problems.push(ignoredValue(setting, `${JSON.stringify(entry)} is not an AMI id (ami- and 8 or 17 hex digits).`));
    }
  }
  recordSettingProblems('code.ignore', problems);
  return ids;
}

/** What quiets AMI problems for one file: read per file, since a folder may set its own. */
export function noiseSettings(scope?: vscode.ConfigurationScope) {
  const config = vscode.workspace.getConfiguration(`${section}.code`, scope);
  return {
    exclude: excludePatterns(config.get<unknown>('exclude', defaultExcludeGlobs)),
    severity: severities(config.get<unknown>('severity', {})),
    ignore: ignoredIds(config.get<unknown>('ignore', [])),
  };
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

export const codeSetting = (key: 'regions' | 'cacheMinutes' | 'hover' | 'codeLens' | 'problems' | 'maxFileSizeMB' | 'exclude' | 'severity' | 'ignore') => `${section}.code.${key}`;
