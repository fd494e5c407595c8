import * as vscode from 'vscode';
import { section } from './connection';

/** Images or instances per page (amiExplorer.pageSize, shared by both views), kept within EC2's bounds. */
export function pageSize(): number {
  const n = vscode.workspace.getConfiguration(section).get<number>('pageSize', 100);
  return Number.isFinite(n) ? Math.max(5, Math.min(1000, Math.floor(n))) : 100;
}
