// What the packaged extension weighs and what loading its AWS SDK bundle costs: the production build's
// dist/extension.js and dist/aws.js, and the time a fresh Node process takes to require aws.js (the first AWS
// call pays it once). Run by `npm run bench` (scripts/bench.mjs); needs no EC2.
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kib, median, ms, table } from './stats';

const requireRuns = 9;

/** Milliseconds a fresh Node process spends in require(file), measured inside that process. */
function requireMs(file: string): number {
  const probe = `const t = process.hrtime.bigint(); require(${JSON.stringify(file)}); ` +
    'process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));';
  const out = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  if (out.status !== 0) {
    throw new Error(`require(${file}) failed: ${out.stderr}`);
  }
  return Number(out.stdout);
}

export function run({ root }: { root: string }): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'ami-explorer-bundle-'));
  try {
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--production', `--outdir=${out}`], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) {
      throw new Error(`the production build failed: ${build.stderr}`);
    }
    const sizes = ['extension.js', 'aws.js'].map((name) => {
      const file = join(out, name);
      return [`dist/${name}`, kib(statSync(file).size), kib(gzipSync(readFileSync(file)).length)];
    });
    // The first run warms the disk cache; it is not counted.
    requireMs(join(out, 'aws.js'));
    const times = Array.from({ length: requireRuns }, () => requireMs(join(out, 'aws.js')));
    console.log('\nThe package: production build (minified), as `npm run package` ships it');
    console.log(table([['bundle', 'size', 'gzip'], ...sizes]));
    console.log(`require('dist/aws.js') in a fresh Node ${process.version} process: median ${ms(median(times))} ` +
      `of ${requireRuns} (${ms(Math.min(...times))} – ${ms(Math.max(...times))})`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return Promise.resolve();
}
