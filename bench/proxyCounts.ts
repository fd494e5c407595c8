// Reading the fault proxy's counters: requests on the wire per region and action, as the extension sent them.
import { faultStats, type FaultStats } from '../sandbox/faults/client.mjs';

/** Requests for `action` (every action when omitted) in each region, and their peak concurrency. */
export function perRegion(stats: FaultStats, action?: string): Map<string, { seen: number; peakInFlight: number }> {
  const out = new Map<string, { seen: number; peakInFlight: number }>();
  for (const [region, counters] of Object.entries(stats.regions)) {
    const c = action ? counters.actions[action] : counters;
    if (c?.seen) {
      out.set(region, { seen: c.seen, peakInFlight: c.peakInFlight });
    }
  }
  return out;
}

/** Requests for `action` (every one when omitted), over all regions or the ones given. */
export function seen(stats: FaultStats, action?: string, regions?: readonly string[]): number {
  let total = 0;
  for (const [region, c] of perRegion(stats, action)) {
    if (!regions || regions.includes(region)) {
      total += c.seen;
    }
  }
  return total;
}

/** "5" when every value is the same, else "4–6". */
export function span(values: readonly number[]): string {
  if (!values.length) {
    return '0';
  }
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

/** The budget's peaks (keyed by profile, endpoint and region) by region. */
export function budgetPeaksByRegion(peaks: Record<string, number>): Map<string, number> {
  return new Map(Object.entries(peaks).map(([lane, peak]) => [lane.split('\u0000')[2] ?? lane, peak]));
}

/** Waits until the proxy has no request in flight, so counters reset next start from nothing. */
export async function quiet(endpoint: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await faultStats(endpoint)).total.inFlight > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
