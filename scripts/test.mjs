// `npm test`: lint, types, unit tests, then the integration suites inside a real VS Code against the local
// EC2 sandbox — in the oldest VS Code the extension supports and in the newest — then the end-to-end browser
// scenarios (newest only). Ends with one line counting test cases only (each mocha test, each end-to-end scenario):
// "N passed, N failed[, N skipped]", then the checks that failed, if any (lint, types, the build, a suite that
// ended without results).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Mocha from 'mocha';
import { writeFixtures } from '../sandbox/fixtures.mjs';
import { startMoto, sandboxEnv } from '../sandbox/moto.mjs';
import { seed } from '../sandbox/seed.mjs';
import { runExtensionTests } from './vscode-web/runExtensionTests.mjs';
import { codeServerRelease } from './vscode-web/toolchain.mjs';

const sandboxRegions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
// The sandbox's keys must win: the SDK prefers a profile over keys in the environment.
delete process.env.AWS_PROFILE;
const root = resolve(import.meta.dirname, '..');
const only = process.argv.slice(2).find((a) => !a.startsWith('-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
/** Failed checks that are not test cases: they fail the run and are named after the count. */
const broken = [];
const step = (title) => console.log(`\n== ${title}`);
/**
 * The VS Codes the integration suites run in (scripts/vscode-web/toolchain.mjs): the floor of engines.vscode
 * and the newest. AMI_EXPLORER_CODE_SERVER=oldest|current (or a code-server version) runs one of them.
 */
const codeServers = (process.env.AMI_EXPLORER_CODE_SERVER || 'current,oldest').split(',').map((name) => codeServerRelease(name.trim()));

function check(title, command, args) {
  step(title);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    broken.push(title);
    console.log(`${title} failed`);
  }
}

async function mochaSuite(title, files) {
  step(title);
  const mocha = new Mocha({ timeout: 60_000, reporter: 'spec' });
  for (const f of files) mocha.addFile(f);
  await mocha.loadFilesAsync();
  const stats = await new Promise((res) => {
    const runner = mocha.run(() => res(runner.stats));
  });
  totals.passed += stats.passes;
  totals.failed += stats.failures;
  totals.skipped += stats.pending;
  mocha.dispose();
}

function testFiles(dir, suffix) {
  const abs = join(root, dir);
  return existsSync(abs) ? readdirSync(abs, { recursive: true }).filter((f) => f.endsWith(suffix)).sort().map((f) => join(abs, f)) : [];
}

/** What an untrusted folder asks for: another profile, regions, lookup scope, catalog search and endpoint. */
const untrustedFolderSettings = {
  'amiExplorer.profile': 'workspace-profile',
  'amiExplorer.regions': ['eu-west-1', '[Verify](command:amiExplorer.launchInstance)'],
  'amiExplorer.code.regions': 'enabled',
  'amiExplorer.publicCatalog.searches': [{ label: 'Everything of 999988887777', owners: ['999988887777'], name: '*' }],
  'amiExplorer.endpointUrl': 'http://127.0.0.1:9',
  // Chooses no account: applies in Restricted Mode too, which shows the file was read.
  'amiExplorer.groupByTag': 'Version',
};

/** One run of integration suites in code-server; adds its counts to the totals. */
async function runSuites({ title, codeServer, folder, env, settings, workspaceTrust = false }) {
  const resultsDir = mkdtempSync(join(tmpdir(), 'ami-explorer-results-'));
  const resultsFile = join(resultsDir, 'results.json');
  const code = await runExtensionTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/test/integration/index.js'),
    folder,
    env: { ...env, AMI_EXPLORER_TEST_RESULTS: resultsFile },
    settings,
    workspaceTrust,
    timeoutSeconds: 1200,
    codeServer: codeServer.version,
  });
  if (existsSync(resultsFile)) {
    const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
    totals.passed += r.passed;
    totals.failed += r.failed;
    totals.skipped += r.skipped;
    if (code !== 0 && r.failed === 0) broken.push(`${title} (exit ${code})`);
  } else {
    console.log(`${title} ended without results (exit ${code})`);
    broken.push(`${title}: no results`);
  }
  rmSync(resultsDir, { recursive: true, force: true });
}

const sampleWorkspace = join(root, 'sample-workspace');

/** @param {import('./vscode-web/toolchain.mjs').CodeServerRelease} codeServer */
async function integration(codeServer) {
  const vscode = `VS Code ${codeServer.vscode} (code-server ${codeServer.version}, Node ${codeServer.node})`;
  step(`integration tests in ${vscode} against the local EC2 sandbox`);
  const moto = await startMoto();
  const tmp = mkdtempSync(join(tmpdir(), 'ami-explorer-it-'));
  try {
    const manifest = await seed(moto.endpoint);
    const manifestFile = join(tmp, 'manifest.json');
    writeFileSync(manifestFile, JSON.stringify(manifest));
    writeFixtures(manifest, join(sampleWorkspace, 'infra'));
    const grep = process.env.AMI_EXPLORER_TEST_GREP;
    // STS (the caller's account) and EC2 both go to the sandbox.
    const env = { ...sandboxEnv(moto.endpoint), AMI_EXPLORER_SANDBOX_MANIFEST: manifestFile, ...(grep ? { AMI_EXPLORER_TEST_GREP: grep } : {}) };
    const settings = { 'amiExplorer.regions': sandboxRegions };
    await runSuites({ title: `the integration run in ${vscode}`, codeServer, folder: sampleWorkspace, env, settings });
    if (!grep || /restricted/i.test(grep)) {
      step(`Restricted Mode in ${vscode}: an untrusted folder whose settings choose another account and regions`);
      const untrusted = join(tmp, 'untrusted-folder');
      mkdirSync(join(untrusted, '.vscode'), { recursive: true });
      writeFileSync(join(untrusted, '.vscode', 'settings.json'), JSON.stringify(untrustedFolderSettings, null, 2));
      await runSuites({
        title: `the Restricted Mode run in ${vscode}`, codeServer, folder: untrusted, workspaceTrust: true,
        env: { ...env, AMI_EXPLORER_TEST_GREP: '', AMI_EXPLORER_TEST_FOLDER: 'restricted' },
        settings: { ...settings, 'amiExplorer.code.regions': 'explorer' },
      });
    }
  } finally {
    await moto.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function endToEnd() {
  const files = testFiles('test/e2e', '.e2e.mjs');
  if (!files.length) return;
  step('end-to-end: the browser VS Code as a person uses it');
  for (const file of files) {
    const r = spawnSync(process.execPath, [file], { cwd: root, stdio: 'inherit' });
    if (r.status === 0) totals.passed++;
    else totals.failed++;
  }
}

try {
  if (!only || only === 'lint') {
    check('lint', 'npx', ['eslint', '.']);
    check('type-check', 'npm', ['run', '--silent', 'typecheck']);
  }
  step('build');
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--tests'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  if (!only || only === 'unit') {
    await mochaSuite('unit tests', testFiles('out/test/unit', '.test.js'));
    await mochaSuite('sandbox tests', testFiles('test/sandbox', '.test.mjs'));
  }
  if (!only || only === 'integration') {
    for (const codeServer of codeServers) await integration(codeServer);
  }
  if (!only || only === 'e2e') await endToEnd();
} catch (error) {
  console.log(`test run aborted: ${error?.message ?? error}`);
  broken.push(`aborted: ${error?.message ?? error}`);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
if (broken.length) console.log(`also failed: ${broken.join('; ')}`);
process.exit(totals.failed || broken.length ? 1 : 0);
