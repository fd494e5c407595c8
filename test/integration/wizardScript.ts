// Answering wizards the way a person does, step by step as each one shows: no sleeps, no guessing which picker is
// open. The extension announces every step once it is ready (testing.onDidShowStep) with its live QuickPick or
// InputBox; an answer sets what a person sets (the active item, the selection, the text) and then accepts, goes
// back or cancels through the workbench's own commands, as Enter, the Back button and Escape do.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ShownSummary } from '../../src/shared/summaryStep';
import type { ShownStep } from '../../src/shared/wizard/shownStep';
import type { TestingApi } from './helpers';

/** How long a step may take to show (a few sandbox calls) before the test fails saying which step it waited for. */
const stepTimeoutMs = 30_000;

/**
 * The extension host sends a QuickPick's or InputBox's changes to the workbench on its next turn, in order with
 * every other message: one turn lets them (the step's own, made as it showed, and the answer's) arrive before the
 * command that accepts them.
 */
const delivered = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const withoutIcons = (label: string) => label.replace(/^(\$\([\w-]+\)\s*)+/, '');

export type Label = string | RegExp;

/** One step on screen: what it shows, and the answers a person can give it. */
export class ScriptedStep {
  constructor(private readonly shown: ShownStep) {}

  get title(): string {
    return this.shown.title;
  }
  get step(): number {
    return this.shown.step;
  }
  get totalSteps(): number {
    return this.shown.totalSteps;
  }
  get canGoBack(): boolean {
    return this.shown.canGoBack;
  }
  /** "n/N", or "" for a wizard of one step (which shows no number). */
  get numbers(): string {
    return this.totalSteps > 1 ? `${this.step}/${this.totalSteps}` : '';
  }
  /** The text of an InputBox, or the filter typed in a QuickPick. */
  get value(): string {
    return this.shown.kind === 'input' ? this.shown.inputBox.value : this.shown.quickPick.value;
  }
  /** What an InputBox says is wrong with its text, if anything. */
  get validationMessage(): string | undefined {
    const message = this.shown.kind === 'input' ? this.shown.inputBox.validationMessage : undefined;
    return typeof message === 'string' ? message : message?.message;
  }

  private get quickPick(): vscode.QuickPick<vscode.QuickPickItem> {
    const { shown } = this;
    assert.ok(shown.kind === 'pick', `"${this.title}" is a QuickPick`);
    return shown.quickPick;
  }

