// Resolving AMI ids found in code, against a local EC2 API: EC2 calls and wall time of a cold resolve (the resolver
// over the extension's AwsService, with its budget and deadline), a warm (cached) one and the naive way (one DescribeImages per id per region, in sequence), then the cost of a warm
// hover, of scanning files, and what activation loads. Run by `npm run bench` (scripts/bench.mjs).
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Connection, ImageInfo } from '../src/aws/model';
import { AwsService } from '../src/aws/awsService';
import { ec2Client, resetClients } from '../src/aws/sdk/clients';
import { findImagesById } from '../src/aws/sdk/images';
import { findAmiIds, matchAt, type AmiIdMatch } from '../src/code/amiIdScanner';
import { hoverMarkdown } from '../src/code/amiIdText';
import { ImageResolver, type Resolution } from '../src/code/imageResolver';
import { linesOf, regionContextAt, type LineSource } from '../src/code/regionContext';
import type { BenchContext } from './context';
import { benchRegions, sharedEstate, type Estate } from './estate';
import { settingsHub, useSettings } from './extensionLayer';
import { budgetPeaksByRegion } from './proxyCounts';
import { largeTerraform, writeWorkspace, type Mention } from './workspace';
import { RequestCounter } from './requestCounter';
import { count, kib, mean, median, ms, percentile, ratio, seededRandom, table, timed } from './stats';
import { at, must } from '../test/must';

const imageCount = 1000;
const fileCount = 100;
const sizes = [1, 50, 1000] as const;
/** Share of the ids in code that exist nowhere (deleted images, typos): 1 in 50. */
const missingShare = 0.02;
const coldRuns: Record<number, number> = { 1: 5, 50: 5, 1000: 3 };
const roundTrips = 20;
const hoverCount = 10_000;
/** Above this the naive way for the largest set runs on a sample and is extrapolated. */
const naiveBudgetMs = 90_000;
const naiveSampleIds = 100;
const selfAccount = '123456789012';
const scope = `the ${benchRegions.length} benchmark regions`;
const sdkMarkers = ['@aws-sdk', 'DescribeImagesCommand'];

const log = (line = ''): void => console.log(line);

interface ScannedFile {
  readonly matches: readonly AmiIdMatch[];
  readonly lines: LineSource;
  /** Offset of the first character of each line, as an editor keeps it. */
  readonly lineStarts: readonly number[];
}

interface Row {
  readonly n: number;
  readonly cold: { calls: number; lookups: number; maxInFlight: number; budgetPeak: number; ms: number };
  readonly warm: { calls: number; ms: number };
  readonly naive: { calls: number; ms: number; sampledIds?: number; sampleMs?: number };
}

function scanFile(text: string): ScannedFile {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    lineStarts.push(i + 1);
  }
  return { matches: findAmiIds(text), lines: linesOf(text), lineStarts };
}

function positionAt(lineStarts: readonly number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return { line: lo, character: offset - lineStarts[lo]! };
}

/** Well-formed ids that exist in no region. */
function missingIds(n: number): string[] {
  const random = seededRandom(7);
  return Array.from({ length: n }, () => `ami-0${Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join('')}`);
}

/** `n` distinct ids: found ones in creation order (so spread over every region), and 1 in 50 that exist nowhere. */
function pick(n: number, found: readonly string[], missing: readonly string[]): string[] {
  const nMissing = Math.floor(n * missingShare);
  return [...found.slice(0, n - nMissing), ...missing.slice(0, nMissing)];
}

/** Fails the run when an answer is wrong: a fast wrong answer is no result. */
function check(what: string, ids: readonly string[], regionsOf: (id: string) => readonly string[], estate: Estate): void {
  for (const id of ids) {
    const expected = estate.regionOf.get(id);
    const got = regionsOf(id);
    if (expected ? got.length !== 1 || got[0] !== expected : got.length !== 0) {
      throw new Error(`${what}: ${id} found in [${got.join(', ')}], expected [${expected ?? ''}]`);
    }
  }
}

function regionsOfResolution(r: Resolution | undefined): string[] {
  if (r?.kind === 'failed') {
    throw new Error(`lookup of ${r.id} failed: ${r.errors.map((e) => `${e.region}: ${e.message}`).join('; ')}`);
  }
  return r?.kind === 'found' ? r.images.map((i) => i.region) : [];
}

interface LookupStats {
  n: number;
  inFlight: number;
  /** The most lookups waiting on EC2 at the same moment. */
  maxInFlight: number;
}

