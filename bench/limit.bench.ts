// The physical limit of a cold resolve: every EC2 answer delayed by D ms (the fault proxy's latency, counted from
// the request's arrival, so moto's own one-at-a-time work hides inside D), 1, 50 and 1,000 ids over 16 regions,
// through the extension's own AmiLookup and AwsService (budget of calls in flight per region, deadline). An id
// lives in one region, so a cold resolve cannot beat one round trip: the goal is a wall time within 1.3 × D
// while each region needs one call, and the first found id in about one D.
import { performance } from 'node:perf_hooks';
import { clearFaults, faultStats, resetFaultStats, setFaults, type FaultRule } from '../sandbox/faults/client.mjs';
import type { Resolution } from '../src/code/imageResolver';
import { at, must } from '../test/must';
import type { BenchContext } from './context';
import { benchRegions, sharedEstate, type Estate } from './estate';
import { newAwsService, newLookup, settled, useSettings } from './extensionLayer';
import { budgetPeaksByRegion, perRegion, quiet, span } from './proxyCounts';
import { count, median, ms, ratio, seededRandom, table } from './stats';

/** Long enough that moto's serial work for the largest round (64 calls) stays inside it. */
const delayMs = 3000;
const sizes = [1, 50, 1000] as const;
const runs: Record<number, number> = { 1: 3, 50: 3, 1000: 2 };
const imageCount = 1000;

const log = (line = ''): void => console.log(line);

interface Run {
  readonly wallMs: number;
  readonly firstFoundMs: number;
  readonly calls: number;
  readonly callsPerRegion: readonly number[];
  readonly proxyPeak: readonly number[];
  readonly budgetPeak: readonly number[];
}

function missingIds(n: number): string[] {
  const random = seededRandom(11);
  return Array.from({ length: n }, () => `ami-0${Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join('')}`);
}

/** Every region answers: each found id where it lives, the missing one nowhere. */
function check(results: readonly Resolution[], estate: Estate): void {
  for (const r of results) {
    const expected = estate.regionOf.get(r.id);
    const ok = expected ? r.kind === 'found' && r.images.length === 1 && r.images[0]!.region === expected : r.kind === 'notFound' && r.searched.length === benchRegions.length;
    if (!ok) {
      throw new Error(`${r.id}: ${JSON.stringify(r).slice(0, 300)}, expected ${expected ?? 'not found in every region'}`);
    }
  }
}

/**
 * One cold resolve: a fresh lookup (empty cache) over a fresh service, which knows its regions and account and has
 * its sockets open (as after the Images view loaded) unless `firstOfSession`. The rules apply to the resolve only.
 */
async function coldResolve(context: BenchContext, rules: readonly FaultRule[], ids: readonly string[], estate: Estate, firstOfSession = false): Promise<Run> {
  await clearFaults(context.endpoint);
  const aws = newAwsService();
  try {
    if (!firstOfSession) {
      await aws.regions();
      await aws.accountId();
      await Promise.all(benchRegions.map((region) => aws.findImagesById(region, [at(estate.ids, 0, 'an estate image')])));
    }
    const budgetBefore = budgetPeaksByRegion(aws.budgetPeaks());
    await setFaults(context.endpoint, rules);
    await quiet(context.endpoint);
    await resetFaultStats(context.endpoint);
    const { lookup } = newLookup(aws);
    const done = settled(lookup, ids);
    let firstFound: number | undefined;
    const start = performance.now();
    const listener = lookup.onDidResolve((results) => {
      if (firstFound === undefined && results.some((r) => r.kind === 'found')) {
        firstFound = performance.now() - start;
      }
    });
    const results = await lookup.resolveAll(ids);
    const wallMs = performance.now() - start;
    // Counted once every region has answered (a found id answers before the others), then disposed.
    await done.done;
    done.dispose();
    listener.dispose();
    lookup.dispose();
    check(results, estate);
    const regions = perRegion(await faultStats(context.endpoint), 'DescribeImages');
    const budget = budgetPeaksByRegion(aws.budgetPeaks());
    return {
      wallMs,
      firstFoundMs: firstFound ?? NaN,
      calls: [...regions.values()].reduce((sum, r) => sum + r.seen, 0),
      callsPerRegion: benchRegions.map((r) => regions.get(r)?.seen ?? 0),
      proxyPeak: benchRegions.map((r) => regions.get(r)?.peakInFlight ?? 0),
      // The warm-up sends one call per region at a time, so a peak above one is the resolve's.
      budgetPeak: benchRegions.map((r) => Math.max(budget.get(r) ?? 0, budgetBefore.get(r) ?? 0)),
    };
  } finally {
    await aws.reset();
  }
}