  /** The list's lines (not its headings), as "label — description". */
  items(): string[] {
    return this.quickPick.items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator)
      .map((i) => [i.label, i.description].filter(Boolean).join(' — '));
  }

  /** The list's headings (its separators' labels), in order. */
  headings(): string[] {
    return this.quickPick.items.filter((i) => i.kind === vscode.QuickPickItemKind.Separator && i.label).map((i) => i.label);
  }

  /** Whether the step shows its progress bar: a list still loading or filling in. */
  get busy(): boolean {
    return this.quickPick.busy;
  }

  /** The step's title as it is now (a list that fills in retitles its step as it goes). */
  get currentTitle(): string {
    return this.quickPick.title ?? '';
  }

  /**
   * For a list that fills in while it shows: waits until `ready` holds for its lines (checked after each change),
   * and returns them; fails when the list completes, or time runs out, first.
   */
  async itemsWhen(ready: (items: string[]) => boolean, what: string): Promise<string[]> {
    const { shown } = this;
    assert.ok(shown.kind === 'pick' && shown.filling, `"${this.title}" fills in as it shows`);
    const { filling } = shown;
    let complete = false;
    void filling.complete.then(() => {
      complete = true;
    });
    const deadline = Date.now() + stepTimeoutMs;
    while (!ready(this.items())) {
      assert.ok(!complete, `"${this.currentTitle}" completed without ${what}; it lists: ${this.items().join(' | ')}`);
      assert.ok(Date.now() < deadline, `"${this.currentTitle}" showed ${what} within ${stepTimeoutMs / 1000} s; it lists: ${this.items().join(' | ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        const listener = filling.onDidChange(() => {
          listener.dispose();
          clearTimeout(timer);
          resolve();
        });
        void filling.complete.then(() => {
          listener.dispose();
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.items();
  }

  /** For a list that fills in: waits until it is complete, and returns its lines. */
  async complete(): Promise<string[]> {
    const { shown } = this;
    assert.ok(shown.kind === 'pick' && shown.filling, `"${this.title}" fills in as it shows`);
    await shown.filling.complete;
    return this.items();
  }

  /** The labels of the selected lines of a multi-select. */
  selected(): string[] {
    return this.quickPick.selectedItems.map((i) => i.label);
  }

  /** The line whose label (icons aside) is `label`, or whose "label description" matches it. */
  private find(label: Label): vscode.QuickPickItem {
    const found = this.quickPick.items.find((i) => i.kind !== vscode.QuickPickItemKind.Separator && (typeof label === 'string'
      ? withoutIcons(i.label) === label
      : label.test(`${i.label} ${i.description ?? ''}`)));
    assert.ok(found, `"${this.title}" lists ${String(label)}; it lists: ${this.items().join(' | ')}`);
    return found;
  }

  /** Picks the line `label` (Enter on it), or in a multi-select selects exactly `labels` and accepts. */
  async pick(...labels: Label[]): Promise<void> {
    const pick = this.quickPick;
    if (pick.canSelectMany) {
      pick.selectedItems = labels.map((l) => this.find(l));
    } else {
      assert.equal(labels.length, 1, 'one answer for a single-choice step');
      pick.activeItems = labels.map((l) => this.find(l));
    }
    await this.accept();
  }

  /** Types `text` into an InputBox (replacing what is there) and presses Enter. */
  async enter(text: string): Promise<void> {
    const { shown } = this;
    assert.ok(shown.kind === 'input', `"${this.title}" is an InputBox`);
    shown.inputBox.value = text;
    await this.accept();
  }

  /** Enter on the step as it is: the suggested text, the highlighted line, or the selection. */
  async accept(): Promise<void> {
    await delivered();
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }

  /** The Back button. */
  async back(): Promise<void> {
    assert.ok(this.canGoBack, `"${this.title}" offers Back`);
    await delivered();
    await vscode.commands.executeCommand('workbench.action.quickInputBack');
  }

  /** Escape. */
  async cancel(): Promise<void> {
    await delivered();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  }
}

/** A summary on screen, the wizard's last step: accepted, cancelled, or Back to the step before it. */
export class ScriptedSummary {
  constructor(readonly shown: ShownSummary) {}

  get title(): string {
    return this.shown.title;
  }
  /** Its lines, then its account, profile and regions. */
  get text(): string {
    return [this.shown.title, this.shown.placeholder, ...this.shown.items].join('\n');
  }
  async accept(): Promise<void> {
    await delivered();
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  async back(): Promise<void> {
    assert.ok(this.shown.canGoBack, `"${this.title}" offers Back`);
    await delivered();
    await vscode.commands.executeCommand('workbench.action.quickInputBack');
  }
  async cancel(): Promise<void> {
    await delivered();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  }
}

/**
 * A person at the keyboard for one command: every step the extension shows is queued as it appears, and `next`
 * hands them over in order. Create it before starting the command; dispose it after.
 */
export class WizardScript implements vscode.Disposable {
  private readonly queue: (ShownStep | ShownSummary)[] = [];
  private readonly listeners: vscode.Disposable[];
  private wake: () => void = () => undefined;
  private ended?: string;

  constructor(api: TestingApi) {
    const shown = (step: ShownStep | ShownSummary) => {
      this.queue.push(step);
      this.wake();
    };
    this.listeners = [api.onDidShowStep(shown), api.onDidShowSummary(shown)];
  }

  /**
   * Runs a command; `next` then fails at once, saying so, if the command ends before the step it waits for. A
   * script can run one command after another.
   */
  run<T>(command: () => Thenable<T>): Promise<T> {
    this.ended = undefined;
    const running = Promise.resolve(command());
    const end = (how: string) => {
      this.ended = how;
      this.wake();
    };
    running.then((result) => end(`with ${JSON.stringify(result)}`), (error: unknown) => end(`failing: ${String(error)}`));
    return running;
  }

  /** The next step shown (waiting for it), checked to be titled `title` (a string must equal it). */
  async next(title?: Label): Promise<ScriptedStep> {
    const shown = await this.shown(title ? `the step "${String(title)}"` : 'a step');
    assert.ok(!('summary' in shown), `a step${title ? ` "${String(title)}"` : ''} shows, not the summary "${shown.title}"`);
    const step = new ScriptedStep(shown);
    if (typeof title === 'string') {
      assert.equal(step.title, title);
    } else if (title) {
      assert.match(step.title, title);
    }
    return step;
  }

  /** The summary, once it shows after the last step (for answering it as part of a script; see also answerSummary). */
  async summary(): Promise<ScriptedSummary> {
    const shown = await this.shown('the summary');
    assert.ok('summary' in shown, `the summary shows, not the step "${shown.title}"`);
    return new ScriptedSummary(shown);
  }

  private async shown(what: string): Promise<ShownStep | ShownSummary> {
    const deadline = Date.now() + stepTimeoutMs;
    while (!this.queue.length) {
      assert.ok(this.ended === undefined, `the command ended ${this.ended} before showing ${what}`);
      assert.ok(Date.now() < deadline, `${what} showed within ${stepTimeoutMs / 1000} s`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.queue.shift()!;
  }

  /** Fails if a step showed that the test did not answer (summaries aside: answerSummary answers them). */
  assertNoMoreSteps(): void {
    assert.deepEqual(this.queue.filter((s) => !('summary' in s)).map((s) => s.title), [], 'no step left unanswered');
  }

  dispose(): void {
    for (const listener of this.listeners) {
      listener.dispose();
    }
  }
}

/** A WizardScript for each test of the suite: `script()` is the current one. */
export function wizardScripts(api: () => TestingApi): () => WizardScript {
  let current: WizardScript | undefined;
  beforeEach(() => {
    current = new WizardScript(api());
  });
  afterEach(() => {
    current?.dispose();
    current = undefined;
  });
  return () => {
    assert.ok(current, 'a WizardScript is set up for the test');
    return current;
  };
}
