import * as vscode from 'vscode';
import { section } from './connection';
import { ignoredValue, recordSettingProblems } from './problems';

export const defaultSnapshotPrice = 0.05;
const setting = `${section}.snapshotPricePerGBMonth`;

/**
 * The price per GB-month that snapshot cost estimates assume (amiExplorer.snapshotPricePerGBMonth); a value that is
 * not a number of dollars from 0 to 10 is reported and the default used.
 */
export function snapshotPricePerGBMonth(): number {
  const raw = vscode.workspace.getConfiguration(section).get<unknown>('snapshotPricePerGBMonth', defaultSnapshotPrice);
  const valid = typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 && raw <= 10;
  recordSettingProblems('snapshotPricePerGBMonth', valid ? [] : [ignoredValue(setting,
    `${JSON.stringify(raw)} is not a price in dollars per GB-month from 0 to 10.`, `estimates use $${defaultSnapshotPrice}`)]);
  return valid ? raw : defaultSnapshotPrice;
}
