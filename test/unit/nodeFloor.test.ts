import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The extension runs in VS Code's extension host, on the Node that VS Code ships. Every package it bundles
// must run there, in the oldest VS Code that engines.vscode admits. AWS SDK releases from January 2027 on
// need Node 22: an update that brings one in fails here.

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The Node of each VS Code that engines.vscode may name as its floor (desktop VS Code, its Electron's Node). */
const hostNodeOf: Record<string, string> = {
  '^1.90.0': '20.9.0', // Electron 29: the first VS Code on Node 20
};

type Version = [number, number, number];

function parse(text: string): Version {
  const m = /^v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(text.trim());
  assert.ok(m, `"${text}" is not a version`);
  const n = (s: string | undefined) => (s === undefined || s === 'x' || s === '*' ? 0 : Number(s));
  return [Number(m[1]), n(m[2]), n(m[3])];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether `version` meets one comparator of an npm range: >=, >, <=, <, =, ^, ~, or a bare or x-version. */
function meets(version: Version, comparator: string): boolean {
  const m = /^(>=|<=|>|<|=|\^|~)?\s*(.+)$/.exec(comparator);
  assert.ok(m, `cannot read "${comparator}"`);
  const [, op = '', rest] = m;
  assert.ok(rest, `no version in "${comparator}"`);
  if (rest === '*' || rest === 'x') {
    return true;
  }
  const bound = parse(rest);
  const c = compare(version, bound);
  const parts = rest.split('.').filter((p) => /^\d+$/.test(p)).length;
  switch (op) {
    case '>=': return c >= 0;
    case '>': return c > 0;
    case '<=': return c <= 0;
    case '<': return c < 0;
    case '^': return c >= 0 && version[0] === bound[0];
    case '~': return c >= 0 && version[0] === bound[0] && (parts < 2 || version[1] === bound[1]);
    default:
      // "20", "20.x", "=20.9.0": the parts given must match.
      return version.slice(0, Math.max(parts, 1)).every((v, i) => v === bound[i]);
  }
}

function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((alternative) => {
    const comparators = alternative.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/).filter(Boolean);
    return comparators.every((c) => meets(v, c));
  });
}

/** The folder of a package as Node resolves it from `from`. */
function packageDir(name: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) {
      return candidate;
    }
    assert.notEqual(dirname(dir), dir, `${name} is installed (needed from ${from})`);
  }
}

interface Package { name: string; version: string; node?: string }

/** Every package the extension's dependencies bring in at run time. */
function shippedPackages(): Package[] {
  const seen = new Map<string, Package>();
  const queue: [string, string][] = Object.keys(manifest.dependencies as Record<string, string>).map((name) => [name, root]);
  for (let next = queue.shift(); next; next = queue.shift()) {
    const dir = packageDir(next[0], next[1]);
    if (seen.has(dir)) {
      continue;
    }
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name: string; version: string; engines?: { node?: string };
      dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>;
    };
    seen.set(dir, { name: pkg.name, version: pkg.version, node: pkg.engines?.node });
    for (const dep of Object.keys(pkg.dependencies ?? {})) {
      queue.push([dep, dir]);
    }
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) {
      if (existsSync(join(dir, 'node_modules', dep)) || existsSync(join(root, 'node_modules', dep))) {
        queue.push([dep, dir]);
      }
    }
  }
  return [...seen.values()];
}

describe('the Node of the oldest supported VS Code', () => {
  const floor = manifest.engines.vscode as string;
  const hostNode = hostNodeOf[floor];

  it('is known for the engines.vscode floor', () => {
    assert.ok(hostNode, `add the Node of VS Code ${floor} to hostNodeOf`);
  });

  it('reads npm ranges as npm does', () => {
    assert.ok(satisfies('20.9.0', '>=20.0.0'));
    assert.ok(satisfies('20.9.0', '>=18'));
    assert.ok(!satisfies('20.9.0', '>=22.0.0'));
    assert.ok(!satisfies('20.9.0', '^20.17.0 || >=22.9.0'));
    assert.ok(satisfies('20.9.0', '^18.17.0 || >=20.5.0'));
    assert.ok(satisfies('20.9.0', '20.x'));
    assert.ok(satisfies('20.9.0', '>= 16 < 21'));
    assert.ok(!satisfies('20.9.0', '~20.10.0'));
  });

  it('runs every package the extension ships (engines.node), the AWS SDK included', () => {
    assert.ok(hostNode, `the Node of VS Code ${floor} is known`);
    const packages = shippedPackages();
    assert.ok(packages.some((p) => p.name === '@aws-sdk/client-ec2'), 'the SDK is among them');
    const refused = packages.filter((p) => p.node && !satisfies(hostNode, p.node)).map((p) => `${p.name}@${p.version} (node ${p.node})`);
    assert.deepEqual(refused, [], `these need a newer Node than ${hostNode} (VS Code ${floor}); keep the SDK below the release that requires it`);
  });
});
