import * as vscode from 'vscode';
import { ignoredValue, recordSettingProblems, type SettingProblem } from './problems';
import { checkProfileName, checkRegion } from '../shared/validation';
import type { Connection } from '../aws/model';

export const section = 'amiExplorer';

/**
 * amiExplorer.endpointUrl is machine-scoped: only the user's own settings count, so a cloned repository's
 * .vscode/settings.json can never send signed requests somewhere else. The profile is checked here, where it is
 * read: a name the AWS CLI would not accept is ignored, never passed on.
 */
export function readConnection(): Connection {
  const config = vscode.workspace.getConfiguration(section);
  const endpoint = config.inspect<string>('endpointUrl')?.globalValue?.trim();
  const raw = config.get<unknown>('profile', '');
  const profile = typeof raw === 'string' ? raw.trim() : raw;
  const problem = profile === '' ? undefined : checkProfileName(profile);
  recordSettingProblems('profile', problem ? [ignoredValue(`${section}.profile`, problem, 'the default credential chain is used')] : []);
  return { profile: problem ? '' : profile as string, endpoint: endpoint || undefined };
}

/** The regions the user asked for, each a valid region name; others are reported and left out. */
export function configuredRegions(): string[] {
  const raw = vscode.workspace.getConfiguration(section).get<unknown>('regions', []);
  const regions: string[] = [];
  const problems: SettingProblem[] = [];
  for (const value of Array.isArray(raw) ? raw as unknown[] : [raw]) {
    const problem = checkRegion(value);
    if (problem) {
      problems.push(ignoredValue(`${section}.regions`, problem));
    } else {
      regions.push((value as string).trim());
    }
  }
  recordSettingProblems('regions', problems);
  return [...new Set(regions)];
}
