import * as vscode from 'vscode';
import { parseTagList } from '../../shared/tagList';
import { searchText, type FindRequest } from './request';

/** Asks what to look for: a name (wildcards) or an id prefix, then tags. Undefined when the person backs out. */
export async function askFind(): Promise<FindRequest | undefined> {
  const text = await vscode.window.showInputBox({
    title: 'Find images (1/2): name or id',
    prompt: 'A name with * and ? wildcards (text alone matches anywhere in the name), or the start of an id such as ami-0abc; empty: any',
    placeHolder: 'pettracker-*',
    ignoreFocusOut: true,
  });
  if (text === undefined) {
    return undefined;
  }
  const tagsText = await vscode.window.showInputBox({
    title: 'Find images (2/2): tags',
    prompt: 'Tags every image must have, as Key=Value, comma-separated (optional)',
    placeHolder: 'Project=PetTracker, Stage=prod',
    ignoreFocusOut: true,
    validateInput: (v) => {
      const parsed = parseTagList(v);
      if (typeof parsed === 'string') {
        return parsed;
      }
      return !text.trim() && !Object.keys(parsed).length ? 'Give a name, an id or a tag: a search never lists everything.' : undefined;
    },
  });
  if (tagsText === undefined) {
    return undefined;
  }
  return { ...(text.trim() ? searchText(text) : {}), tags: parseTagList(tagsText) as Record<string, string> };
}
