// `npm run bench [-- part…]`: builds the extension and the benchmark, starts the EC2 sandbox (moto behind the fault
// proxy), runs the parts asked for (all by default) against it and prints the figures. Everything it creates
// (server, estate, temporary files) ends with it.
//
//   npm run bench                  every part, in the order below
//   npm run bench -- faults load   only those parts (still in the order below)
//
// Parts: resolve (bench/resolve.bench.ts: ids in code, cold / warm / naive), limit (the physical limit: cold
// resolves through a proxy that delays every answer), faults (fault class × feature), load (a 20,000-image
// region and a 5,000-id file), usage (who uses 100 images: calls and wall time, 10 images a call). Parts share
// what they can, e.g. the 1,000-image estate.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MOTO_VERSION, sandboxCredentials, startMoto } from '../sandbox/moto.mjs';

const parts = ['bundle', 'resolve', 'limit', 'faults', 'load', 'usage'];
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !parts.includes(a));
if (unknown.length) {
  console.error(`Unknown benchmark part${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: choose from ${parts.join(', ')} (none = all).`);
  process.exit(2);
}
const selected = parts.filter((p) => !asked.length || asked.includes(p));

// Node prints every process warning in full; here each distinct one is printed once (its first line) and counted,
// and the summary says how often it came.
const warnings = new Map();
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  const key = `${warning.name}: ${String(warning.message).split('\n')[0]}`;
  warnings.set(key, (warnings.get(key) ?? 0) + 1);
  if (warnings.get(key) === 1) {
    console.error(`(warning) ${key}`);
  }
});

const root = resolve(import.meta.dirname, '..');
// The sandbox's keys must win: the SDK prefers a profile over keys in the environment.
delete process.env.AWS_PROFILE;
Object.assign(process.env, sandboxCredentials);

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--bench'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  process.exit(build.status ?? 1);
}

const require = createRequire(import.meta.url);
const moto = await startMoto();
const started = performance.now();
try {
  /** What parts share within one run (estates already created). */
  const shared = new Map();
  for (const part of selected) {
    const file = join(root, 'out/bench', `${part}.bench.js`);
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: the build did not produce it`);
    }
    const partStarted = performance.now();
    await require(file).run({ endpoint: moto.endpoint, motoEndpoint: moto.motoEndpoint, root, server: `moto ${MOTO_VERSION} (patched, sandbox/)`, shared });
    console.log(`[${part}: ${Math.round((performance.now() - partStarted) / 1000)} s]`);
    console.log();
  }
} finally {
  await moto.stop();
}
console.log(`benchmark: ${selected.join(', ')} in ${Math.round((performance.now() - started) / 1000)} s`);
for (const [warning, times] of warnings) {
  console.log(`warned ${times} time${times === 1 ? '' : 's'}: ${warning}`);
}