/** The resolver as the extension wires it: its lookups go through AwsService (budget per region, deadline). */
function newResolver(aws: AwsService, lookups: LookupStats): ImageResolver {
  return new ImageResolver({
    lookup: async (region, ids, signal): Promise<readonly ImageInfo[]> => {
      lookups.n++;
      lookups.maxInFlight = Math.max(lookups.maxInFlight, ++lookups.inFlight);
      try {
        return await aws.findImagesById(region, ids, signal);
      } finally {
        lookups.inFlight--;
      }
    },
    regions: () => Promise.resolve(benchRegions),
    ttlMs: () => 3_600_000,
  });
}

/** The naive way: every id in every region, one call at a time, an unknown id being an error. */
async function naiveResolve(connection: Connection, ids: readonly string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const id of ids) {
    for (const region of benchRegions) {
      try {
        const out = await ec2Client(connection, region).send(new DescribeImagesCommand({ ImageIds: [id], IncludeDeprecated: true, IncludeDisabled: true }));
        if (out.Images?.length) {
          found.set(id, [...(found.get(id) ?? []), region]);
        }
      } catch (error) {
        const code = (error as { name?: string }).name;
        if (code !== 'InvalidAMIID.NotFound' && code !== 'InvalidAMIID.Malformed') {
          throw error;
        }
      }
    }
  }
  return found;
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} CPU${cpu.length === 1 ? '' : 's'} (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, ${process.platform} ${process.arch}`;
}

/** How long a fresh Node process takes to load the SDK bundle, which the extension loads on its first AWS call. */
function sdkBundleLoadMs(path: string): number {
  const script = "const { performance } = require('node:perf_hooks'); const t = performance.now(); require(process.argv[1]); console.log(performance.now() - t);";
  const times = Array.from({ length: 3 }, () => {
    const r = spawnSync(process.execPath, ['-e', script, path], { encoding: 'utf8' });
    if (r.status !== 0) {
      throw new Error(`loading ${path} failed: ${r.stderr}`);
    }
    return Number(r.stdout.trim());
  });
  return median(times);
}

export async function run(context: BenchContext): Promise<void> {
  const { endpoint, root, server } = context;
  const started = performance.now();
  const tmp = mkdtempSync(join(tmpdir(), 'ami-explorer-bench-'));
  try {
    log('AMI ids in code: resolving against a local EC2 API');
    log(`machine:  ${machine()}`);
    log(`EC2 API:  ${server} on ${endpoint} (loopback)`);

    // The estate, and the code that mentions it.
    const estate = await sharedEstate(context, imageCount);
    const missing = missingIds(Math.floor(imageCount * missingShare));
    const mentions: Mention[] = [
      ...estate.ids.map((id) => ({ id, region: estate.regionOf.get(id)! })),
      ...missing.map((id, i) => ({ id, region: benchRegions[i % benchRegions.length]! })),
    ];
    const paths = writeWorkspace(tmp, mentions, fileCount);
    const texts = paths.map((p) => readFileSync(p, 'utf8'));
    const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
    const scanMs = median(Array.from({ length: 5 }, () => {
      const t = performance.now();
      for (const text of texts) {
        findAmiIds(text);
      }
      return performance.now() - t;
    }));
    const files = texts.map(scanFile);
    const occurrences = files.reduce((sum, f) => sum + f.matches.length, 0);
    const distinct = new Set(files.flatMap((f) => f.matches.map((m) => m.id)));
    if (distinct.size !== mentions.length) {
      throw new Error(`the scan found ${distinct.size} distinct ids, the files hold ${mentions.length}`);
    }
    const found = estate.ids.filter((id) => distinct.has(id));
    log(`estate:   ${count(imageCount)} images in ${benchRegions.length} regions, created through the EC2 API in ${ms(estate.createMs)}`);
    log(`code:     ${fileCount} files (Terraform, CloudFormation, boto3, shell; ${kib(bytes)}), ${count(occurrences)} ids, ${count(distinct.size)} distinct (${missing.length} exist nowhere); scanned in ${ms(scanMs)}`);

    // SDK clients as the extension keeps them: one per region, requests counted on the wire.
    const connection: Connection = { profile: '', endpoint };
    useSettings(endpoint, benchRegions);
    const requests = new RequestCounter();
    for (const region of benchRegions) {
      requests.attach(ec2Client(connection, region));
    }
    // Open one connection per region and load credentials once, so "cold" means an empty cache, not a cold socket.
    await Promise.all(benchRegions.map((region) => findImagesById(connection, region, [must(found[0], 'an estate id in the files')])));
    const rtt: number[] = [];
    for (let i = 0; i < roundTrips; i++) {
      rtt.push((await timed(() => findImagesById(connection, benchRegions[0], [must(found[0], 'an estate id in the files')]))).ms);
    }
    const roundTrip = median(rtt);
    log(`round trip: one DescribeImages (1 id, 1 region), median of ${roundTrips}: ${ms(roundTrip)}`);
    log();

    const rows: Row[] = [];
    let warmResolver: ImageResolver | undefined;
    for (const n of sizes) {
      const ids = pick(n, found, missing);

      const cold: Row['cold'][] = [];
      let resolver: ImageResolver | undefined;
      for (let i = 0; i < must(coldRuns[n], `the cold runs of ${n} ids`); i++) {
        const lookups: LookupStats = { n: 0, inFlight: 0, maxInFlight: 0 };
        const aws = new AwsService(settingsHub());
        resolver = newResolver(aws, lookups);
        requests.reset();
        const { ms: wall, value } = await timed(() => resolver!.resolveAll(ids));
        const budgetPeak = Math.max(...benchRegions.map((r) => budgetPeaksByRegion(aws.budgetPeaks()).get(r) ?? 0));
        cold.push({ calls: requests.get('DescribeImagesCommand'), lookups: lookups.n, maxInFlight: lookups.maxInFlight, budgetPeak, ms: wall });
        const byId = new Map(value.map((r) => [r.id, r]));
        check(`cold resolve of ${n}`, ids, (id) => regionsOfResolution(byId.get(id)), estate);
      }
      const coldMs = median(cold.map((c) => c.ms));

      const warmTimes: number[] = [];
      requests.reset();
      for (let i = 0; i < 5; i++) {
        warmTimes.push((await timed(() => resolver!.resolveAll(ids))).ms);
      }
      const warmCalls = requests.total() / 5;
      warmResolver = resolver;

      // The naive way, in full when it fits the budget (judged from the previous size), else on a sample.
      const perCall = rows.length ? rows[rows.length - 1]!.naive.ms / rows[rows.length - 1]!.naive.calls : 0;
      const naiveCalls = n * benchRegions.length;
      const sampled = perCall * naiveCalls > naiveBudgetMs ? ids.filter((id) => estate.regionOf.has(id)).slice(0, naiveSampleIds - 2).concat(missing.slice(0, 2)) : ids;
      requests.reset();
      const { ms: naiveMs, value: naiveFound } = await timed(() => naiveResolve(connection, sampled));
      if (requests.get('DescribeImagesCommand') !== sampled.length * benchRegions.length) {
        throw new Error(`the naive way sent ${requests.get('DescribeImagesCommand')} requests, expected ${sampled.length * benchRegions.length}`);
      }
      check(`naive resolve of ${n}`, sampled, (id) => naiveFound.get(id) ?? [], estate);
      const naive = sampled === ids
        ? { calls: naiveCalls, ms: naiveMs }
        : { calls: naiveCalls, ms: (naiveMs * ids.length) / sampled.length, sampledIds: sampled.length, sampleMs: naiveMs };

      rows.push({ n, cold: { ...at(cold, 0, `a cold resolve of ${n} ids`), ms: coldMs }, warm: { calls: warmCalls, ms: median(warmTimes) }, naive });
    }

    const extrapolated = rows.find((r) => r.naive.sampledIds);
    log(table([
      ['ids', 'cold calls', 'warm calls', 'naive calls', 'naive÷cold', 'cold wall', 'warm wall', 'naive wall', 'naive÷cold', 'cold÷round trip'],
      ...rows.map((r) => [
        count(r.n),
        count(r.cold.calls),
        count(r.warm.calls),
        `${count(r.naive.calls)}${r.naive.sampledIds ? '*' : ''}`,
        ratio(r.naive.calls / r.cold.calls),
        ms(r.cold.ms),
        ms(r.warm.ms),
        `${ms(r.naive.ms)}${r.naive.sampledIds ? '*' : ''}`,
        ratio(r.naive.ms / r.cold.ms),
        ratio(r.cold.ms / roundTrip),
      ]),
    ]));
    log(`cold: a fresh resolver, median of ${rows.map((r) => coldRuns[r.n]).join(' / ')} runs; warm: the same resolver again, median of 5; naive: one DescribeImages per id per region, in sequence`);
    log(`calls are HTTP requests counted on the wire; every cold lookup was one page (lookups ${rows.map((r) => r.cold.lookups).join(' / ')} = requests ${rows.map((r) => r.cold.calls).join(' / ')})`);
    if (rows.some((r) => r.cold.lookups !== r.cold.calls)) {
      throw new Error('a lookup took more than one DescribeImages page');
    }
    log(`a cold resolve starts all its lookups at once (${rows.map((r) => r.cold.maxInFlight).join(' / ')}), after gathering requests for 5 ms (the resolver's default); AwsService's budget lets`);
    log(`at most ${rows.map((r) => r.cold.budgetPeak).join(' / ')} per region reach EC2 at a time (the fifth of 5 lookups in a region waits for a slot);`);
    log(`the sandbox (one Python process) handles one request at a time in effect, so here its wall time is about calls × time per request (${rows.map((r) => ms(r.cold.ms / r.cold.calls)).join(' / ')})`);
    if (extrapolated?.naive.sampledIds) {
      log(`* naive (extrapolated from ${extrapolated.naive.sampledIds} ids): ${count(extrapolated.naive.sampledIds * benchRegions.length)} calls took ${ms(extrapolated.naive.sampleMs!)}, scaled linearly to ${count(extrapolated.n)} ids`);
    }
    log();

    // A warm hover: the id under the pointer, the region its code names, the cached answer, the markdown.
    const random = seededRandom(42);
    const points: { file: ScannedFile; offset: number }[] = [];
    while (points.length < hoverCount) {
      const file = at(files, Math.floor(random() * files.length), 'a scanned file');
      const match = file.matches[Math.floor(random() * file.matches.length)];
      if (match && warmResolver!.peek(match.id)) {
        points.push({ file, offset: match.offset + Math.floor(random() * match.id.length) });
      }
    }
    let sink = 0;
    const hover = (p: { file: ScannedFile; offset: number }): void => {
      const match = matchAt(p.file.matches, p.offset)!;
      const { line, character } = positionAt(p.file.lineStarts, match.offset);
      const region = regionContextAt(p.file.lines, line, character);
      const resolution = warmResolver!.peek(match.id)!;
      sink += hoverMarkdown(resolution, { region }, { selfAccount, now: Date.now(), scope }).length;
    };
    points.slice(0, 1000).forEach(hover);
    const hoverUs = points.map((p) => {
      const t = process.hrtime.bigint();
      hover(p);
      return Number(process.hrtime.bigint() - t) / 1000;
    });
    log(`warm hover (matchAt + region context + peek + hoverMarkdown), ${count(hoverCount)} hovers: mean ${mean(hoverUs).toFixed(1)} µs, p99 ${percentile(hoverUs, 99).toFixed(1)} µs (${count(sink / hoverCount)} characters of markdown each on average)`);

    // One large generated file.
    const large = largeTerraform(5 * 1024 * 1024, found);
    findAmiIds(large.text);
    const largeRuns = Array.from({ length: 7 }, () => {
      const t = performance.now();
      findAmiIds(large.text);
      return performance.now() - t;
    });
    const largeMs = median(largeRuns);
    log(`5 MB file: ${kib(large.text.length)} of Terraform with ${count(large.ids)} ids, findAmiIds median of ${largeRuns.length}: ${ms(largeMs)} (${count(large.text.length / 1024 / 1024 / (largeMs / 1000))} MB/s)`);

    // Activation: the extension bundle holds no SDK code; the SDK bundle loads on the first AWS call.
    const extension = join(root, 'dist/extension.js');
    const extensionText = readFileSync(extension, 'utf8');
    const leaks = sdkMarkers.filter((m) => extensionText.includes(m));
    const sdk = join(root, 'dist/aws.js');
    log(`activation: dist/extension.js (development build) ${kib(statSync(extension).size)}, ${leaks.length ? `CONTAINS SDK code (${leaks.join(', ')})` : `no SDK code (no ${sdkMarkers.map((m) => `"${m}"`).join(' / ')})`}; dist/aws.js ${kib(statSync(sdk).size)}, loaded on the first AWS call in ${ms(sdkBundleLoadMs(sdk))}`);
    if (leaks.length) {
      process.exitCode = 1;
    }
    log();
    log(`total ${ms(performance.now() - started)}`);
  } finally {
    resetClients();
    rmSync(tmp, { recursive: true, force: true });
  }
}
