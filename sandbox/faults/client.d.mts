// Types of the fault layer's rules and counters, for TypeScript callers (integration tests, the benchmark) and for
// the JSDoc of the .mjs files beside this one. The behaviour is in client.mjs, rules.mjs and proxy.mjs.

/** AWS errors, answered in the protocol of the service called (EC2 query XML, STS and IAM query XML, KMS JSON). */
export type ErrorFault =
  | 'RequestLimitExceeded'
  | 'Throttling'
  | 'InternalError'
  | 'Unavailable'
  | 'AccessDenied'
  | 'UnauthorizedOperation'
  | 'OptInRequired'
  | 'AuthFailure';

/** What a rule does to the requests it takes; see sandbox/README.md for each. */
export type FaultName = 'latency' | 'hang' | 'trickle' | 'reset' | ErrorFault;

/** One rule: the first rule (in order) whose target matches a request, and has `times` left, takes it. */
export interface FaultRule {
  fault: FaultName;
  /** A region (`eu-west-1`), a pattern (`eu-*`), `*` (the default), or a list of those. */
  region?: string | readonly string[];
  /** `ec2`, `sts`, `kms`, `rbin`, `iam` or `*` (the default), from the request's SigV4 credential scope. */
  service?: 'ec2' | 'sts' | 'kms' | 'rbin' | 'iam' | '*';
  /** An API name (`DescribeImages`, case-sensitive), a pattern (`Describe*`), `*` (the default), or a list. */
  action?: string | readonly string[];
  /** Only the first `times` requests the rule takes; then it stands aside. Default: all. */
  times?: number;
  /**
   * latency: the delay added (required). Other faults except hang: a wait before the fault (an error, the reset, the
   * trickle's headers).
   */
  delayMs?: number;
  /**
   * latency: `answer` (the default) sends moto's answer `delayMs` after it arrives; `arrival` sends it no sooner
   * than `delayMs` after the request arrived, so moto's own time is hidden inside the delay.
   */
  from?: 'answer' | 'arrival';
  /** trickle: body bytes per write (default 1). */
  chunkBytes?: number;
  /** trickle: time between writes (default 1000). */
  intervalMs?: number;
  /** reset: forward, send the headers and this many body bytes, then reset. Default: reset before any byte. */
  afterBytes?: number;
  /** Error faults: override the HTTP status, the error code or the message of the service's usual answer. */
  status?: number;
  code?: string;
  message?: string;
}

/** Requests the proxy saw; `injected` counts those a rule took (latency included). */
export interface FaultCounter {
  seen: number;
  injected: number;
  /** Requests received and not yet answered (or dropped) right now. */
  inFlight: number;
  /** The most requests in flight at the same moment since the last reset. */
  peakInFlight: number;
}

export interface RegionCounters extends FaultCounter {
  /** By service (`ec2`, `sts`, `kms`, `iam`). */
  services: Record<string, FaultCounter>;
  /** By API name (`DescribeImages`, `GetCallerIdentity`, …), all services together. */
  actions: Record<string, FaultCounter>;
}

/** A rule as stored (defaults filled in) with its own counters. */
export type RuleWithCounters = FaultRule & {
  /** Requests that matched the rule's target and reached it (no earlier rule took them). */
  seen: number;
  /** Requests it took. */
  injected: number;
};

export interface FaultStats {
  rules: RuleWithCounters[];
  total: FaultCounter;
  /** Signed AWS requests by region of their credential scope. */
  regions: Record<string, RegionCounters>;
  /** Requests hung or trickling right now. */
  held: number;
  /** When the counters started (ISO 8601): proxy start or the last resetFaultStats(). */
  since: string;
}

/** What clearFaults does with requests hung or trickling: close their connections (default) or answer them now. */
export interface ClearOptions {
  held?: 'close' | 'release';
}

/** Where the control endpoint lives on the proxy; no AWS call uses this path. */
export const CONTROL_PATH: '/__faults';
/** The control URL for an AWS endpoint served by the fault proxy: `${endpoint}/__faults`. */
export function faultsUrl(endpoint: string): string;
/** Replaces the rules (ending requests held by the old ones) and returns the stats. */
export function setFaults(endpoint: string, rules: readonly FaultRule[]): Promise<FaultStats>;
/** Appends rules after the current ones, which keep their counters and held requests. */
export function addFaults(endpoint: string, rules: readonly FaultRule[]): Promise<FaultStats>;
/** Removes every rule; held requests are closed, or answered with `{ held: 'release' }`. */
export function clearFaults(endpoint: string, options?: ClearOptions): Promise<FaultStats>;
/** The rules and counters. */
export function faultStats(endpoint: string): Promise<FaultStats>;
/** Zeroes the counters (requests still in flight stay counted as in flight) and returns the fresh stats. */
export function resetFaultStats(endpoint: string): Promise<FaultStats>;
