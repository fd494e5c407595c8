import * as vscode from 'vscode';
import { section } from '../aws/connectionSettings';

export interface SavedSearch {
  readonly label: string;
  readonly owners: readonly string[];
  readonly name: string;
  readonly architecture?: string;
  readonly platform?: string;
  readonly limit?: number;
}

export function pageSize(): number {
  const n = vscode.workspace.getConfiguration(section).get<number>('pageSize', 100);
  return Number.isFinite(n) ? Math.max(5, Math.min(1000, Math.floor(n))) : 100;
}

export function groupByTagKey(): string {
  return vscode.workspace.getConfiguration(section).get<string>('groupByTag', '').trim();
}

export function savedSearches(): SavedSearch[] {
  const raw = vscode.workspace.getConfiguration(section).get<unknown[]>('publicCatalog.searches', []);
  return raw.filter((s): s is SavedSearch => {
    const c = s as Partial<SavedSearch>;
    return typeof c?.label === 'string' && typeof c.name === 'string' && Array.isArray(c.owners);
  });
}
