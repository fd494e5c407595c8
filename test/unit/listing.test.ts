import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// What the Marketplace and Open VSX listings, and VS Code's extension page, are made of.

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

/** Whether .vscodeignore (everything out, then `!` patterns back in) lets a path into the package. */
function packaged(path: string): boolean {
  return ignore.filter((p) => p.startsWith('!')).some((p) => {
    const pattern = p.slice(1);
    return pattern.endsWith('/**') ? path.startsWith(pattern.slice(0, -2)) : path === pattern;
  });
}

describe('the listing', () => {
  it('has a 128×128 PNG icon inside the package', () => {
    const png = readFileSync(join(root, manifest.icon as string));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.ok(packaged(manifest.icon as string));
  });

  it('is a preview in Linters and Other, with a dark banner', () => {
    assert.equal(manifest.preview, true);
    assert.deepEqual(manifest.categories, ['Linters', 'Other']);
    assert.match(manifest.galleryBanner.color as string, /^#[0-9A-Fa-f]{6}$/);
    assert.equal(manifest.galleryBanner.theme, 'dark');
  });

  it("links the README's images and files relatively, to files of the repository, not of the package", () => {
    // No listing shows a relative image from inside a package: VS Code's extension page drops image sources
    // that are not https (or data:), Open VSX renders the README without a base URL, and the Marketplace needs
    // absolute URLs. vsce turns the relative links into the repository's once package.json names one.
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(((?:docs|media)\/[^)\s]+)\)/g)].map((m) => m[1]!);
    assert.ok(links.some((l) => l.endsWith('.png')), 'the README shows screenshots');
    for (const link of links) {
      assert.ok(existsSync(join(root, link)), `${link} exists`);
      assert.ok(!packaged(link) || link.startsWith('media/'), `${link} is not dead weight in the package`);
    }
    const script = manifest.scripts.package as string;
    assert.equal(script.includes('--no-rewrite-relative-links'), !manifest.repository,
      'links stay relative exactly while package.json names no repository to rewrite them to');
  });

  it('ships the bundles, not their source maps or the sources', () => {
    for (const path of ['dist/extension.js', 'dist/aws.js', 'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
      assert.ok(packaged(path), path);
    }
    for (const path of ['dist/aws.js.map', 'src/extension.ts', 'test/unit/listing.test.ts', 'node_modules/esbuild/package.json']) {
      assert.ok(!packaged(path), path);
    }
  });
});

describe('where it runs', () => {
  it('on the machine of the workspace, where ~/.aws and the terminal are', () => {
    assert.deepEqual(manifest.extensionKind, ['workspace']);
  });

  it('in virtual workspaces, with what that limits said', () => {
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.virtualWorkspaces.description as string, /virtual workspace/);
  });
});
