import * as vscode from 'vscode';
import type { ImageInfo } from '../../aws/model';
import { noIcons, plural } from '../../shared/format';
import { checkTagKey, checkTagValue } from '../../shared/validation';
import { snapshotsOf } from '../../shared/imageSnapshots';
import type { TagEdit } from './request';
import { applyTagChange, describeTagChange, latestTag, type TagChange } from './tagChanges';



type Action = { kind: 'save' } | { kind: 'tag'; key: string } | { kind: 'add' } | { kind: 'latest' } | { kind: 'snapshots' };
type Item = vscode.QuickPickItem & { action?: Action };

const has = (tags: Readonly<Record<string, string>>, key: string) => Object.prototype.hasOwnProperty.call(tags, key);

async function askValue(key: string, value: string | undefined): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: `Value of tag ${key}`,
    value,
    prompt: 'Up to 256 characters; may be empty.',
    ignoreFocusOut: true,
    validateInput: checkTagValue,
  });
}

/**
 * Asks for tag changes on one QuickPick that comes back after each step: the tags as they will be (pick one to
 * change or remove it), "Add tag…", "Mark as latest", the snapshots toggle, and "Save" once something changed.
 * Nothing reaches EC2 until "Save"; Escape drops the pending changes.
 */
export async function askTagEdit(image: ImageInfo, groupKey: string): Promise<TagEdit | undefined> {
  const set: Record<string, string> = {};
  const remove = new Set<string>();
  let snapshots = false;
  let markLatest = false;
  const snapshotIds = snapshotsOf([image]);
  for (;;) {
    const change: TagChange = { set: { ...set }, remove: [...remove] };
    const staged = applyTagChange(image.tags, change);
    const summary = [...describeTagChange(image.tags, change), ...(markLatest ? [`${latestTag.key} = ${latestTag.value} (moved here)`] : [])];
    const items: Item[] = [];
    if (summary.length) {
      items.push({ label: '$(check) Save changes', description: noIcons(summary.join('; ')), detail: snapshots && snapshotIds.length ? `Also on ${snapshotIds.join(', ')}` : undefined, action: { kind: 'save' } });
    }
    items.push({ label: 'Tags', kind: vscode.QuickPickItemKind.Separator });
    const keys = [...new Set([...Object.keys(image.tags), ...Object.keys(set)])].sort((a, b) => a.localeCompare(b));
    for (const key of keys) {
      const removed = remove.has(key);
      const state = removed ? 'to remove' : !has(image.tags, key) ? 'new' : has(set, key) && set[key] !== image.tags[key] ? `was ${image.tags[key]}` : undefined;
      items.push({
        label: `${removed ? '$(trash)' : '$(tag)'} ${noIcons(key)}`,
        description: noIcons(`${removed ? image.tags[key] : staged[key]}${state ? ` (${state})` : ''}`),
        action: { kind: 'tag', key },
      });
    }
    if (!keys.length) {
      items.push({ label: 'No tags yet', description: 'add one below' });
    }
    items.push({ label: 'Actions', kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: '$(add) Add tag…', action: { kind: 'add' } });
    if (groupKey && has(staged, groupKey)) {
      items.push({
        label: `${markLatest ? '$(pass-filled)' : '$(circle-large-outline)'} Mark as latest`,
        description: noIcons(`${latestTag.key}=${latestTag.value} here, removed from the other ${groupKey}=${staged[groupKey]} images`),
        action: { kind: 'latest' },
      });
    } else if (groupKey) {
      items.push({ label: '$(circle-slash) Mark as latest', description: `needs a ${groupKey} tag to know the image's group` });
    }
    if (snapshotIds.length) {
      items.push({
        label: `${snapshots ? '$(pass-filled)' : '$(circle-large-outline)'} Also tag its snapshots`,
        description: `${plural(snapshotIds.length, 'snapshot')}: ${snapshotIds.join(', ')}`,
        action: { kind: 'snapshots' },
      });
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: `Tags of ${image.name} (${image.id}, ${image.region})`,
      placeHolder: summary.length ? `${plural(summary.length, 'pending change')}: pick "Save changes" to apply them` : 'Pick a tag to change or remove it, or add one',
      ignoreFocusOut: true,
      matchOnDescription: true,
    });
    const action = picked?.action;
    if (!picked) {
      return undefined;
    }
    if (!action) {
      continue;
    }
    switch (action.kind) {
      case 'save':
        return { ...change, snapshots, markLatest };
      case 'latest':
        markLatest = !markLatest;
        break;
      case 'snapshots':
        snapshots = !snapshots;
        break;
      case 'add': {
        const key = await vscode.window.showInputBox({
          title: 'New tag key',
          placeHolder: 'e.g. Owner',
          ignoreFocusOut: true,
          validateInput: (k) => checkTagKey(k) ?? (has(staged, k) ? `"${k}" is already a tag here: pick it in the list to change it.` : undefined),
        });
        const value = key === undefined ? undefined : await askValue(key, '');
        if (key !== undefined && value !== undefined) {
          set[key] = value;
          remove.delete(key);
        }
        break;
      }
      case 'tag': {
        const { key } = action;
        const choice = await vscode.window.showQuickPick(
          remove.has(key) ? ['Keep this tag'] : ['Change value…', 'Remove tag'],
          { title: `Tag ${key} = ${staged[key] ?? image.tags[key]}`, ignoreFocusOut: true },
        );
        if (choice === 'Keep this tag') {
          remove.delete(key);
        } else if (choice === 'Remove tag') {
          delete set[key];
          if (has(image.tags, key)) {
            remove.add(key);
          }
        } else if (choice === 'Change value…') {
          const value = await askValue(key, staged[key]);
          if (value !== undefined) {
            set[key] = value;
          }
        }
        break;
      }
    }
  }
}
