// Faults × features: what a user sees, and how soon, when EC2 is slow, throttles, fails, resets, hangs or refuses
// some regions. Each fault is injected by the sandbox's fault proxy; each feature runs the extension's own code
// (AmiLookup → ImageResolver → AwsService with its budget and deadline → SDK) from a cold cache. Checked on every
// row: nothing hangs (each answer comes by a bound) and nothing contradicts the estate (no "not found" for an id
// that exists in a region that answered or failed, no region wrongly said to refuse, no healthy region failing).
import { performance } from 'node:perf_hooks';
import { clearFaults, faultStats, resetFaultStats, setFaults, type FaultRule } from '../sandbox/faults/client.mjs';
import type { AwsService } from '../src/aws/awsService';
import { AwsError, toAwsError } from '../src/aws/errors';
import { problemsFor } from '../src/code/amiIdText';
import type { Resolution } from '../src/code/imageResolver';
import { at } from '../test/must';
import type { BenchContext } from './context';
import { benchRegions, sharedEstate, type Estate } from './estate';
import { hover, newAwsService, newLookup, settled, treePage, useSettings } from './extensionLayer';
import { quiet, seen } from './proxyCounts';
import { count, ms, ratio, table } from './stats';

/** AwsService's own deadline (its default), used on every row but the hangs. */
const extensionDeadlineMs = 30_000;
/**
 * A hang costs one deadline or two per feature, so the hang rows run with a shorter one: what they show (the
 * deadline fires, then the answer says why) does not depend on its length; the ÷ deadline column carries over.
 */
const hangDeadlineMs = 5000;
const imageCount = 1000;
/** The profile's region (AWS_REGION): where DescribeRegions and GetCallerIdentity go. */
const homeRegion = 'us-east-1';
const faulted = 'eu-west-1';
const alsoDenied = 'ap-southeast-2';
const healthy = 'ap-south-1';
/** No answer within this many deadlines is a hang: a feature may wait for the region list, then for its call. */
const hangFactor = 3;

const log = (line = ''): void => console.log(line);

interface Scenario {
  readonly label: string;
  readonly rules: readonly FaultRule[];
  /** The regions the rules hit (every region for a fault everywhere). */
  readonly regions: readonly string[];
  /** The rules refuse these regions for good: they must be skipped and named, never counted as searched. */
  readonly denies?: boolean;
  /** Faults start before anything is known (region list, account): the first minute after start-up. */
  readonly fromStartup?: boolean;
  /** AwsService's deadline for this row; its default otherwise. */
  readonly deadlineMs?: number;
  /** The features worth a row here (all by default). */
  readonly features?: readonly FeatureKey[];
}

type FeatureKey = 'hoverHealthy' | 'hoverFaulted' | 'hoverNowhere' | 'treeHealthy' | 'treeFaulted' | 'details';

const deadlineOf = (s: Scenario): number => s.deadlineMs ?? extensionDeadlineMs;

const everywhere = benchRegions;
const scenarios: readonly Scenario[] = [
  { label: 'none', rules: [], regions: [] },
  { label: 'latency 2 s, every region', rules: [{ fault: 'latency', delayMs: 2000, from: 'arrival' }], regions: everywhere },
  { label: `RequestLimitExceeded (503), ${faulted}, every call`, rules: [{ fault: 'RequestLimitExceeded', region: faulted }], regions: [faulted] },
  {
    label: `RequestLimitExceeded (503), ${faulted}, 3 calls`,
    rules: [{ fault: 'RequestLimitExceeded', region: faulted, times: 3 }],
    regions: [faulted],
    features: ['hoverHealthy', 'hoverFaulted', 'hoverNowhere', 'treeHealthy', 'treeFaulted'],
  },
  { label: `InternalError (500), ${faulted}`, rules: [{ fault: 'InternalError', region: faulted }], regions: [faulted] },
  { label: `connection reset, ${faulted}`, rules: [{ fault: 'reset', region: faulted }], regions: [faulted] },
  { label: `hang, ${faulted}`, rules: [{ fault: 'hang', region: faulted }], regions: [faulted], deadlineMs: hangDeadlineMs },
  {
    label: `AccessDenied ${faulted} + UnauthorizedOperation ${alsoDenied}`,
    rules: [{ fault: 'AccessDenied', region: faulted }, { fault: 'UnauthorizedOperation', region: alsoDenied }],
    regions: [faulted, alsoDenied],
    denies: true,
  },
  {
    label: `OptInRequired ${faulted} + AuthFailure ${alsoDenied}`,
    rules: [{ fault: 'OptInRequired', region: faulted }, { fault: 'AuthFailure', region: alsoDenied }],
    regions: [faulted, alsoDenied],
    denies: true,
  },
  {
    label: `hang, ${homeRegion} (the profile's region), from start-up`,
    rules: [{ fault: 'hang', region: homeRegion }],
    regions: [homeRegion],
    fromStartup: true,
    deadlineMs: hangDeadlineMs,
    // What the profile's region holds up elsewhere; its own ids and pages time out as on the row above.
    features: ['hoverHealthy', 'hoverNowhere', 'treeHealthy'],
  },
];

