// `npm start`: builds the extension, starts the local EC2 sandbox with sample AMIs, and opens a browser-based
// VS Code with the extension installed. Prints the URL; Ctrl-C stops everything.
// AMI_EXPLORER_FAULTS='[{ "fault": "AccessDenied", "region": "eu-west-1" }]' starts with those fault rules in force
// (after seeding); `node sandbox/faults.mjs` switches them while it runs (see sandbox/README.md).
import { spawnSync } from 'node:child_process';
import { resolve, join } from 'node:path';
import { setFaults } from '../sandbox/faults/client.mjs';
import { startMoto, sandboxEnv } from '../sandbox/moto.mjs';
import { seed } from '../sandbox/seed.mjs';
import { writeFixtures } from '../sandbox/fixtures.mjs';
import { openWorkbench } from './vscode-web/openWorkbench.mjs';

// The sandbox's keys must win: the SDK prefers a profile over keys in the environment.
delete process.env.AWS_PROFILE;
const root = resolve(import.meta.dirname, '..');
const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const log = (m) => console.log(`[start] ${m}`);

log('building the extension');
if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);

log('starting the local EC2 API (moto) and seeding sample AMIs');
const moto = await startMoto();
const manifest = await seed(moto.endpoint);
log(`EC2 sandbox at ${moto.endpoint}`);
if (process.env.AMI_EXPLORER_FAULTS) {
  try {
    const { rules } = await setFaults(moto.endpoint, JSON.parse(process.env.AMI_EXPLORER_FAULTS));
    log(`fault rules from AMI_EXPLORER_FAULTS: ${rules.map((r) => `${r.fault} in ${[r.region].flat().join(', ')}`).join('; ')}`);
  } catch (error) {
    console.error(`[start] AMI_EXPLORER_FAULTS: ${error.message}`);
    await moto.stop();
    process.exit(1);
  }
}
const samples = writeFixtures(manifest, join(root, 'sample-workspace', 'infra'));
log(`wrote ${samples.length} files that pin the sandbox's AMI ids to sample-workspace/infra`);

let workbench;
const stop = async () => {
  await workbench?.stop().catch(() => {});
  await moto.stop().catch(() => {});
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

workbench = await openWorkbench({
  folder: join(root, 'sample-workspace'),
  extensionPath: root,
  env: sandboxEnv(moto.endpoint),
  settings: { 'amiExplorer.regions': regions, 'amiExplorer.groupByTag': 'Project', 'workbench.startupEditor': 'none' },
  port: Number(process.env.PORT) || 0,
  log,
});
const count = Object.values(manifest?.regions ?? {}).reduce((n, r) => n + (r.images?.length ?? 0), 0);
console.log(`\nAMI Explorer is running in VS Code at:\n\n  ${workbench.url}\n\n`
  + `Sample estate: ${count || 'several'} AMIs in ${regions.join(', ')} (local EC2 at ${moto.endpoint}).\n`
  + `Faults: node sandbox/faults.mjs set --endpoint ${moto.endpoint} --fault AccessDenied --region eu-west-1 `
  + '(then stats, clear; see sandbox/README.md)\n'
  + 'Open the AMI Explorer view in the activity bar. Press Ctrl-C to stop.');
