// Writes the code fixtures (test/fixtures) with the ids of a seeded sandbox: `{{name}}` becomes the id of the
// manifest's image of that name, `{{upper:name}}` the same id in upper case. Used by the integration tests and
// by `npm start`, whose sample workspace gets them under infra/.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const templates = join(import.meta.dirname, '..', 'test', 'fixtures');

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * @param {{ images: Record<string, string> }} manifest from sandbox/seed.mjs
 * @param {string} outDir replaced as a whole
 * @returns {string[]} the files written, relative to outDir
 */
export function writeFixtures(manifest, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  const written = [];
  for (const file of filesUnder(templates)) {
    const rel = relative(templates, file);
    if (rel === 'README.md') continue;
    const text = readFileSync(file, 'utf8').replace(/\{\{(upper:)?(\w+)\}\}/g, (_, upper, name) => {
      const id = manifest.images[name];
      if (!id) throw new Error(`${rel}: no sandbox image named ${name}`);
      return upper ? id.toUpperCase() : id;
    });
    mkdirSync(dirname(join(outDir, rel)), { recursive: true });
    writeFileSync(join(outDir, rel), text);
    written.push(rel);
  }
  return written;
}