interface Outcome {
  /** What the user would see, in a few words. */
  readonly answer: string;
  /** Why the answer contradicts the estate or the rules, if it does. */
  readonly wrong?: string;
}

interface Feature {
  readonly key: FeatureKey;
  readonly label: (s: Scenario) => string;
  /** `after` collects what to wait for before the calls are counted, and what to undo then. */
  readonly run: (aws: AwsService, s: Scenario, signal: AbortSignal, after: After) => Promise<Outcome>;
}

interface After {
  /** Work the feature started that goes on after its answer (the other regions of a lookup). */
  readonly settled: Promise<unknown>[];
  readonly cleanups: (() => void)[];
}

interface Row {
  readonly scenario: Scenario;
  readonly feature: string;
  readonly answer: string;
  readonly ms: number;
  readonly hung: boolean;
  readonly wrong?: string;
  readonly calls: number;
  readonly faultedCalls: number;
  /** Requests still open at the proxy once the feature answered and its work settled: calls nobody waits for. */
  readonly leftOpen: number;
}

function idIn(estate: Estate, region: string): string {
  const id = estate.ids.find((i) => estate.regionOf.get(i) === region);
  if (!id) {
    throw new Error(`the estate has no image in ${region}`);
  }
  return id;
}

/** The region a rule set treats as "the faulted one" for the features that aim at it. */
function target(s: Scenario): string {
  return s.regions.length === 1 ? s.regions[0]! : faulted;
}

function short(text: string, max = 48): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function errorText(error: unknown): string {
  const e = error instanceof AwsError ? error : toAwsError(error);
  return `error: ${e.kind}`;
}

/** Checks one resolution against the estate and the rules. */
function judge(r: Resolution, expectedRegion: string | undefined, s: Scenario): Outcome {
  const denied = new Set((r.kind === 'failed' || r.kind === 'notFound' ? r.denied ?? [] : []).map((d) => d.region));
  const wronglyDenied = [...denied].filter((region) => !s.denies || !s.regions.includes(region));
  if (wronglyDenied.length) {
    return { answer: r.kind, wrong: `${wronglyDenied.join(', ')} said to refuse` };
  }
  switch (r.kind) {
    case 'found': {
      const regions = r.images.map((i) => i.region);
      const answer = `found in ${regions.join(', ')}`;
      return expectedRegion && regions.length === 1 && regions[0] === expectedRegion ? { answer } : { answer, wrong: `expected ${expectedRegion ?? 'nowhere'}` };
    }
    case 'notFound': {
      const note = denied.size ? ` (${denied.size} denied)` : '';
      const answer = `not found in ${r.searched.length} regions${note}`;
      const unanswered = benchRegions.filter((region) => !r.searched.includes(region) && !denied.has(region));
      if (unanswered.length) {
        return { answer, wrong: `${unanswered.join(', ')} neither searched nor denied` };
      }
      if (expectedRegion && !denied.has(expectedRegion)) {
        return { answer, wrong: `it is in ${expectedRegion}, which answered` };
      }
      // The Problems panel says what was searched and what refused.
      const problem = problemsFor(r, {})[0]?.message ?? '';
      if (denied.size && !problem.includes('denied by policy')) {
        return { answer, wrong: `the problem does not name the refusing regions: ${problem}` };
      }
      return { answer };
    }
    case 'failed': {
      const failed = r.errors.map((e) => e.region);
      const answer = r.searched?.length ? `lookup incomplete (${failed.join(', ')})` : `lookup failed (${short(r.errors[0]?.message ?? '', 30)})`;
      const healthyFailed = failed.filter((region) => region !== '*' && !s.regions.includes(region));
      if (healthyFailed.length) {
        return { answer, wrong: `${healthyFailed.join(', ')} failed without a fault` };
      }
      if (!s.regions.length) {
        return { answer, wrong: 'failed without a fault' };
      }
      return { answer };
    }
  }
}

