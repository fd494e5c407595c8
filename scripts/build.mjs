// One build for everything: the extension (two bundles, so the AWS SDK loads only on first use), the tests and the benchmark.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const withTests = process.argv.includes('--tests');
const withBench = process.argv.includes('--bench');
/** Where the two extension bundles go (the benchmark builds them elsewhere to weigh them). */
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) || 'dist';

/** The extension reaches the SDK bundle only through this specifier; keep it out of extension.js. */
const sdkBundleExternal = {
  name: 'sdk-bundle-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/sdk\/bundle$/ }, () => ({ path: './aws.js', external: true }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

function filesUnder(dir, suffix) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      out.push(...filesUnder(path, suffix));
    } else if (name.endsWith(suffix)) {
      out.push(path);
    }
  }
  return out;
}

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: join(outdir, 'extension.js'), plugins: [sdkBundleExternal] },
  // The SDK's ES module builds (its "module" entry) bundle and load in about half of what its CommonJS ones do.
  { ...common, entryPoints: ['src/aws/sdk/bundle.ts'], outfile: join(outdir, 'aws.js'), mainFields: ['module', 'main'] },
];
/** One unminified bundle per entry file, mirrored from `from` into `to`. */
function perFile(from, to, entryPoints, external) {
  return { ...common, minify: false, entryPoints, outdir: to, outbase: from, external };
}

if (withTests) {
  rmSync('out/test', { recursive: true, force: true });
  // Unit tests: pure logic, bundled per file so they run in plain Node.
  builds.push(perFile('test/unit', 'out/test/unit', filesUnder('test/unit', '.test.ts'), ['vscode', 'mocha']));
  // Integration suites run inside the extension host: `vscode` and mocha come from there and node_modules.
  builds.push(perFile('test/integration', 'out/test/integration',
    ['test/integration/index.ts', ...filesUnder('test/integration', '.test.ts')], ['vscode', 'mocha', '@aws-sdk/*']));
}
if (withBench) {
  rmSync('out/bench', { recursive: true, force: true });
  // The benchmark runs in plain Node against the EC2 sandbox, with the SDK from node_modules.
  builds.push(perFile('bench', 'out/bench', filesUnder('bench', '.bench.ts'), ['vscode', '@aws-sdk/*']));
}

/**
 * Watch mode reports each round of rebuilds, across all bundles, in lines a problem matcher reads (.vscode/tasks.json):
 * `[watch] build started`, each error and warning once as `file:line:col: error: text`, then
 * `[watch] build finished, N errors, N warnings`.
 * @param {number} bundles how many contexts will run their first build
 */
function watchReporter(bundles) {
  let running = bundles;
  let roundOpen = true;
  let settle;
  /** @type {Map<string, 'error' | 'warning'>} problem line → kind */
  const problems = new Map();
  const record = (kind, messages) => {
    for (const { text, location } of messages) {
      const where = location ? `${location.file}:${location.line}:${location.column + 1}: ` : '';
      problems.set(`${where}${kind}: ${text.replace(/\s*\n\s*/g, ' ')}`, kind);
    }
  };
  const finishRound = () => {
    for (const line of problems.keys()) console.log(line);
    const count = (kind) => [...problems.values()].filter((k) => k === kind).length;
    console.log(`[watch] build finished, ${count('error')} errors, ${count('warning')} warnings`);
    problems.clear();
    roundOpen = false;
  };
  console.log('[watch] build started');
  return {
    name: 'watch-reporter',
    setup(build) {
      let first = true; // already counted in `bundles`
      build.onStart(() => {
        if (first) {
          first = false;
          return;
        }
        clearTimeout(settle);
        running++;
        if (!roundOpen) {
          roundOpen = true;
          console.log('[watch] build started');
        }
      });
      build.onEnd((result) => {
        record('error', result.errors);
        record('warning', result.warnings);
        // Bundles that share a changed file rebuild one after another: the round ends when none has started for a moment.
        if (--running === 0) settle = setTimeout(finishRound, 100);
      });
    },
  };
}

if (watch) {
  console.log(`[watch] watching ${builds.map((b) => relative('.', b.outfile ?? b.outdir)).join(', ')}`);
  const reporter = watchReporter(builds.length);
  const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...b, logLevel: 'silent', plugins: [...(b.plugins ?? []), reporter] })));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
