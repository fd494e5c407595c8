// `npm run test:fresh`: `npm test` as on a machine that never ran it — the toolchain cache (both code-servers of
// the test matrix and their Nodes, 24 and 20) starts empty, so the first-run install path is exercised end to end.
// The folder is removed afterwards.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const cache = mkdtempSync(join(tmpdir(), 'ami-explorer-fresh-cache-'));
console.log(`[test:fresh] empty toolchain cache: ${cache}`);
const run = spawnSync(process.execPath, ['scripts/test.mjs', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, AMI_EXPLORER_CACHE: cache },
});
if (!process.env.AMI_EXPLORER_KEEP_CACHE) rmSync(cache, { recursive: true, force: true });
process.exit(run.status ?? 1);
