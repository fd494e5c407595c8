// Load: a region with 20,000 images and a file with 5,000 AMI ids, through the extension's own AwsService and
// AmiLookup. The tree's first page must be one call whatever the region holds; the file's ids go out in batches of
// 200 per region under the budget of 4 calls in flight per region; memory stays bounded; the persisted cache of
// 5,000 answers stays under 1 MB and reopening the file costs no call.
import { EC2Client, RegisterImageCommand } from '@aws-sdk/client-ec2';
import { performance } from 'node:perf_hooks';
import { clearFaults, faultStats, resetFaultStats } from '../sandbox/faults/client.mjs';
import { findAmiIds } from '../src/code/amiIdScanner';
import { maxIdsPerDocument } from '../src/code/amiDiagnostics';
import type { Resolution } from '../src/code/imageResolver';
import type { BenchContext } from './context';
import { benchRegions, sharedEstate, type Estate } from './estate';
import { newAwsService, newLookup, settled, treePage, treePageSize, useSettings } from './extensionLayer';
import { budgetPeaksByRegion, perRegion, quiet, span } from './proxyCounts';
import { count, kib, mapLimit, ms, seededRandom, table } from './stats';

const bigRegion = 'us-west-2';
const bigCount = 20_000;
const fileIds = 5000;
/** Of the file's ids: from the big region, from the 1,000-image estate (every region), and ids that exist nowhere. */
const fromBig = 4000;
const missingCount = 100;
const createConcurrency = 8;
const storageKey = 'amiExplorer.code.cache';

const log = (line = ''): void => console.log(line);

/** Registers `n` images in one region with at most `concurrency` calls in flight: EC2 has no batch call for it. */
async function createBigRegion(endpoint: string, n: number): Promise<{ ids: string[]; ms: number }> {
  const client = new EC2Client({ region: bigRegion, endpoint, maxAttempts: 4 });
  const start = performance.now();
  try {
    const ids = await mapLimit(Array.from({ length: n }, (_, i) => i), createConcurrency, async (i) => {
      const arm = i % 3 === 0;
      const out = await client.send(new RegisterImageCommand({
        Name: `fleet-${String(i).padStart(5, '0')}-${arm ? 'arm64' : 'x86_64'}`,
        Architecture: arm ? 'arm64' : 'x86_64',
        RootDeviceName: '/dev/xvda',
        VirtualizationType: 'hvm',
        TagSpecifications: [{ ResourceType: 'image', Tags: [{ Key: 'Project', Value: `fleet-${i % 50}` }] }],
      }));
      return out.ImageId!;
    });
    return { ids, ms: performance.now() - start };
  } finally {
    client.destroy();
  }
}

/** A Terraform file that maps 5,000 names to AMI ids, each with the region it is meant for. */
function bigFile(ids: readonly { id: string; region: string }[]): string {
  return [
    'locals {',
    '  fleet = {',
    ...ids.map((m, i) => `    "node-${i}" = { region = "${m.region}", ami = "${m.id}" }`),
    '  }',
    '}',
    '',
  ].join('\n');
}

function heapMb(): number {
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Heap in use after a full collection, when --expose-gc allows one (npm run bench passes it). */
function settledHeapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return heapMb();
}

interface Step {
  readonly label: string;
  readonly ids: number;
  readonly calls: number;
  readonly perRegion: string;
  readonly bigRegionCalls: number;
  readonly proxyPeak: string;
  readonly budgetPeak: string;
  readonly firstMs: number;
  readonly wallMs: number;
}

/** The fields that weigh most in the persisted images, in JSON bytes per image (key included). */
function heaviestFields(entries: readonly Resolution[]): string {
  const bytes = new Map<string, number>();
  let images = 0;
  for (const entry of entries) {
    for (const image of entry.kind === 'found' ? entry.images : []) {
      images++;
      for (const [key, value] of Object.entries(image)) {
        if (value !== undefined) {
          bytes.set(key, (bytes.get(key) ?? 0) + JSON.stringify(key).length + JSON.stringify(value).length + 2);
        }
      }
    }
  }
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  const top = [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([key, b]) => `${key} ${count(b / images)}`);
  return `${count(total / Math.max(1, images))} B in ${bytes.size} fields (${top.join(', ')}, …)`;
}

function missingIds(n: number): string[] {
  const random = seededRandom(99);
  return Array.from({ length: n }, () => `ami-0${Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join('')}`);
}

