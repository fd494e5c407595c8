import * as vscode from 'vscode';
import { noLinks } from '../shared/format';
import { log } from '../shared/log';

/** A setting value that was ignored, and why. */
export interface SettingProblem {
  /** The full key, e.g. "amiExplorer.regions". */
  readonly setting: string;
  readonly message: string;
}

/** What the last read of each setting found wrong, by reader (a setting may be checked in two steps). */
const current = new Map<string, readonly SettingProblem[]>();
const told = new Set<string>();

/**
 * Records what one read of a setting found wrong, replacing what the previous read found, so a fixed value
 * stops being reported. Each new problem is logged and shown once: the value itself is already ignored.
 */
export function recordSettingProblems(reader: string, problems: readonly SettingProblem[]): void {
  if (problems.length) {
    current.set(reader, problems);
  } else {
    current.delete(reader);
  }
  for (const problem of problems) {
    const key = `${problem.setting}\n${problem.message}`;
    if (told.has(key)) {
      continue;
    }
    told.add(key);
    log().warn(`${problem.setting}: ${problem.message}`);
    void vscode.window.showWarningMessage(noLinks(`AMI Explorer: ${problem.message}`), 'Open Setting').then((choice) => {
      if (choice) {
        void vscode.commands.executeCommand('workbench.action.openSettings', problem.setting);
      }
    });
  }
}

/** Every problem the latest reads found, for the views to show. */
export function settingProblems(): SettingProblem[] {
  return [...current.values()].flat();
}

/** "amiExplorer.regions: "Europe" is not an AWS region name (…). Ignored: …" */
export function ignoredValue(setting: string, problem: string, instead?: string): SettingProblem {
  return { setting, message: `${setting}: ${problem} Ignored${instead ? `: ${instead}` : ''}.` };
}
