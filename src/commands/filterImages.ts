import * as vscode from 'vscode';
import { defaultImageFilter, type ImageFilter } from '../aws/model';
import type { ImageFilterState } from '../explorer/imageFilterState';
import { describeFilter } from '../explorer/filterDescription';
import { noIcons } from '../shared/format';
import { isPlainObject } from '../shared/plainObject';
import type { CommandHandler } from '../shared/registerCommand';

const architectures = ['x86_64', 'arm64', 'i386', 'x86_64_mac', 'arm64_mac'];
const states = ['available', 'pending', 'failed', 'disabled', 'deregistered', 'error', 'invalid'];
const namePatternRule = /^[\w\s()[\]./\-'@*?]{1,128}$/;

function checkNamePattern(value: string): string | undefined {
  return !value || namePatternRule.test(value) ? undefined
    : 'Use letters, digits, spaces and ( ) [ ] . / - \' @ _, with * and ? as wildcards (up to 128 characters).';
}

function fromArgument(arg: Record<string, unknown>): ImageFilter {
  const list = (v: unknown, allowed: string[], what: string): string[] | undefined => {
    if (v === undefined) {
      return undefined;
    }
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !allowed.includes(x))) {
      throw new Error(`${what} must be a list of: ${allowed.join(', ')}.`);
    }
    return v as string[];
  };
  if (arg.namePattern !== undefined && typeof arg.namePattern !== 'string') {
    throw new Error('namePattern must be a string such as "pettracker-*".');
  }
  const namePattern = arg.namePattern;
  const problem = namePattern ? checkNamePattern(namePattern) : undefined;
  if (problem) {
    throw new Error(`Bad name pattern "${namePattern}": ${problem}`);
  }
  return {
    namePattern: namePattern || undefined,
    architectures: list(arg.architectures, architectures, 'architectures'),
    states: list(arg.states, states, 'states'),
    includeDeprecated: arg.includeDeprecated === undefined ? defaultImageFilter.includeDeprecated : arg.includeDeprecated === true,
    includeDisabled: arg.includeDisabled === true,
  };
}

async function editInteractively(current: ImageFilter): Promise<ImageFilter | undefined> {
  type Choice = vscode.QuickPickItem & { key: string };
  const choice = await vscode.window.showQuickPick<Choice>([
    { key: 'name', label: '$(symbol-text) Name pattern', description: current.namePattern ? noIcons(current.namePattern) : 'any' },
    { key: 'arch', label: '$(chip) Architecture', description: current.architectures?.join(', ') ?? 'any' },
    { key: 'state', label: '$(pulse) State', description: current.states?.join(', ') ?? 'any' },
    { key: 'flags', label: '$(eye) Deprecated and disabled images', description: `${current.includeDeprecated ? 'deprecated shown' : 'deprecated hidden'}, ${current.includeDisabled ? 'disabled shown' : 'disabled hidden'}` },
    { key: 'clear', label: '$(clear-all) Clear filter' },
  ], { title: `Filter images${describeFilter(current) ? ` (now: ${describeFilter(current)})` : ''}` });
  switch (choice?.key) {
    case 'name': {
      const value = await vscode.window.showInputBox({
        title: 'Image name pattern', prompt: 'Wildcards * and ? work as in the EC2 console; empty matches every name',
        value: current.namePattern ?? '', placeHolder: 'pettracker-*', validateInput: (v) => checkNamePattern(v.trim()),
      });
      return value === undefined ? undefined : { ...current, namePattern: value.trim() || undefined };
    }
    case 'arch':
    case 'state': {
      const all = choice.key === 'arch' ? architectures : states;
      const chosen = choice.key === 'arch' ? current.architectures : current.states;
      const picked = await vscode.window.showQuickPick(all.map((label) => ({ label, picked: chosen?.includes(label) })), {
        canPickMany: true, title: choice.key === 'arch' ? 'Architectures to show (none = all)' : 'States to show (none = all)',
      });
      if (!picked) {
        return undefined;
      }
      const values = picked.length ? picked.map((p) => p.label) : undefined;
      return choice.key === 'arch' ? { ...current, architectures: values } : { ...current, states: values };
    }
    case 'flags': {
      const picked = await vscode.window.showQuickPick([
        { label: 'Include deprecated images', key: 'deprecated', picked: current.includeDeprecated },
        { label: 'Include disabled images', key: 'disabled', picked: current.includeDisabled },
      ], { canPickMany: true, title: 'Show these too' });
      return picked && { ...current, includeDeprecated: picked.some((p) => p.key === 'deprecated'), includeDisabled: picked.some((p) => p.key === 'disabled') };
    }
    case 'clear':
      return defaultImageFilter;
    default:
      return undefined;
  }
}

/** amiExplorer.filter: narrows the Images view server-side; returns the filter now in force. */
export function filterImages(state: ImageFilterState): CommandHandler {
  return async (arg) => {
    const next = isPlainObject(arg) ? fromArgument(arg) : await editInteractively(state.current);
    if (next) {
      await state.set(next);
    }
    return state.current;
  };
}