function check(results: readonly Resolution[], regionOf: ReadonlyMap<string, string>): void {
  for (const r of results) {
    const expected = regionOf.get(r.id);
    const ok = expected ? r.kind === 'found' && r.images.length === 1 && r.images[0]!.region === expected : r.kind === 'notFound' && r.searched.length === benchRegions.length;
    if (!ok) {
      throw new Error(`wrong answer for ${r.id}: ${JSON.stringify(r).slice(0, 300)}, expected ${expected ?? 'not found anywhere'}`);
    }
  }
}

export async function run(context: BenchContext): Promise<void> {
  const started = performance.now();
  const gcNote = (globalThis as { gc?: unknown }).gc ? 'after a full GC' : 'without --expose-gc: no GC forced, figures are rough';
  log(`Load: a ${count(bigCount)}-image region and a ${count(fileIds)}-id file, through the extension's AwsService and AmiLookup`);
  const estate: Estate = await sharedEstate(context, 1000);
  const big = await createBigRegion(context.motoEndpoint, bigCount);
  log(`estate: ${count(bigCount)} images registered in ${bigRegion} through the EC2 API (RegisterImage, ${createConcurrency} in flight) in ${ms(big.ms)} (${ms(big.ms / bigCount)} each; moto answers one at a time), plus the ${count(estate.ids.length)}-image estate over ${benchRegions.length} regions`);

  const regionOf = new Map<string, string>(estate.regionOf);
  big.ids.forEach((id) => regionOf.set(id, bigRegion));
  const random = seededRandom(5);
  const pickBig = big.ids.filter(() => random() < fromBig / bigCount * 1.2).slice(0, fromBig);
  const fromEstate = estate.ids.slice(0, fileIds - fromBig - missingCount);
  const missing = missingIds(missingCount);
  // Shuffled, as a real fleet file mixes regions (the first 2,000 are not all in one region).
  const all = [...pickBig, ...fromEstate, ...missing];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  const mentions = all.map((id) => ({ id, region: regionOf.get(id) ?? bigRegion }));
  const text = bigFile(mentions);
  const ids = [...new Set(findAmiIds(text).map((m) => m.id))];
  if (ids.length !== fileIds) {
    throw new Error(`the file holds ${ids.length} distinct ids, expected ${fileIds}`);
  }
  log(`file: ${kib(text.length)} of Terraform, ${count(ids.length)} distinct ids (${count(pickBig.length)} in ${bigRegion}, ${count(fromEstate.length)} across the ${benchRegions.length} regions, ${missingCount} nowhere)`);

  useSettings(context.endpoint, benchRegions);
  await clearFaults(context.endpoint);
  const aws = newAwsService();
  try {
    // As after activation: the region list and the account are known.
    await aws.regions();
    await aws.accountId();
    const heapStart = settledHeapMb();

    // The tree: "Owned by me" in the big region.
    await quiet(context.endpoint);
    await resetFaultStats(context.endpoint);
    let t = performance.now();
    const page = await treePage(aws, bigRegion);
    const pageMs = performance.now() - t;
    const pageCalls = perRegion(await faultStats(context.endpoint), 'DescribeImages').get(bigRegion)?.seen ?? 0;
    // "Load more…": the next page, from the token.
    await resetFaultStats(context.endpoint);
    t = performance.now();
    const more = await treePage(aws, bigRegion, undefined, page.nextToken);
    const moreMs = performance.now() - t;
    const moreCalls = perRegion(await faultStats(context.endpoint), 'DescribeImages').get(bigRegion)?.seen ?? 0;
    const heapPage = settledHeapMb();

    // The code features: the Problems panel checks the first 2,000 ids, hovers and CodeLenses ask for the rest.
    const { lookup, state } = newLookup(aws);
    const steps: Step[] = [];
    const resolveStep = async (label: string, batch: readonly string[]): Promise<void> => {
      await quiet(context.endpoint);
      await resetFaultStats(context.endpoint);
      const peaksBefore = budgetPeaksByRegion(aws.budgetPeaks());
      let first: number | undefined;
      const start = performance.now();
      const listener = lookup.onDidResolve(() => {
        first ??= performance.now() - start;
      });
      const done = settled(lookup, batch);
      const results = await lookup.resolveAll(batch);
      const wallMs = performance.now() - start;
      await done.done;
      done.dispose();
      listener.dispose();
      check(results, regionOf);
      const regions = perRegion(await faultStats(context.endpoint), 'DescribeImages');
      const peaks = budgetPeaksByRegion(aws.budgetPeaks());
      steps.push({
        label,
        ids: batch.length,
        calls: [...regions.values()].reduce((sum, r) => sum + r.seen, 0),
        perRegion: span(benchRegions.map((r) => regions.get(r)?.seen ?? 0)),
        bigRegionCalls: regions.get(bigRegion)?.seen ?? 0,
        proxyPeak: span(benchRegions.map((r) => regions.get(r)?.peakInFlight ?? 0)),
        // The budget keeps its peak since the service started; earlier steps never went above 4 either.
        budgetPeak: span(benchRegions.map((r) => peaks.get(r) ?? peaksBefore.get(r) ?? 0)),
        firstMs: first ?? NaN,
        wallMs,
      });
    };
    await resolveStep(`Problems: the first ${count(maxIdsPerDocument)} (the per-file cap)`, ids.slice(0, maxIdsPerDocument));
    await resolveStep('hovers / CodeLenses: the other ids', ids.slice(maxIdsPerDocument));
    const heapResolved = settledHeapMb();

    // What globalState keeps (written on dispose, as when the window closes), and reopening from it.
    lookup.dispose();
    const heapDisposed = settledHeapMb();
    const persisted = state.get<{ entries: Resolution[] }>(storageKey);
    const persistedBytes = Buffer.byteLength(JSON.stringify(persisted) ?? '');
    const entries = persisted?.entries.length ?? 0;
    await quiet(context.endpoint);
    await resetFaultStats(context.endpoint);
    const reopened = newLookup(aws);
    for (const [key, value] of state.values) {
      await reopened.state.update(key, value);
    }
    t = performance.now();
    const warm = ids.map((id) => reopened.lookup.peek(id));
    const warmMs = performance.now() - t;
    const warmMissing = warm.filter((r) => !r).length;
    check(warm.filter((r): r is Resolution => r !== undefined), regionOf);
    const reopenCalls = (await faultStats(context.endpoint)).total.seen;
    reopened.lookup.dispose();

    log();
    log(table([
      ['step', 'ids', 'calls', 'per region', `in ${bigRegion}`, 'peak in flight per region (proxy / budget)', 'first answer', 'all answered'],
      ['tree: first page of "Owned by me"', '', count(pageCalls), '', count(pageCalls), '', ms(pageMs), `${count(page.items.length)} images${page.nextToken ? ', more to load' : ''}`],
      ['tree: "Load more…"', '', count(moreCalls), '', count(moreCalls), '', ms(moreMs), `${count(more.items.length)} more`],
      ...steps.map((s) => [s.label, count(s.ids), count(s.calls), s.perRegion, count(s.bigRegionCalls), `${s.proxyPeak} / ${s.budgetPeak}`, ms(s.firstMs), ms(s.wallMs)]),
      ['reopened: answers from globalState', count(ids.length), count(reopenCalls), '', '', '', '', `${ms(warmMs)} (${count(ids.length - warmMissing)} answered)`],
    ]));
    log(`tree: DescribeImages with MaxResults ${treePageSize}, one call whatever the region holds (${count(bigCount)} images here; moto reads them all for every page, EC2 does not)`);
    log(`calls: DescribeImages on the wire (the proxy's count); ${count(maxIdsPerDocument)} ids = 10 batches of 200 per region, 5,000 = 25; the budget lets 4 run at once per region`);
    const signedMb = (mb: number) => `${mb < 0 ? '−' : '+'}${Math.abs(mb).toFixed(1)} MB`;
    log(`heap (${gcNote}): ${heapStart.toFixed(1)} MB at start; ${signedMb(heapPage - heapStart)} with two tree pages loaded (${count(page.items.length + more.items.length)} images);`);
    log(`  ${signedMb(heapResolved - heapDisposed)} for the ${count(ids.length)} answers in the resolver's cache (${kib((heapResolved - heapDisposed) * 1024 * 1024 / ids.length)} each: the images as looked up, with the SDK's response);`);
    log(`  ${signedMb(heapDisposed - heapStart)} for the same answers as persisted (compact: no SDK response, no block devices), which globalState keeps in memory too`);
    log(`persisted cache: ${count(entries)} answers, ${kib(persistedBytes)} as JSON (limit 1 MB: ${persistedBytes < 1024 * 1024 ? 'under' : 'OVER'}), ${count(persistedBytes / Math.max(1, entries))} B an answer; per found image: ${heaviestFields(persisted?.entries ?? [])}`);
    log(`reopening the file answers every id from the persisted cache with ${count(reopenCalls)} calls`);
    if (persistedBytes >= 1024 * 1024 || pageCalls !== 1 || warmMissing) {
      process.exitCode = 1;
    }
    log(`total ${ms(performance.now() - started)}`);
  } finally {
    await aws.reset();
  }
}
