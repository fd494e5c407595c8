import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commentStyle, defaultExcludeGlobs, globToRegExp, hasIgnoreMarker, isAmiId, markerComment, matchPath, problemKinds, severityOf } from '../../src/shared/noiseRules';

const matches = (glob: string, path: string) => globToRegExp(glob).test(path);

describe('globToRegExp', () => {
  it('the default excludes match change logs, lock files and node_modules at any depth, and nothing else', () => {
    const excluded = (path: string) => defaultExcludeGlobs.some((g) => matches(g, path));
    for (const path of ['CHANGELOG.md', 'docs/CHANGELOG.md', 'CHANGELOG', 'Gemfile.lock', 'infra/.terraform.lock.hcl', 'package-lock.json', 'web/yarn.lock', 'pnpm-lock.yaml', 'node_modules/x/index.js', 'a/node_modules/b/c.tf']) {
      assert.ok(excluded(path), `${path} is excluded`);
    }
    for (const path of ['main.tf', 'infra/CHANGES.md', 'changelog.md', 'lock.tf', 'packages.json', 'my_node_modules/x.tf', 'infra/template.yaml']) {
      assert.ok(!excluded(path), `${path} is not excluded`);
    }
  });

  it('** spans folders (also none), * and ? stay within one', () => {
    assert.ok(matches('**/*.tf', 'main.tf'));
    assert.ok(matches('**/*.tf', 'a/b/main.tf'));
    assert.ok(matches('infra/**', 'infra/a/b.tf'));
    assert.ok(!matches('*.tf', 'a/main.tf'));
    assert.ok(matches('a/**/b.tf', 'a/b.tf'));
    assert.ok(matches('a/**/b.tf', 'a/x/y/b.tf'));
    assert.ok(matches('v?.tf', 'v1.tf'));
    assert.ok(!matches('v?.tf', 'v/.tf'));
  });

  it('braces choose, and regex characters are literal', () => {
    assert.ok(matches('**/*.{yml,yaml}', 'k8s/node.yaml'));
    assert.ok(matches('**/*.{yml,yaml}', 'node.yml'));
    assert.ok(!matches('**/*.{yml,yaml}', 'node.json'));
    assert.ok(matches('a+b(1).tf', 'a+b(1).tf'));
    assert.ok(!matches('a.tf', 'abtf'));
  });

  it('is case-sensitive, as files.exclude', () => {
    assert.ok(!matches('**/CHANGELOG*', 'changelog.md'));
  });

  it('names what is wrong with a glob it cannot read', () => {
    assert.throws(() => globToRegExp(''), /is empty/);
    assert.throws(() => globToRegExp('/etc/*.tf'), /is an absolute path: patterns are relative to the workspace folder/);
    assert.throws(() => globToRegExp('C:\\x\\*.tf'), /absolute path/);
    assert.throws(() => globToRegExp('**/*.{tf'), /has a \{ without a \}/);
    assert.throws(() => globToRegExp('**/*.tf}'), /has a \} without a \{/);
    assert.throws(() => globToRegExp('{a,{b}}'), /nested braces/);
  });
});

describe('matchPath', () => {
  it('is relative to the workspace folder, or the whole path outside every folder', () => {
    assert.equal(matchPath('/work/app/infra/main.tf', '/work/app'), 'infra/main.tf');
    assert.equal(matchPath('/work/app/infra/main.tf', '/work/app/'), 'infra/main.tf');
    assert.equal(matchPath('/work/application/main.tf', '/work/app'), 'work/application/main.tf');
    assert.equal(matchPath('/tmp/CHANGELOG.md', undefined), 'tmp/CHANGELOG.md');
  });
});

describe('the ignore marker', () => {
  it('silences a line holding it, in any comment syntax', () => {
    assert.ok(hasIgnoreMarker('ami = "ami-12345678" # ami-explorer-ignore'));
    assert.ok(hasIgnoreMarker('  "ImageId": "ami-12345678", // ami-explorer-ignore: a partner image'));
    assert.ok(!hasIgnoreMarker('ami = "ami-12345678" # ami-explorer'));
    assert.ok(!hasIgnoreMarker('ami = "ami-12345678"'));
  });

  it('is written in the comment syntax of the file\'s language, or of its name when VS Code does not know the language', () => {
    assert.equal(commentStyle('terraform', 'main.tf'), '#');
    assert.equal(commentStyle('yaml', 'template.yaml'), '#');
    assert.equal(commentStyle('python', 'launch.py'), '#');
    assert.equal(commentStyle('shellscript', 'launch.sh'), '#');
    assert.equal(commentStyle('plaintext', 'app.pkr.hcl'), '#');
    assert.equal(commentStyle('plaintext', 'main.tf'), '#');
    assert.equal(commentStyle('jsonc', 'tsconfig.json'), '//');
    assert.equal(commentStyle('typescript', 'stack.ts'), '//');
    assert.equal(commentStyle('javascript', 'deploy.js'), '//');
    assert.equal(commentStyle('json', 'template.json'), undefined, 'plain JSON has no comments');
    assert.equal(commentStyle('plaintext', 'notes.txt'), undefined);
    assert.equal(markerComment('#'), ' # ami-explorer-ignore');
    assert.equal(markerComment('//'), ' // ami-explorer-ignore');
  });

  it('is not itself read as an AMI id', () => {
    assert.ok(!isAmiId('ami-explorer-ignore'));
    assert.ok(isAmiId('ami-12345678'));
    assert.ok(isAmiId('ami-0123456789ABCDEF0'));
    assert.ok(!isAmiId('ami-123456789'));
  });
});

describe('severityOf', () => {
  it('is the configured severity of a kind, else the problem\'s own; off reports nothing', () => {
    assert.equal(severityOf('not-found', 'information', {}), 'information');
    assert.equal(severityOf('not-found', 'information', { 'not-found': 'error' }), 'error');
    assert.equal(severityOf('deprecated', 'warning', { 'not-found': 'error' }), 'warning');
    assert.equal(severityOf('deprecated', 'warning', { deprecated: 'off' }), 'off');
    assert.equal(severityOf('upper-case', 'warning', { 'upper-case': 'hint' }), 'hint');
  });
});

describe('the noise settings in package.json', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default?: unknown; properties?: Record<string, unknown>; markdownDescription?: string }> } };
    capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
  };
  const settings = manifest.contributes.configuration.properties;

  it('default the exclude globs the extension applies, and document every problem kind', () => {
    assert.deepEqual(settings['amiExplorer.code.exclude']?.default, defaultExcludeGlobs);
    const severity = settings['amiExplorer.code.severity'];
    assert.deepEqual(Object.keys(severity?.properties ?? {}), [...problemKinds]);
    for (const kind of problemKinds) {
      assert.ok(severity?.markdownDescription?.includes(`\`${kind}\``), `${kind} is described`);
    }
  });

  it('are not restricted: they only hide information', () => {
    for (const key of ['exclude', 'severity', 'ignore']) {
      assert.ok(!manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(`amiExplorer.code.${key}`));
    }
  });
});
