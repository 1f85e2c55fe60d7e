// Builds the panel gallery and screenshots it: `npx tsx test/visual/screenshot.ts`.
// Output: test-results/panel-gallery/{light,dark}.png (everything), <case>-<theme>.png (one state each),
// index.html (open it to click through the panel by hand). Also prints the panel's own bundle size.
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const out = join(root, 'test-results/panel-gallery');

/** `import css from './x.css?inline'` as Vite (and so the content script) reads it: the file as a string. */
const inlineCss: Plugin = {
  name: 'inline-css',
  setup(b) {
    b.onResolve({ filter: /\?inline$/ }, (a) => ({ path: resolve(a.resolveDir, a.path.replace(/\?inline$/, '')), namespace: 'inline' }));
    b.onLoad({ filter: /.*/, namespace: 'inline' }, async (a) => ({ contents: await readFile(a.path, 'utf8'), loader: 'text' }));
  },
};

const common: BuildOptions = {
  bundle: true,
  format: 'esm',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  target: 'chrome120',
  plugins: [inlineCss],
  logLevel: 'warning',
};

async function panelSize() {
  const r = await build({
    ...common,
    stdin: {
      contents: `import { render } from 'preact'; import { Panel } from './components/panel/Panel.tsx'; import css from './components/panel/panel.css?inline'; export { render, Panel, css };`,
      resolveDir: root,
      loader: 'ts',
    },
    minify: true,
    write: false,
  });
  const code = r.outputFiles![0]!.contents;
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

async function main() {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  // iife, not a module: Chromium refuses module scripts from file:// URLs.
  await build({ ...common, format: 'iife', entryPoints: [join(here, 'gallery.tsx')], outfile: join(out, 'gallery.js') });
  await writeFile(join(out, 'gallery.css'), await readFile(join(here, 'gallery.css')));
  await writeFile(
    join(out, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>Ownership panel gallery</title><link rel="stylesheet" href="gallery.css"><div id="gallery"></div><script src="gallery.js"></script>`,
  );

  const size = await panelSize();
  console.log(`panel + preact + css, minified: ${(size.raw / 1024).toFixed(1)} KB, gzip ${(size.gzip / 1024).toFixed(1)} KB`);

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const theme of ['light', 'dark'] as const) {
      // 800 px tall viewport: the panel's max-height (100vh − 112px) then matches a laptop screen.
      const page = await browser.newPage({ viewport: { width: 2400, height: 800 }, locale: 'en-US' });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('dialog', (d) => (errors.push(`dialog: ${d.message()}`), d.dismiss()));
      await page.goto(`${pathToFileURL(join(out, 'index.html')).href}?theme=${theme}`);
      await page.waitForSelector('.cell');
      // Freeze the skeleton shimmer so shots are stable.
      await page.evaluate(() => {
        for (const host of document.querySelectorAll('ownersight-panel')) {
          const s = document.createElement('style');
          s.textContent = '.os-bone { animation: none !important; }';
          host.shadowRoot!.append(s);
        }
      });
      await page.screenshot({ path: join(out, `${theme}.png`), fullPage: true });
      for (const cell of await page.locator('.cell').all()) {
        const id = await cell.getAttribute('data-cell');
        await cell.locator('.frame').screenshot({ path: join(out, `${id}.png`) });
      }
      // Interactions: history opened, then keyboard focus on "Sync now".
      const ready = page.locator(`[data-cell="ready-${theme}"]`);
      await ready.getByRole('button', { name: /History/ }).click();
      await ready.locator('.os-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await ready.getByRole('button', { name: 'Sync now' }).focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await ready.locator('.frame').screenshot({ path: join(out, `ready-history-${theme}.png`) });
      // Esc collapses and focus lands on the tab.
      await page.keyboard.press('Escape');
      const focused = await ready.locator('ownersight-panel').evaluate((h) => h.shadowRoot!.activeElement?.className ?? '');
      if (focused !== 'os-tab') errors.push(`Esc: focus on "${focused}", not the tab`);
      await ready.locator('.frame').screenshot({ path: join(out, `ready-esc-${theme}.png`) });
      // The tab is 32 px wide: a close-up at 3x, in its own page.
      const zoom = await browser.newPage({ viewport: { width: 2400, height: 800 }, deviceScaleFactor: 3, locale: 'en-US' });
      await zoom.goto(`${pathToFileURL(join(out, 'index.html')).href}?theme=${theme}`);
      for (const id of ['collapsed', 'collapsed-unknown']) {
        const box = (await zoom.locator(`[data-cell="${id}-${theme}"] .frame`).boundingBox())!;
        await zoom.screenshot({ path: join(out, `${id}-zoom-${theme}.png`), fullPage: true, clip: { x: box.x + box.width - 160, y: box.y + 60, width: 160, height: 120 } });
      }
      await zoom.close();
      if (errors.length) throw new Error(`${theme}:\n${errors.join('\n')}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`screenshots in ${out}`);
}

await main();
