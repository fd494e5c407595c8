// The extension's own AWS layer, as activate() composes it: the SettingsHub, one AwsService over it (deadline,
// per-region budget, denied regions, error classification) and the AmiLookup that the hover, the CodeLens and the
// Problems panel share, with user settings set through the `vscode` stand-in (bench/vscode.ts). What the benchmark
// measures is that code, not a copy of it.
import type * as vscode from 'vscode';
import { AwsService } from '../src/aws/awsService';
import { defaultImageFilter, type ImageInfo, type Page } from '../src/aws/model';
import { resetClients } from '../src/aws/sdk/clients';
import { AmiLookup } from '../src/code/amiLookup';
import type { Resolution } from '../src/code/imageResolver';
import { SettingsHub } from '../src/settings/settingsHub';
import { configure } from './vscode';

/** The tree's page size (amiExplorer.pageSize's default). */
export const treePageSize = 100;

/** globalState, in memory. */
export class MemoryMemento implements vscode.Memento {
  readonly values = new Map<string, unknown>();

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? this.values.get(key) as T : fallback;
  }

  update(key: string, value: unknown): Thenable<void> {
    if (value === undefined) {
      this.values.delete(key);
    } else {
      this.values.set(key, value);
    }
    return Promise.resolve();
  }
}

/**
 * Points the extension at `endpoint` and looks ids up in `regions` (amiExplorer.regions, with
 * amiExplorer.code.regions = "explorer"), as a user's settings would.
 */
export function useSettings(endpoint: string, regions: readonly string[]): void {
  configure({
    'amiExplorer.endpointUrl': endpoint,
    'amiExplorer.profile': '',
    'amiExplorer.regions': [...regions],
    'amiExplorer.code.regions': 'explorer',
  });
}

let hub: SettingsHub | undefined;

/** The one SettingsHub, as activate() makes it: where AwsService reads the connection and the regions. */
export function settingsHub(): SettingsHub {
  hub ??= new SettingsHub();
  return hub;
}

/** A fresh AwsService: nothing known yet (regions, account, denied regions), SDK clients and sockets new. */
export function newAwsService(deadlineMs?: number): AwsService {
  resetClients();
  return new AwsService(settingsHub(), deadlineMs);
}

/** A fresh AmiLookup over `aws`: an empty cache and an empty globalState. */
export function newLookup(aws: AwsService): { lookup: AmiLookup; state: MemoryMemento } {
  const state = new MemoryMemento();
  return { lookup: new AmiLookup(aws, settingsHub(), state), state };
}

/** What a hover waits for before it shows: the id's answer and the caller's account (for "owned by you"). */
export async function hover(lookup: AmiLookup, id: string, signal?: AbortSignal): Promise<Resolution> {
  const [resolution] = await Promise.all([lookup.resolve(id, signal), lookup.selfAccount()]);
  return resolution;
}

/** What expanding "Owned by me" in a region loads: a page (the first without a token), with the view's default filter. */
export function treePage(aws: AwsService, region: string, signal?: AbortSignal, nextToken?: string): Promise<Page<ImageInfo>> {
  return aws.listImagesPage(region, { scope: 'owned', filter: defaultImageFilter }, treePageSize, nextToken, signal);
}

/**
 * Resolves once every id of `ids` has its final answer from `lookup`, whose lookups then have nothing in flight:
 * a found id is answered twice (as soon as its region answers, then with the batch), any other id once.
 * Disposing a lookup before that would send its lookups again: ImageResolver.dispose() asks anew for what was in
 * flight.
 */
export function settled(lookup: AmiLookup, ids: readonly string[]): { readonly done: Promise<void>; dispose(): void } {
  const waiting = new Map(ids.map((id) => [id, 0]));
  let done: () => void = () => {};
  const promise = new Promise<void>((resolve) => {
    done = resolve;
  });
  const listener = lookup.onDidResolve((results) => {
    for (const r of results) {
      const events = waiting.get(r.id);
      if (events !== undefined && (r.kind !== 'found' || events + 1 === 2)) {
        waiting.delete(r.id);
      } else if (events !== undefined) {
        waiting.set(r.id, events + 1);
      }
    }
    if (!waiting.size) {
      done();
    }
  });
  return {
    done: promise,
    dispose: () => {
      listener.dispose();
    },
  };
}
