// The browser-test harness's own helpers, tested in Node.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeChromium, findChromium, resolveChromium } from '../e2e/support/chromium.ts';
import { builtPages } from '../e2e/support/site.ts';
import { measurePage } from '../e2e/support/js-budget.ts';

describe('findChromium', () => {
  it('uses CHROMIUM_PATH when it exists', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toEqual({
      ok: true,
      path: process.execPath,
      source: 'CHROMIUM_PATH',
    });
  });

  it('says how to get Chromium when CHROMIUM_PATH is wrong', () => {
    const r = findChromium({ CHROMIUM_PATH: '/nowhere/chromium' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/apt-get install chromium.*npx playwright install chromium/);
  });

  it("prefers the system's Chromium to anything else", () => {
    const r = findChromium({}, (p) => p === '/usr/bin/chromium');
    expect(r).toEqual({ ok: true, path: '/usr/bin/chromium', source: 'system' });
  });

  it('on a machine with no browser, unpacks the one in the @sparticuz/chromium package', async () => {
    const r = await resolveChromium({ NB_IGNORE_SYSTEM_CHROMIUM: '1' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.source).toBe('npm package');
    expect(describeChromium(r)).toMatch(
      /@sparticuz\/chromium npm package \(no system browser found\)/,
    );
  }, 60_000);
});

describe('crawling and measuring a built site', () => {
  const dist = mkdtempSync(join(tmpdir(), 'nb-dist-'));
  mkdirSync(join(dist, 'a'), { recursive: true });
  mkdirSync(join(dist, '_astro'), { recursive: true });
  mkdirSync(join(dist, 'pagefind'), { recursive: true });
  writeFileSync(
    join(dist, 'index.html'),
    '<script type="module" src="/_astro/entry.js"></script><script>var x=1</script><script type="application/json">{"a":1}</script>',
  );
  writeFileSync(join(dist, 'a', 'index.html'), '<p>no js</p>');
  writeFileSync(join(dist, '404.html'), '');
  writeFileSync(join(dist, 'pagefind', 'ui.html'), '');
  writeFileSync(
    join(dist, '_astro', 'entry.js'),
    'import{a}from"./dep.js";import("./lazy.js");console.log(a);',
  );
  writeFileSync(join(dist, '_astro', 'dep.js'), 'export const a=1;'.repeat(50));
  writeFileSync(join(dist, '_astro', 'lazy.js'), 'export const big="' + 'x'.repeat(10000) + '";');

  it('lists every page as a URL path, skipping Pagefind and assets', () => {
    expect(builtPages(dist)).toEqual(['/', '/404.html', '/a/']);
  });

  it('counts inline and statically imported scripts but not dynamic imports or JSON', () => {
    const js = measurePage(dist, '/');
    expect(js.files).toEqual(['/_astro/dep.js', '/_astro/entry.js']);
    expect(js.inlineScripts).toBe(1);
    expect(js.gzipBytes).toBeGreaterThan(40);
    expect(js.gzipBytes).toBeLessThan(400);
    expect(measurePage(dist, '/a/').gzipBytes).toBe(0);
  });
});
