import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import { configuredRegions, section } from '../settings/connection';
import { isPlainObject } from '../shared/plainObject';
import type { CommandHandler } from '../shared/registerCommand';
import { checkRegion } from '../shared/validation';

/** amiExplorer.selectRegions: the regions both views show ([] = the profile's region). Returns them. */
export function selectRegions(aws: AwsService): CommandHandler {
  return async (arg) => {
    let regions: string[];
    if (isPlainObject(arg)) {
      if (!Array.isArray(arg.regions)) {
        throw new Error('Pass { regions: ["us-east-1", …] } (an empty list means the profile\'s region).');
      }
      for (const r of arg.regions) {
        const problem = checkRegion(r);
        if (problem) {
          throw new Error(problem);
        }
      }
      regions = (arg.regions as string[]).map((r) => r.trim());
    } else {
      const current = new Set(configuredRegions().length ? configuredRegions() : await aws.regions());
      const available = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Listing regions' },
        () => aws.listRegions(),
      );
      const picked = await vscode.window.showQuickPick(
        available.map((r) => ({
          label: r.name,
          description: r.optInStatus === 'not-opted-in' ? 'not enabled for this account' : r.optInStatus === 'opted-in' ? 'opt-in region, enabled' : undefined,
          picked: current.has(r.name),
        })),
        { canPickMany: true, title: 'Regions to show in AMI Explorer', placeHolder: 'None picked = the profile\'s own region' },
      );
      if (!picked) {
        return undefined;
      }
      regions = picked.map((p) => p.label);
    }
    await vscode.workspace.getConfiguration(section).update('regions', regions, vscode.ConfigurationTarget.Global);
    return regions;
  };
}
