import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import type { SettingsHub } from '../settings/settingsHub';
import { AwsError, isRegionDenial } from '../aws/errors';
import { configuredRegions } from '../settings/connection';
import type { ImageInfo } from '../aws/model';
import { log } from '../shared/log';
import { codeSettings } from '../settings/code';
import { ImageResolver, type Resolution } from './imageResolver';

const storageKey = 'amiExplorer.code.cache';
/** Enough for any project; the newest answers win. */
const maxPersisted = 5000;

/**
 * What globalState holds: compact answers (no SDK response, no block devices) whose region lists are stored
 * once and referred to by index, so 5,000 answers stay well under a megabyte.
 */
interface Persisted {
  readonly connection: string;
  readonly regionLists?: string[][];
  readonly entries: (Resolution | (Omit<Extract<Resolution, { kind: 'notFound' }>, 'searched'> & { readonly searched: number }))[];
}

/**
 * Answers "what is this AMI id?" for the code features: one resolver per connection (account, endpoint and
 * region scope), its answers kept in globalState so that reopening a project costs no calls.
 */
export class AmiLookup implements vscode.Disposable {
  private readonly resolved = new vscode.EventEmitter<readonly Resolution[]>();
  /** Fires when answers arrive, and with no answers when everything was forgotten. */
  readonly onDidResolve = this.resolved.event;
  private resolver: ImageResolver | undefined;
  private connection = '';
  private enabledRegions: Promise<string[]> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Settings read once per change, not on every hover or CodeLens: this sits on the hot path. */
  private settings: { readonly connection: string; readonly ttlMs: number } | undefined;
  private readonly configWatch: vscode.Disposable;

  constructor(private readonly aws: AwsService, settings: SettingsHub, private readonly state: vscode.Memento) {
    this.configWatch = settings.onDidChange(() => {
      this.settings = undefined;
    });
  }

  peek(id: string): Resolution | undefined {
    return this.current().peek(id);
  }

  resolve(id: string, signal?: AbortSignal): Promise<Resolution> {
    return this.current().resolve(id, signal);
  }

  resolveAll(ids: readonly string[], signal?: AbortSignal): Promise<Resolution[]> {
    return this.current().resolveAll(ids, signal);
  }

  /** The caller's account, for "owned by you"; undefined when it cannot be known. */
  selfAccount(): Promise<string | undefined> {
    return this.aws.accountId();
  }

  describeScope(): string {
    return codeSettings().regions === 'explorer' ? 'the Images view\'s regions' : 'every region enabled for the account';
  }

  /** Forget every answer (the `refresh` command), here and in globalState. */
  clear(): void {
    this.resolver?.clear();
    this.enabledRegions = undefined;
    void this.state.update(storageKey, undefined);
    this.resolved.fire([]);
  }

  /** After a profile, endpoint or region change: answers for the new connection replace what is shown. */
  reconnected(): void {
    this.resolved.fire([]);
  }

  /** The resolver of the current connection; a new connection starts from what was persisted for it. */
  private currentSettings(): { readonly connection: string; readonly ttlMs: number } {
    if (!this.settings) {
      const { profile, endpoint } = this.aws.connection();
      const { regions: scope, ttlMs } = codeSettings();
      // Answers depend on who asks, where, and which regions were searched.
      this.settings = { connection: JSON.stringify([profile, endpoint ?? '', scope, scope === 'explorer' ? configuredRegions() : []]), ttlMs };
    }
    return this.settings;
  }

  private current(): ImageResolver {
    const { connection } = this.currentSettings();
    if (!this.resolver || connection !== this.connection) {
      this.flushSave();
      this.connection = connection;
      this.enabledRegions = undefined;
      this.resolver?.dispose();
      this.resolver = new ImageResolver({
        lookup: (region, ids, signal) => this.aws.findImagesById(region, ids, signal),
        regions: () => this.regionsInScope(),
        deniedRegions: () => this.aws.deniedRegions(),
        isDenial: (error) => error instanceof AwsError && isRegionDenial(error),
        ttlMs: () => this.currentSettings().ttlMs,
        onResolved: (results) => {
          this.scheduleSave();
          this.resolved.fire(results);
        },
      });
      const persisted = this.state.get<Persisted>(storageKey);
      if (persisted?.connection === connection) {
        this.resolver.load(unpack(persisted));
      }
    }
    return this.resolver;
  }

  private regionsInScope(): Promise<readonly string[]> {
    if (codeSettings().regions === 'explorer') {
      return this.aws.regions();
    }
    this.enabledRegions ??= this.aws.listRegions().then(
      (regions) => regions.filter((r) => r.optInStatus !== 'not-opted-in').map((r) => r.name).sort(),
      async (error: unknown) => {
        // Without DescribeRegions (a narrow IAM policy), the explorer's regions are the best guess left.
        this.enabledRegions = undefined;
        const fallback = await this.aws.regions();
        log().warn(`Looking up AMI ids in ${fallback.join(', ')} only: ${error instanceof Error ? error.message : String(error)}`);
        return fallback;
      },
    );
    return this.enabledRegions;
  }

  private scheduleSave(): void {
    this.saveTimer ??= setTimeout(() => this.flushSave(), 1000);
  }

  private flushSave(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
    }
    if (!this.resolver) {
      return;
    }
    const entries = this.resolver.entries().sort((a, b) => b.at - a.at).slice(0, maxPersisted);
    void this.state.update(storageKey, pack(this.connection, entries));
  }

  dispose(): void {
    this.configWatch.dispose();
    this.flushSave();
    this.resolver?.dispose();
    this.resolved.dispose();
  }
}

/** The SDK's response and the block devices are for the details document, which fetches its own. */
export function compactImage(image: ImageInfo): ImageInfo {
  return { ...image, raw: undefined, blockDevices: [] };
}

/** Answers as globalState keeps them: compact images, each distinct list of regions searched stored once. */
export function pack(connection: string, answers: readonly Resolution[]): Persisted {
  const lists = new Map<string, number>();
  const regionLists: string[][] = [];
  const entries = answers.map((r) => {
    if (r.kind === 'found') {
      return { ...r, images: r.images.map(compactImage) };
    }
    if (r.kind !== 'notFound') {
      return r;
    }
    const key = r.searched.join(',');
    let index = lists.get(key);
    if (index === undefined) {
      index = regionLists.push([...r.searched]) - 1;
      lists.set(key, index);
    }
    return { ...r, searched: index };
  });
  return { connection, regionLists, entries };
}

export function unpack(persisted: Persisted): Resolution[] {
  return persisted.entries.flatMap((e): Resolution[] => {
    if (e.kind !== 'notFound' || Array.isArray(e.searched)) {
      return [e as Resolution];
    }
    const searched = persisted.regionLists?.[e.searched as number];
    return searched ? [{ ...e, searched }] : [];
  });
}
