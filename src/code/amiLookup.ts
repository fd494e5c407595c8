import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import type { SettingsHub } from '../settings/settingsHub';
import { AwsError, isRegionDenial } from '../aws/errors';
import { configuredRegions } from '../settings/connection';
import { log } from '../shared/log';
import { codeSettings } from '../settings/code';
import { ImageResolver, type Resolution } from './imageResolver';
import { compactImage, pack, readPersisted } from './persistedAnswers';

const storageKey = 'amiExplorer.code.cache';
/** Enough for any project; the newest answers win. */
const maxPersisted = 5000;


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
        // Kept compact in memory too: the SDK's response is the details page's, which fetches its own.
        lookup: (region, ids, signal) => this.aws.findImagesById(region, ids, signal).then((images) => images.map(compactImage)),
        regions: () => this.regionsInScope(),
        deniedRegions: () => this.aws.deniedRegions(),
        isDenial: (error) => error instanceof AwsError && isRegionDenial(error),
        ttlMs: () => this.currentSettings().ttlMs,
        onResolved: (results) => {
          this.scheduleSave();
          this.resolved.fire(results);
        },
      });
      const persisted = readPersisted(this.state.get<unknown>(storageKey));
      if (persisted?.connection === connection) {
        this.resolver.load(persisted.answers);
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
