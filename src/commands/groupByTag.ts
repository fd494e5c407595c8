import * as vscode from 'vscode';
import { section } from '../settings/connection';
import { groupByTagKey } from '../settings/images';
import { noIcons } from '../shared/format';
import { isPlainObject } from '../shared/plainObject';
import type { CommandHandler } from '../shared/registerCommand';
import { checkGroupingTagKey } from '../shared/validation';

/** amiExplorer.groupByTag: only writes the setting; the Images view follows the setting. Returns the key. */
export function groupByTag(knownTagKeys: () => string[]): CommandHandler {
  return async (arg) => {
    let key: string | undefined;
    if (isPlainObject(arg) || typeof arg === 'string') {
      const given = typeof arg === 'string' ? arg : (arg.tagKey ?? '');
      if (typeof given !== 'string') {
        throw new Error('Pass { tagKey: "Project" } ("" for no tag level).');
      }
      key = given.trim();
      const problem = key ? checkGroupingTagKey(key) : undefined;
      if (problem) {
        throw new Error(problem);
      }
    } else {
      const current = groupByTagKey();
      // Keys come from EC2: only those the setting would accept are offered.
      const keys = [...new Set(['Project', 'Version', ...knownTagKeys()])].filter((k) => !checkGroupingTagKey(k)).sort();
      type Item = vscode.QuickPickItem & { key?: string };
      const items: Item[] = [
        { label: '$(list-flat) No tag level', key: '', description: current ? undefined : 'current' },
        ...keys.map((k) => ({ label: `$(tag) ${noIcons(k)}`, key: k, description: k === current ? 'current' : undefined })),
        { label: '$(edit) Another tag key…' },
      ];
      const picked = await vscode.window.showQuickPick(items, { title: 'Group images by tag' });
      if (!picked) {
        return undefined;
      }
      key = picked.key ?? (await vscode.window.showInputBox({
        title: 'Tag key to group by', value: current, validateInput: (v) => (v.trim() ? checkGroupingTagKey(v.trim()) : undefined),
      }))?.trim();
      if (key === undefined) {
        return undefined;
      }
    }
    await vscode.workspace.getConfiguration(section).update('groupByTag', key, vscode.ConfigurationTarget.Global);
    return key;
  };
}
