import * as vscode from 'vscode';
import { noIcons } from '../../shared/format';
import { showWarning } from '../../shared/notify';
import type { Entry, Prompter, WizardStep } from '../../shared/wizard/wizard';
import type { LaunchContext } from './launchContext';
import { checkUserData, maxUserDataBytes, typedUserData, userDataBytes } from './launchChoices';

type Source = 'none' | 'editor' | 'file' | 'typed';

/** The active editor's text, offered as user data: the script the person is writing. */
function activeEditorText(): { name: string; text: string } | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    return undefined;
  }
  return { name: document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1) || document.uri.toString(), text: document.getText() };
}

function sourceEntries(editor: { name: string; text: string } | undefined): Entry<Source>[] {
  const entries: Entry<Source>[] = [{ label: 'None', description: 'the image boots as it is', value: 'none' }];
  if (editor) {
    const bytes = userDataBytes(editor.text);
    entries.push(bytes > maxUserDataBytes
      ? { label: `$(warning) ${noIcons(editor.name)} is too large`, description: `${bytes} bytes; EC2 takes at most ${maxUserDataBytes}`, note: true }
      : { label: `$(file-code) From ${noIcons(editor.name)}`, description: `the active editor · ${bytes} bytes`, value: 'editor' });
  }
  entries.push(
    { label: '$(folder-opened) From a file…', description: `a script or cloud-init file of at most ${maxUserDataBytes / 1024} KB`, value: 'file' },
    { label: '$(edit) Type a line…', description: '\\n starts a new line', value: 'typed' },
  );
  return entries;
}

/** A file the person picks, as text; undefined when they close the dialog, or when it is too large (saying so). */
async function pickFile(): Promise<string | undefined> {
  const [uri] = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Use as User Data', title: 'User data for the instances' }) ?? [];
  if (!uri) {
    return undefined;
  }
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  const problem = checkUserData(text);
  if (problem) {
    void showWarning(`${uri.path.slice(uri.path.lastIndexOf('/') + 1)}: ${problem}`);
    return undefined;
  }
  return text;
}

const typed: WizardStep<LaunchContext> = {
  async prompt(ctx, ui) {
    ctx.userData = typedUserData(await ui.input({
      title: 'user data', placeholder: '#!/bin/bash\\ndnf -y install nginx && systemctl start nginx',
      prompt: 'What the instances run at first boot; \\n starts a new line', validate: (v) => checkUserData(typedUserData(v)),
    }));
  },
};

/** Asks for the source until it gives user data (a dialog closed, or a file too large, asks again). */
async function askSource(ctx: LaunchContext, ui: Prompter): Promise<Source> {
  for (;;) {
    const editor = activeEditorText();
    const source = await ui.pick({
      title: 'user data', placeholder: 'A script or cloud-init config the instances run at their first boot (at most 16 KB)',
      items: sourceEntries(editor),
    });
    if (source === 'editor') {
      ctx.userData = editor?.text;
    }
    if (source !== 'file') {
      return source;
    }
    const text = await pickFile();
    if (text !== undefined) {
      ctx.userData = text;
      return source;
    }
  }
}

/** User data: none, the active editor's text, a file, or a typed line; base64 is the extension's business. */
export const userDataStep: WizardStep<LaunchContext> = {
  async prompt(ctx, ui) {
    ctx.userData = undefined;
    return await askSource(ctx, ui) === 'typed' ? [typed] : [];
  },
};
