import * as vscode from 'vscode';
import { noIcons } from './format';
import { summaryFacts, whereText, type ActionSummary, type Identity } from './summaryText';

/** A summary as shown: the action's summary and the text of the step, as the person reads it. */
export interface ShownSummary {
  readonly summary: ActionSummary;
  readonly title: string;
  readonly placeholder: string;
  /** Each item's label and description. */
  readonly items: readonly string[];
  /** Whether it offers Back to the wizard's last step. */
  readonly canGoBack: boolean;
}

const shown = new vscode.EventEmitter<ShownSummary>();

/** Fires when a summary is shown: how tests (and only tests) know the step is waiting for an answer. */
export const onDidShowSummary: vscode.Event<ShownSummary> = shown.event;

type Item = vscode.QuickPickItem & { readonly answer?: boolean };

/** How the person answered a summary. */
export type Review = 'accept' | 'cancel' | 'back';

/**
 * The last step of every action that changes AWS: a summary naming the profile, the account, the regions and
 * what will happen. 'accept' only when the person picks the accepting item; Escape, Cancel or focus loss say
 * 'cancel'; with `canGoBack`, its Back button says 'back' (to the wizard's last step).
 */
export async function reviewSummary(summary: ActionSummary, who: Identity, canGoBack = false): Promise<Review> {
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = noIcons(`Review: ${summary.title}`);
  pick.placeholder = noIcons(`${whereText(summary, who)} — Enter to ${summary.accept.toLowerCase()}, Escape to cancel`);
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = true;
  pick.buttons = canGoBack ? [vscode.QuickInputButtons.Back] : [];
  const facts = summaryFacts(summary, who).map((line): Item => ({ label: noIcons(line) }));
  pick.items = [
    { label: `${summary.destructive ? '$(warning)' : '$(check)'} ${noIcons(summary.accept)}`, description: noIcons(whereText(summary, who)), answer: true },
    { label: 'What will happen', kind: vscode.QuickPickItemKind.Separator },
    ...facts,
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(close) Cancel', answer: false },
  ];
  pick.activeItems = pick.items.slice(0, 1);
  try {
    return await new Promise<Review>((resolve) => {
      pick.onDidAccept(() => {
        const answer = pick.selectedItems[0]?.answer;
        if (answer !== undefined) {
          resolve(answer ? 'accept' : 'cancel');
        }
        // A fact line is not an answer: the summary stays open.
      });
      pick.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back && canGoBack) {
          resolve('back');
        }
      });
      pick.onDidHide(() => resolve('cancel'));
      pick.show();
      shown.fire({
        summary, title: pick.title ?? '', placeholder: pick.placeholder ?? '',
        items: pick.items.map((i) => [i.label, i.description].filter(Boolean).join(' ')), canGoBack,
      });
    });
  } finally {
    pick.dispose();
  }
}

/** The summary without Back: true only when the person accepts. */
export async function confirmSummary(summary: ActionSummary, who: Identity): Promise<boolean> {
  return await reviewSummary(summary, who) === 'accept';
}
