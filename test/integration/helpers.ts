import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import type { AmiExplorerApi } from '../../src/api/amiExplorerApi';
import type { activate, TestingHooks } from '../../src/extension';

export type TestingApi = TestingHooks;

async function exports(): Promise<ReturnType<typeof activate>> {
  const ext = vscode.extensions.getExtension<ReturnType<typeof activate>>('ami-explorer.ami-explorer');
  assert.ok(ext, 'extension ami-explorer.ami-explorer is installed');
  return ext.isActive ? ext.exports : await ext.activate();
}

export async function extensionApi(): Promise<TestingApi> {
  const api = await exports();
  assert.ok(api?.testing, 'the extension runs in test mode');
  return api.testing;
}

/** The extension's public API, as another extension gets it from `getExtension(…).exports`. */
export async function publicApi(): Promise<AmiExplorerApi> {
  const api = await exports();
  assert.equal(api.apiVersion, 1);
  return api;
}

/** What the sandbox seeder created (sandbox/seed.mjs), handed over by the test runner. */
export interface SandboxManifest {
  [key: string]: unknown;
}
export function manifest(): SandboxManifest {
  const path = process.env.AMI_EXPLORER_SANDBOX_MANIFEST;
  assert.ok(path, 'AMI_EXPLORER_SANDBOX_MANIFEST is set by the test runner');
  return JSON.parse(readFileSync(path, 'utf8')) as SandboxManifest;
}

export function label(node: ExplorerNode): string {
  const l = node.getTreeItem().label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}
export function description(node: ExplorerNode): string {
  const d = node.getTreeItem().description;
  return typeof d === 'string' ? d : '';
}

export async function childByLabel(node: ExplorerNode, pattern: RegExp): Promise<ExplorerNode> {
  const children = await node.getChildren();
  const found = children.find((c) => pattern.test(label(c)));
  assert.ok(found, `a child of "${label(node)}" matching ${pattern}; children: ${children.map(label).join(' | ')}`);
  return found;
}

/** Puts the user-level value of `key` back after the suite, whatever the tests did to it. */
export function restoreSettingAfter(key: string): void {
  let saved: unknown;
  before(() => {
    saved = vscode.workspace.getConfiguration('amiExplorer').inspect(key)?.globalValue;
  });
  after(() => setting(key, saved));
}

export async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('amiExplorer').update(key, value, vscode.ConfigurationTarget.Global);
}

/** A region's "Owned by me" as the Images view holds it, loaded; the region must be in amiExplorer.regions. */
export async function ownedScope(api: TestingApi, region: string) {
  await api.images.provider.getChildren();
  const node = api.images.regions.find((r) => r.region === region);
  assert.ok(node, `the Images view shows ${region}; it shows ${api.images.regions.map((r) => r.region).join(', ')}`);
  await node.owned.getChildren();
  return node.owned;
}
