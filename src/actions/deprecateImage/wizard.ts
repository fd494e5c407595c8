import * as vscode from 'vscode';
import type { ImageInfo } from '../../aws/model';
import { utc } from '../../shared/format';
import { deprecationLabel } from '../../shared/imageMarkdown';
import { checkDeprecationDate, deprecationChoices, parseDeprecationDate } from './deprecationDates';
import type { DeprecateAt } from './request';

/** The date asked of the person, or undefined when they cancel. */
export async function askDeprecateAt(image: ImageInfo): Promise<DeprecateAt | undefined> {
  const now = Date.now();
  const current = deprecationLabel(image, now);
  const choices = deprecationChoices(now, image.deprecationTime);
  const picked = await vscode.window.showQuickPick(
    choices.map((c) => ({
      label: c.kind === 'cancel' ? '$(close) Cancel the deprecation' : c.kind === 'date' ? '$(calendar) On a date…' : c.label,
      description: c.kind === 'at' ? utc(c.at.toISOString()) : c.kind === 'cancel' ? `now ${current ?? ''}` : 'YYYY-MM-DD, midnight UTC',
      choice: c,
    })),
    {
      title: `Deprecate ${image.name} (${image.id})`,
      placeHolder: current ? `Currently ${current}` : 'Not deprecated. When should it be?',
      ignoreFocusOut: true,
    },
  );
  if (!picked) {
    return undefined;
  }
  const { choice } = picked;
  if (choice.kind === 'at') {
    return choice.at;
  }
  if (choice.kind === 'cancel') {
    return null;
  }
  const text = await vscode.window.showInputBox({
    title: `Deprecate ${image.name} on`,
    prompt: 'A date (midnight UTC) or an ISO 8601 time; EC2 rounds it to the minute.',
    placeHolder: new Date(now + 90 * 86_400_000).toISOString().slice(0, 10),
    ignoreFocusOut: true,
    validateInput: (v) => {
      const at = parseDeprecationDate(v);
      return typeof at === 'string' ? at : checkDeprecationDate(at, image);
    },
  });
  if (!text) {
    return undefined;
  }
  return parseDeprecationDate(text) as Date;
}
