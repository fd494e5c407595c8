// `node scripts/icon.mjs`: renders the Marketplace icon, media/icon.png (128×128), from the activity bar's
// media/ami-explorer.svg: the same box, in orange on a dark rounded square. The PNG is committed; nothing in
// the build runs this. Uses the headless Chromium of the test tooling (AMI_EXPLORER_CHROMIUM to pick another).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { openBrowser } from './vscode-web/browser.mjs';

const root = resolve(import.meta.dirname, '..');
const size = 128;
const background = '#232F3E';
const stroke = '#FF9900';

// The glyph's shapes, recoloured: currentColor becomes the stroke colour.
const glyph = readFileSync(join(root, 'media', 'ami-explorer.svg'), 'utf8');
const shapes = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(glyph)?.[1];
if (!shapes) throw new Error('media/ami-explorer.svg has no <svg> content');
const icon = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24">
  <rect x="0.25" y="0.25" width="23.5" height="23.5" rx="4.5" fill="${background}"/>
  <g transform="translate(12 12) scale(0.78) translate(-12 -12)" fill="none" stroke="${stroke}" stroke-width="1.5"
     stroke-linejoin="round" color="${stroke}">${shapes}</g>
</svg>`;

const toolchain = {
  chromium: process.env.AMI_EXPLORER_CHROMIUM || '/usr/bin/chromium',
  playwrightCore: createRequire(import.meta.url).resolve('playwright-core'),
};
const { browser, page } = await openBrowser({ toolchain, viewport: { width: size, height: size } });
try {
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${icon}</body></html>`);
  const out = join(root, 'media', 'icon.png');
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
