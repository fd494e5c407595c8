import { Emitter } from '../shared/emitter';
import { checkRegion } from '../shared/validation';
import { CallBudget } from './callBudget';
import { withDeadline } from './deadline';
import { isRegionDenial, refineAuthFailure, toAwsError, type AwsError } from './errors';
import type { Connection, RegionInfo } from './model';
import { isSdkLoaded, loadSdk, type SdkModule } from './sdkLoader';

/** Where the connection and the chosen regions come from (the settings); the AWS layer knows nothing of VS Code. */
export interface ConnectionSource {
  connection(): Connection;
  /** The regions the person chose, each a valid region name. */
  configuredRegions(): string[];
  /** Chosen regions EC2 does not list for this account: ignored, and the source says so where it can. */
  reportUnknownRegions(regions: readonly string[]): void;
}

export interface CallOptions {
  /** Aborts the call, or its wait for a budget slot. */
  readonly signal?: AbortSignal;
  /** A waiter (until available, until running): polls for minutes, takes no budget slot and has no deadline. */
  readonly wait?: boolean;
  /**
   * A read that needs a permission of its own (ec2:DescribeImageReferences, say): its denial says nothing about
   * the region, so the region's other reads go on.
   */
  readonly ownPermission?: boolean;
}

/** Throttling answers shrink the budget of their lane. */
function isThrottling(error: unknown): boolean {
  return toAwsError(error).kind === 'throttled';
}

/**
 * What every AWS call shares: the SDK loaded on first use, the connection read on every call, a budget of calls in
 * flight per account and region, a deadline, and failures turned into AwsErrors that say what to do. The
 * operations themselves are AwsService's; `call` is theirs alone.
 */
export class AwsCore {
  /** A few calls in flight per account and region, shared by the views, the code features and the actions. */
  private readonly budget = new CallBudget({ maxInFlight: 4 });
  private readonly denied = new Map<string, AwsError>();
  private defaultRegion: Promise<string | undefined> | undefined;
  private account: Promise<string | undefined> | undefined;
  private knownRegions: Promise<readonly RegionInfo[] | undefined> | undefined;
  private readonly accountKnown = new Emitter<string | undefined>();
  /** Fires with the caller's account id once a connection's first AWS call has answered (undefined: unknowable). */
  readonly onDidKnowAccount = this.accountKnown.event;

  /** `deadlineMs`: retries included, a call that has not answered by then has failed. */
  constructor(private readonly source: ConnectionSource, private readonly deadlineMs = 30_000) {}

  connection(): Connection {
    return this.source.connection();
  }

  /**
   * Every AWS call goes through here: it waits for a slot of the account and region's budget (unless it is a
   * waiter, which polls for minutes), runs under a deadline that fires whatever the SDK does, aborts with the
   * caller's signal, and fails with an AwsError that says what to do. `run` gets the signal to hand to the SDK.
   */
  protected async call<T>(action: string, region: string | undefined, run: (sdk: SdkModule, connection: Connection, signal: AbortSignal) => Promise<T>, options: CallOptions = {}): Promise<T> {
    const connection = this.connection();
    const attempt = () => withDeadline(async (signal) => run(await loadSdk(), connection, signal), options.wait ? Infinity : this.deadlineMs, options.signal);
    const lane = `${connection.profile}\u0000${connection.endpoint ?? ''}\u0000${region ?? '*'}`;
    try {
      const result = await (options.wait ? attempt() : this.budget.run(lane, attempt, isThrottling, options.signal));
      // Who the calls run as is worth showing as soon as they work; asking costs one call per connection.
      void this.accountId();
      return result;
    } catch (error) {
      let err = toAwsError(error, { action, region, profile: connection.profile });
      if (err.code === 'AuthFailure' && action !== 'GetCallerIdentity') {
        err = refineAuthFailure(err, await this.accountId() !== undefined, region);
      }
      if (region && action.startsWith('Describe') && !options.ownPermission && isRegionDenial(err)) {
        this.denied.set(region, err);
      }
      throw err;
    }
  }

  /**
   * Regions that refused a read this session (policy, opt-in, SCP), with why: lookups skip them and say so,
   * until Refresh or a new connection.
   */
  deniedRegions(): ReadonlyMap<string, AwsError> {
    return this.denied;
  }

  /** Peak in-flight calls per budget lane (profile, endpoint, region), for the load benchmark. */
  budgetPeaks(): Record<string, number> {
    return this.budget.peaks();
  }

  /**
   * The regions to show: the setting, less names the account does not know (when DescribeRegions answers), else
   * the profile's own region, else us-east-1.
   */
  async regions(): Promise<string[]> {
    const configured = this.source.configuredRegions();
    const known = configured.length ? await this.regionNames() : undefined;
    const unknown = known ? configured.filter((r) => !known.has(r)) : [];
    this.source.reportUnknownRegions(unknown);
    const usable = configured.filter((r) => !unknown.includes(r));
    if (usable.length) {
      return usable;
    }
    return [(await this.profileRegion()) ?? 'us-east-1'];
  }

  listRegions(signal?: AbortSignal): Promise<RegionInfo[]> {
    return this.call('DescribeRegions', undefined, (sdk, c, s) => sdk.listRegions(c, s), { signal });
  }

  /**
   * The regions EC2 lists for the account, with their opt-in status: asked once per connection (until Refresh),
   * shared by the views and every check of a region; undefined when EC2 will not say (asked again next time).
   */
  knownRegionList(): Promise<readonly RegionInfo[] | undefined> {
    this.knownRegions ??= this.listRegions().then((regions) => regions, () => {
      this.knownRegions = undefined;
      return undefined;
    });
    return this.knownRegions;
  }

  private async regionNames(): Promise<ReadonlySet<string> | undefined> {
    const regions = await this.knownRegionList();
    return regions && new Set(regions.map((r) => r.name));
  }

  /** The profile's region from ~/.aws/config or the environment; undefined when unset or not a region name. */
  profileRegion(): Promise<string | undefined> {
    this.defaultRegion ??= this.call('ResolveRegion', undefined, (sdk, c) => sdk.profileRegion(c))
      .then((region) => (region && !checkRegion(region) ? region.trim() : undefined), () => undefined);
    return this.defaultRegion;
  }

  /** The caller's account id, once per connection; undefined when it cannot be known (never an error). */
  accountId(): Promise<string | undefined> {
    if (!this.account) {
      const asked = this.regions()
        .then((regions) => this.call('GetCallerIdentity', regions[0], (sdk, c, s) => sdk.callerAccount(c, regions[0] ?? 'us-east-1', s)))
        .catch(() => undefined);
      this.account = asked;
      void asked.then((id) => {
        // A reset meanwhile means another connection: its own answer will come.
        if (this.account === asked) {
          this.accountKnown.fire(id);
        }
      });
    }
    return this.account;
  }

  /** Drop cached clients and credentials, e.g. after `aws sso login` or a profile switch. */
  async reset(): Promise<void> {
    this.denied.clear();
    this.defaultRegion = undefined;
    this.account = undefined;
    this.knownRegions = undefined;
    if (isSdkLoaded()) {
      (await loadSdk()).resetClients();
    }
  }

  dispose(): void {
    this.defaultRegion = undefined;
    this.account = undefined;
    this.knownRegions = undefined;
    this.accountKnown.dispose();
  }
}
