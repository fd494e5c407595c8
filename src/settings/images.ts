import * as vscode from 'vscode';
import { section } from './connection';
import { catalogSearchesFor } from './catalogDefaults';
import { isPlainObject } from '../shared/plainObject';
import { ignoredValue, recordSettingProblems, type SettingProblem } from './problems';
import { checkGroupingTagKey, checkImageOwner } from '../shared/validation';

export interface SavedSearch {
  readonly label: string;
  readonly owners: readonly string[];
  readonly name: string;
  readonly architecture?: string;
  readonly platform?: string;
  readonly limit?: number;
}


/** The tag key the Images view groups by; "" for none, also when the setting holds no valid key. */
export function groupByTagKey(): string {
  const raw = vscode.workspace.getConfiguration(section).get<unknown>('groupByTag', '');
  const key = typeof raw === 'string' ? raw.trim() : raw;
  const problem = key === '' ? undefined : checkGroupingTagKey(key);
  recordSettingProblems('groupByTag', problem ? [ignoredValue(`${section}.groupByTag`, problem, 'images are not grouped')] : []);
  return problem ? '' : key as string;
}

const architectures = ['x86_64', 'arm64', 'i386'];

/** Why a saved search cannot run, or undefined. Every search names its owners: none would read the whole catalog. */
function checkSavedSearch(value: unknown): string | undefined {
  if (!isPlainObject(value)) {
    return `${JSON.stringify(value)} is not a saved search: use { "label", "owners", "name" }.`;
  }
  const { label, owners, name, architecture, platform, limit } = value;
  const which = typeof label === 'string' && label.trim() ? `The saved search "${label}"` : 'A saved search';
  if (typeof label !== 'string' || !label.trim()) {
    return `${which} has no label.`;
  }
  if (!Array.isArray(owners) || !owners.length) {
    return `${which} names no owners, so it would list the whole public catalog: add account ids or aliases such as "amazon".`;
  }
  const badOwner = (owners as unknown[]).map(checkImageOwner).find(Boolean);
  if (badOwner) {
    return `${which}: ${badOwner}`;
  }
  if (typeof name !== 'string' || !name.trim()) {
    return `${which} has no name pattern, e.g. "al2023-ami-2023.*-x86_64".`;
  }
  if (architecture !== undefined && !architectures.includes(architecture as string)) {
    return `${which}: architecture must be one of ${architectures.join(', ')}.`;
  }
  if (platform !== undefined && platform !== 'windows') {
    return `${which}: platform can only be "windows".`;
  }
  if (limit !== undefined && !(Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= 50)) {
    return `${which}: limit must be a whole number from 1 to 50.`;
  }
  return undefined;
}

/** The saved searches of the public catalog that can run in a region; the others are reported and left out. */
export function savedSearches(region?: string): SavedSearch[] {
  const config = vscode.workspace.getConfiguration(section);
  // The default's owners follow the region's partition (Canonical's account differs in GovCloud and China).
  const raw = catalogSearchesFor(region, config.get<unknown>('publicCatalog.searches', []), config.inspect('publicCatalog.searches'), vscode.workspace.isTrusted);
  const searches: SavedSearch[] = [];
  const problems: SettingProblem[] = [];
  for (const value of Array.isArray(raw) ? raw as unknown[] : [raw]) {
    const problem = checkSavedSearch(value);
    if (problem) {
      problems.push(ignoredValue(`${section}.publicCatalog.searches`, problem));
    } else {
      const s = value as SavedSearch;
      searches.push({ ...s, label: s.label.trim(), name: s.name.trim() });
    }
  }
  recordSettingProblems('publicCatalog.searches', problems);
  return searches;
}