export async function run(context: BenchContext): Promise<void> {
  log(`Physical limit: a cold resolve when every answer takes D = ${ms(delayMs)} (the fault proxy's latency from each request's arrival, every region at once)`);
  const estate = await sharedEstate(context, imageCount);
  const missing = missingIds(1);
  // The ids of each size: found ones spread over every region, one that exists nowhere (not for a single id).
  const idsOf = (n: number) => (n === 1 ? [at(estate.ids, 5, 'estate image 5')] : [...estate.ids.slice(0, n - 1), ...missing]);
  useSettings(context.endpoint, benchRegions);
  log(`estate: ${count(imageCount)} images in ${benchRegions.length} regions (${ms(estate.createMs)} to create); the extension's AmiLookup and AwsService, regions and account already known, cache empty`);

  try {
    // moto alone: the same resolves without delay, to show its serial time stays inside D.
    const alone = new Map<number, number>();
    for (const n of sizes) {
      const times: number[] = [];
      for (let i = 0; i < 2; i++) {
        times.push((await coldResolve(context, [], idsOf(n), estate)).wallMs);
      }
      alone.set(n, median(times));
    }
    const latency: FaultRule[] = [{ fault: 'latency', delayMs, from: 'arrival' }];
    const rows: { n: number; runs: Run[] }[] = [];
    for (const n of sizes) {
      const done: Run[] = [];
      for (let i = 0; i < must(runs[n], `the runs of ${n} ids`); i++) {
        done.push(await coldResolve(context, latency, idsOf(n), estate));
      }
      rows.push({ n, runs: done });
    }
    // The very first lookup of a session: the region list (DescribeRegions) comes first, then the lookups.
    const first = await coldResolve(context, latency, idsOf(1), estate, true);

    log();
    log(table([
      ['ids', 'calls', 'per region', 'peak in flight per region (proxy / budget)', 'first found', '÷ D', 'cold wall', '÷ D', 'moto alone'],
      ...rows.map(({ n, runs: r }) => {
        const wall = median(r.map((x) => x.wallMs));
        const firstFound = median(r.map((x) => x.firstFoundMs));
        const one = at(r, 0, `a run of ${n} ids`);
        return [
          count(n),
          count(one.calls),
          span(one.callsPerRegion),
          `${span(one.proxyPeak)} / ${span(one.budgetPeak)}`,
          ms(firstFound),
          ratio(firstFound / delayMs),
          ms(wall),
          ratio(wall / delayMs),
          ms(alone.get(n)!),
        ];
      }),
      [
        '1, first of session',
        count(first.calls),
        span(first.callsPerRegion),
        `${span(first.proxyPeak)} / ${span(first.budgetPeak)}`,
        ms(first.firstFoundMs),
        ratio(first.firstFoundMs / delayMs),
        ms(first.wallMs),
        ratio(first.wallMs / delayMs),
        '',
      ],
    ]));
    log(`median of ${sizes.map((n) => runs[n]).join(' / ')} runs; calls: DescribeImages on the wire (the proxy's count); moto alone: the same cold resolve without delay, median of 2`);
    log('1 and 50 ids: one call per region, all in flight at once: one round trip. 1,000 ids: 5 calls per region (200 ids per filter) and a budget of 4 in flight');
    log('per region, so the fifth waits for a slot: two round trips. First of session: nothing known yet, so the region list (DescribeRegions, one round trip) comes first.');
  } finally {
    await clearFaults(context.endpoint);
  }
}