function features(estate: Estate, missingId: string): Feature[] {
  const treeOf = (region: string) => async (aws: AwsService, s: Scenario, signal: AbortSignal): Promise<Outcome> => {
    try {
      // The Images view lists its regions first (known already, unless from start-up), then pages the one opened.
      const regions = await aws.regions();
      const page = await treePage(aws, region, signal);
      const expected = estate.ids.filter((id) => estate.regionOf.get(id) === region).length;
      const answer = `${page.items.length} images${page.nextToken ? ' + more' : ''}${regions.includes(region) ? '' : ' (region not listed)'}`;
      const strange = page.items.filter((i) => i.region !== region || estate.regionOf.get(i.id) !== region);
      return strange.length || page.items.length !== expected ? { answer, wrong: `expected the ${expected} images of ${region}` } : { answer };
    } catch (error) {
      const answer = errorText(error);
      return s.regions.includes(region) ? { answer } : { answer, wrong: `${region} has no fault` };
    }
  };
  const hoverOf = (id: string) => async (aws: AwsService, s: Scenario, signal: AbortSignal, after: After): Promise<Outcome> => {
    const { lookup } = newLookup(aws);
    const done = settled(lookup, [id]);
    after.settled.push(done.done);
    after.cleanups.push(() => {
      done.dispose();
      lookup.dispose();
    });
    return judge(await hover(lookup, id, signal), estate.regionOf.get(id), s);
  };
  return [
    { key: 'hoverHealthy', label: () => `hover: id in ${healthy}`, run: hoverOf(idIn(estate, healthy)) },
    { key: 'hoverFaulted', label: (s) => `hover: id in ${target(s)}`, run: (aws, s, signal, after) => hoverOf(idIn(estate, target(s)))(aws, s, signal, after) },
    { key: 'hoverNowhere', label: () => 'hover + problems: id nowhere', run: hoverOf(missingId) },
    { key: 'treeHealthy', label: () => `tree: first page, ${healthy}`, run: treeOf(healthy) },
    { key: 'treeFaulted', label: (s) => `tree: first page, ${target(s)}`, run: (aws, s, signal) => treeOf(target(s))(aws, s, signal) },
    {
      key: 'details',
      label: (s) => `details: image in ${target(s)}`,
      run: async (aws, s, signal) => {
        const region = target(s);
        const id = idIn(estate, region);
        try {
          const details = await aws.describeImage(region, id, signal);
          const answer = `${details.image.name}`;
          return details.image.id === id && details.image.region === region ? { answer } : { answer, wrong: 'another image' };
        } catch (error) {
          const answer = errorText(error);
          return s.regions.includes(region) ? { answer } : { answer, wrong: `${region} has no fault` };
        }
      },
    },
  ];
}

/**
 * Runs one feature: its outcome, how long it took, whether it answered at all by a bound, and the calls it made,
 * counted once the work it started has settled (a lookup goes on in the other regions after an early answer).
 */
async function measure(context: BenchContext, aws: AwsService, s: Scenario, feature: Feature): Promise<Row> {
  // Requests an earlier row left open are answered now, so they end instead of being retried into this row.
  await clearFaults(context.endpoint, { held: 'release' });
  await quiet(context.endpoint);
  await setFaults(context.endpoint, s.rules);
  await resetFaultStats(context.endpoint);
  const controller = new AbortController();
  const after: After = { settled: [], cleanups: [] };
  const bound = (ms: number) => new Promise<'timeout'>((resolve) => {
    setTimeout(() => resolve('timeout'), ms).unref();
  });
  const start = performance.now();
  const outcome = await Promise.race([feature.run(aws, s, controller.signal, after), bound(hangFactor * deadlineOf(s))]);
  const elapsed = performance.now() - start;
  // Counted as soon as the lookup has settled everywhere, and disposed at once: a failed id is asked again 2 s
  // later, which would count here, and a resolver disposed with a lookup in flight sends it again.
  if (after.settled.length) {
    await Promise.race([Promise.all(after.settled), bound(deadlineOf(s) + 2000)]);
  } else {
    await quiet(context.endpoint, deadlineOf(s) + 2000);
  }
  const stats = await faultStats(context.endpoint);
  controller.abort();
  after.cleanups.forEach((cleanup) => cleanup());
  const faultedRegions = s.regions === everywhere ? undefined : s.regions;
  const hung = outcome === 'timeout';
  return {
    scenario: s,
    feature: feature.label(s),
    answer: hung ? 'no answer' : outcome.answer,
    ms: elapsed,
    hung,
    wrong: hung ? undefined : outcome.wrong,
    calls: seen(stats),
    faultedCalls: faultedRegions ? seen(stats, undefined, faultedRegions) : seen(stats),
    leftOpen: stats.total.inFlight,
  };
}

