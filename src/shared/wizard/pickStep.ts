import * as vscode from 'vscode';
import { isArriving, type ArrivingEntries, type Choice, type Entry, type PickManyOptions, type PickOptions } from './prompts';
import type { QuickInputSession } from './session';
import type { StepPosition } from './steps';

type Item<T> = vscode.QuickPickItem & { readonly choice?: Choice<T> };

function itemOf<T>(entry: Entry<T>): Item<T> {
  if ('heading' in entry) {
    return { label: entry.heading, kind: vscode.QuickPickItemKind.Separator };
  }
  const { label, description, detail } = entry;
  return 'note' in entry ? { label, description, detail } : { label, description, detail, choice: entry };
}

/** What was chosen before, when Back led here: the labels this step remembered. */
function previousLabels(position: StepPosition): readonly string[] | undefined {
  return Array.isArray(position.previous) ? position.previous as string[] : undefined;
}

/** Puts the list on screen: the earlier answer when Back led here, else the entries marked picked (or the first). */
function fill<T>(pick: vscode.QuickPick<Item<T>>, entries: readonly Entry<T>[], position: StepPosition): void {
  pick.items = entries.map(itemOf);
  const before = previousLabels(position);
  const chosen = pick.items.filter((i) => i.choice && (before ? before.includes(i.label) : i.choice.picked));
  if (pick.canSelectMany) {
    pick.selectedItems = chosen;
  } else if (chosen.length) {
    pick.activeItems = chosen.slice(0, 1);
  }
  pick.busy = false;
}

function pageButton<T>(pick: vscode.QuickPick<Item<T>>, options: PickManyOptions<T>): vscode.Disposable[] {
  const { more } = options;
  if (!more) {
    return [];
  }
  const button: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('fold-down'), tooltip: more.tooltip };
  const show = (available: boolean) => {
    pick.buttons = [...pick.buttons.filter((b) => b !== button), ...(available ? [button] : [])];
  };
  show(more.available);
  return [pick.onDidTriggerButton(async (pressed) => {
    if (pressed !== button) {
      return;
    }
    const selected = pick.selectedItems;
    pick.busy = true;
    try {
      const page = await more.load();
      pick.items = [...pick.items, ...page.items.map(itemOf)];
      pick.selectedItems = selected;
      pick.placeholder = page.placeholder ?? pick.placeholder;
      show(page.more);
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    } finally {
      pick.busy = false;
    }
  })];
}

type Take<T, R> = (chosen: readonly Choice<T>[]) => { answer: R } | undefined;

/**
 * Enter: the selection (or the highlighted line) as `take` makes it an answer; on a note, or while a list that
 * arrives whole is loading, nothing. A list that fills in can be answered from what it shows so far.
 */
function onAccept<T, R>(pick: vscode.QuickPick<Item<T>>, position: StepPosition, take: Take<T, R>, resolve: (answer: R) => void, filling: boolean): vscode.Disposable {
  return pick.onDidAccept(() => {
    const items = pick.canSelectMany || pick.selectedItems.length ? pick.selectedItems : pick.activeItems;
    const chosen = items.slice(0, pick.canSelectMany ? undefined : 1).filter((i) => i.choice);
    const taken = take(chosen.flatMap((i) => (i.choice ? [i.choice] : [])));
    if ((filling || !pick.busy) && taken) {
      position.remember(chosen.map((i) => i.label));
      resolve(taken.answer);
    }
  });
}

/**
 * Shows the step at once with what has arrived, busy until the rest has; each change keeps the highlighted line
 * (the same entry keeps its item). Announced as soon as it shows, with its changes, so tests can watch it fill.
 */
function presentFilling<T, R>(session: QuickInputSession, position: StepPosition, pick: vscode.QuickPick<Item<T>>, arriving: ArrivingEntries<T>, answer: Promise<R>): Promise<R> {
  const made = new Map<Entry<T>, Item<T>>();
  const itemFor = (entry: Entry<T>): Item<T> => {
    const item = made.get(entry) ?? itemOf(entry);
    made.set(entry, item);
    return item;
  };
  const changed = new vscode.EventEmitter<void>();
  let answered = false;
  const update = () => {
    if (answered) {
      return;
    }
    const [active] = pick.activeItems;
    pick.items = arriving.current().map(itemFor);
    if (active && pick.items.includes(active)) {
      pick.activeItems = [active];
    }
    if (arriving.title) {
      pick.title = session.titled(arriving.title());
    }
    changed.fire();
  };
  pick.keepScrollPosition = true;
  pick.busy = true;
  update();
  const listening = arriving.onDidChange(update);
  const complete = arriving.done.then(() => {
    update();
    pick.busy = answered;
  }, () => undefined);
  session.show(pick);
  session.shown(position, { kind: 'pick', quickPick: pick, filling: { onDidChange: changed.event, complete } });
  const settled = () => {
    answered = true;
    listening.dispose();
    changed.dispose();
  };
  // A list that fails to arrive fails the step; an answer (or Escape) first settles it.
  return Promise.race([answer, arriving.done.then(() => answer)]).finally(settled);
}

/** Shows the step with its list: at once when at hand (so Enter right away picks from it), else busy until it loads. */
function present<T, R>(session: QuickInputSession, position: StepPosition, pick: vscode.QuickPick<Item<T>>, items: PickOptions<T>['items'], answer: Promise<R>): Promise<R> {
  const announce = () => session.shown(position, { kind: 'pick', quickPick: pick });
  if (isArriving(items)) {
    return presentFilling(session, position, pick, items, answer);
  }
  if (Array.isArray(items)) {
    fill(pick, items, position);
    session.show(pick);
    announce();
    return answer;
  }
  pick.busy = true;
  session.show(pick);
  const loaded = Promise.resolve(items).then((entries) => {
    fill(pick, entries, position);
    announce();
  });
  // A list that fails to load fails the step; an answer (or Escape) before it loads settles it.
  return Promise.race([answer, loaded.then(() => answer)]);
}

/** A QuickPick step whose answer `take` makes of the chosen items (undefined: not an answer, the step stays open). */
function showPick<T, R>(session: QuickInputSession, position: StepPosition, options: PickManyOptions<T>, many: boolean, take: Take<T, R>): Promise<R> {
  const pick = vscode.window.createQuickPick<Item<T>>();
  session.frame(pick, options.title, position);
  pick.placeholder = options.placeholder;
  pick.matchOnDescription = options.matchOnDescription ?? false;
  pick.matchOnDetail = options.matchOnDetail ?? false;
  pick.canSelectMany = many;
  const filling = isArriving(options.items);
  const answer = session.answer<R>(pick, position, (resolve) => [...pageButton(pick, options), onAccept(pick, position, take, resolve, filling)]);
  return present(session, position, pick, options.items, answer);
}

/** A QuickPick step with one answer. */
export function pickOne<T>(session: QuickInputSession, position: StepPosition, options: PickOptions<T>): Promise<T> {
  return showPick(session, position, options, false, ([first]) => (first ? { answer: first.value } : undefined));
}

/** A multi-select step: the values selected when the person accepts (none is an answer too). */
export function pickMany<T>(session: QuickInputSession, position: StepPosition, options: PickManyOptions<T>): Promise<T[]> {
  return showPick(session, position, options, true, (chosen) => ({ answer: chosen.map((c) => c.value) }));
}
