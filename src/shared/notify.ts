import * as vscode from 'vscode';
import { noLinks } from './format';

export interface Notice {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

const notices = new vscode.EventEmitter<Notice>();

/** Every error or warning a command shows: how tests read what the person was told. */
export const onDidNotify: vscode.Event<Notice> = notices.event;

/** Notifications render `[x](command:…)` as live links: messages quoting EC2 or error text must not. */
export function showError<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  notices.fire({ severity: 'error', message });
  return vscode.window.showErrorMessage(noLinks(message), ...items);
}

export function showWarning<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  notices.fire({ severity: 'warning', message });
  return vscode.window.showWarningMessage(noLinks(message), ...items);
}