export async function run(context: BenchContext): Promise<void> {
  const started = performance.now();
  log(`Faults: fault class × feature, through the extension's AmiLookup and AwsService (budget of 4 calls in flight per region, deadline ${ms(extensionDeadlineMs)}; ${ms(hangDeadlineMs)} on the hang rows)`);
  const estate = await sharedEstate(context, imageCount);
  useSettings(context.endpoint, benchRegions);
  log(`estate: ${count(imageCount)} images in ${benchRegions.length} regions, all searched for ids in code; the profile's region is ${homeRegion}; each feature starts from an empty cache`);
  const missingId = 'ami-0feedfacecafe0042';
  const rows: Row[] = [];
  try {
    for (const s of scenarios) {
      let aws: AwsService | undefined;
      for (const feature of features(estate, missingId).filter((f) => !s.features || s.features.includes(f.key))) {
        if (!aws || s.fromStartup) {
          await aws?.reset();
          await clearFaults(context.endpoint);
          aws = newAwsService(s.deadlineMs);
          if (!s.fromStartup) {
            // Steady state: the view has listed its regions and the account is known before the fault starts.
            await aws.regions();
            await aws.accountId();
          }
        }
        rows.push(await measure(context, aws, s, feature));
      }
      await clearFaults(context.endpoint);
      await aws?.reset();
    }
  } finally {
    await clearFaults(context.endpoint);
  }

  log();
  let last: Scenario | undefined;
  log(table([
    ['fault', 'feature', 'what the user sees', 'time', '÷ deadline', 'hang', 'wrong', 'calls', 'to faulted', 'left open'],
    ...rows.map((r) => {
      const first = r.scenario !== last;
      last = r.scenario;
      return [
        first ? r.scenario.label : '',
        r.feature,
        short(r.answer),
        ms(r.ms),
        ratio(r.ms / deadlineOf(r.scenario)),
        r.hung ? '1' : '0',
        r.wrong ? '1' : '0',
        count(r.calls),
        r.scenario.regions.length ? count(r.faultedCalls) : '',
        count(r.leftOpen),
      ];
    }),
  ]));
  const hangs = rows.filter((r) => r.hung);
  const wrong = rows.filter((r) => r.wrong);
  const late = rows.filter((r) => !r.hung && r.ms > deadlineOf(r.scenario) + 2000);
  const healthyRows = rows.filter((r) => r.feature.includes(healthy) && r.scenario.regions !== everywhere && !r.scenario.regions.includes(healthy));
  const slowestHealthy = healthyRows.reduce((a, b) => (b.ms > a.ms ? b : a), at(healthyRows, 0, 'a healthy-region row'));
  log(`time: until the answer shows (a hover also waits for the caller's account); hang: no answer within ${hangFactor} deadlines; calls: requests the proxy saw, every service (DescribeImages, DescribeImageAttribute, DescribeRegions, GetCallerIdentity), retries included; to faulted: those to the faulted regions`);
  const leftOpen = rows.filter((r) => r.leftOpen);
  log(`left open: requests still in flight when the feature's work had settled (its deadline passed), which the SDK goes on retrying outside the budget: ${leftOpen.length ? leftOpen.map((r) => `${r.scenario.label} / ${r.feature}`).join('; ') : 'none'}`);
  log(`hangs: ${hangs.length}; wrong answers: ${wrong.length}; answers later than the deadline + 2 s: ${late.length}; slowest healthy-region answer under a one-region fault: ${ms(slowestHealthy.ms)} (${slowestHealthy.scenario.label}, ${slowestHealthy.feature})`);
  for (const r of [...wrong, ...hangs, ...late]) {
    log(`  ${r.hung ? 'HANG' : r.wrong ? 'WRONG' : 'LATE'}: ${r.scenario.label} / ${r.feature}: ${r.wrong ?? r.answer} (${ms(r.ms)})`);
  }
  if (hangs.length || wrong.length) {
    process.exitCode = 1;
  }
  log(`total ${ms(performance.now() - started)}`);
}
