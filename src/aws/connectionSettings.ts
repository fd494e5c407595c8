import * as vscode from 'vscode';
import type { Connection } from './model';

export const section = 'amiExplorer';

/**
 * amiExplorer.endpointUrl is machine-scoped: only the user's own settings count, so a cloned repository's
 * .vscode/settings.json can never send signed requests somewhere else.
 */
export function readConnection(): Connection {
  const config = vscode.workspace.getConfiguration(section);
  const endpoint = config.inspect<string>('endpointUrl')?.globalValue?.trim();
  return { profile: config.get<string>('profile', '').trim(), endpoint: endpoint || undefined };
}

export function configuredRegions(): string[] {
  const regions = vscode.workspace.getConfiguration(section).get<string[]>('regions', []);
  return [...new Set(regions.map((r) => r.trim()).filter(Boolean))];
}

export function affectsConnection(e: vscode.ConfigurationChangeEvent): boolean {
  return ['profile', 'endpointUrl', 'regions'].some((key) => e.affectsConfiguration(`${section}.${key}`));
}
