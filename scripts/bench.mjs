// `npm run bench`: builds the extension and the benchmark, starts the EC2 sandbox, runs bench/*.bench.ts
// against it and prints the figures. Everything it creates (server, estate, temporary files) ends with it.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { MOTO_VERSION, sandboxCredentials, startMoto } from '../sandbox/moto.mjs';

const root = resolve(import.meta.dirname, '..');
// The sandbox's keys must win: the SDK prefers a profile over keys in the environment.
delete process.env.AWS_PROFILE;
Object.assign(process.env, sandboxCredentials);

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--bench'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  process.exit(build.status ?? 1);
}

const require = createRequire(import.meta.url);
const benches = readdirSync(join(root, 'out/bench')).filter((f) => f.endsWith('.bench.js')).sort();
const moto = await startMoto();
try {
  for (const file of benches) {
    await require(join(root, 'out/bench', file)).run({ endpoint: moto.endpoint, root, server: `moto ${MOTO_VERSION} (patched, sandbox/)` });
  }
} finally {
  await moto.stop();
}
