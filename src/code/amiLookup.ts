import * as vscode from 'vscode';
import type { AwsService } from '../aws/awsService';
import { configuredRegions, section } from '../aws/connectionSettings';
import type { ImageInfo } from '../aws/model';
import { log } from '../shared/log';
import { codeSettings } from './codeSettings';
import { ImageResolver, type Resolution } from './imageResolver';

const storageKey = 'amiExplorer.code.cache';
/** Enough for any project; the newest answers win. */
const maxPersisted = 5000;

interface Persisted {
  readonly connection: string;
  readonly entries: Resolution[];
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

  constructor(private readonly aws: AwsService, private readonly state: vscode.Memento) {
    this.configWatch = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(section)) {
        this.settings = undefined;
      }
    });
  }

  peek(id: string): Resolution | undefined {
    return this.current().peek(id);
  }

  resolve(id: string): Promise<Resolution> {
    return this.current().resolve(id);
  }

  resolveAll(ids: readonly string[]): Promise<Resolution[]> {
    return this.current().resolveAll(ids);
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
      this.resolver = new ImageResolver({
        lookup: (region, ids) => this.aws.findImagesById(region, ids),
        regions: () => this.regionsInScope(),
        ttlMs: () => this.currentSettings().ttlMs,
        onResolved: (results) => {
          this.scheduleSave();
          this.resolved.fire(results);
        },
      });
      const persisted = this.state.get<Persisted>(storageKey);
      if (persisted?.connection === connection) {
        this.resolver.load(persisted.entries);
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
    const entries = this.resolver.entries()
      .sort((a, b) => b.at - a.at)
      .slice(0, maxPersisted)
      .map((r) => (r.kind === 'found' ? { ...r, images: r.images.map(withoutRaw) } : r));
    void this.state.update(storageKey, { connection: this.connection, entries } satisfies Persisted);
  }

  dispose(): void {
    this.configWatch.dispose();
    this.flushSave();
    this.resolved.dispose();
  }
}

/** The SDK's response is only for the details document, which fetches its own: not worth persisting. */
function withoutRaw(image: ImageInfo): ImageInfo {
  return { ...image, raw: undefined };
}
