// Every link with a fragment on every built page leads to an element that exists: "#x" on the same
// page, "/lesson/#x" (or "/lesson/?…#x") on the page it names. Quiz text shown outside its lesson
// (the progress page's review list) must therefore have its "#playground" links made absolute to
// the lesson (src/lib/links/rebase.ts). Reads the built HTML; no browser needed.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir } from './support/site.ts';

const pages = builtPages();
const fileOf = (p: string) => join(distDir, p.endsWith('/') ? `${p}index.html` : p);
const html = new Map(pages.map((p) => [p, readFileSync(fileOf(p), 'utf8')]));
const ids = new Map(
  [...html].map(([p, h]) => [p, new Set([...h.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!))]),
);

test('every fragment link on every page points to an element that exists', () => {
  const broken: string[] = [];
  for (const [page, h] of html) {
    // Links only (<a href>): <link>, scripts and templates carry no fragments to follow.
    for (const m of h.matchAll(/<a\b[^>]*\shref="([^"]*#[^"]*)"/g)) {
      const href = m[1]!.replaceAll('&amp;', '&');
      if (/^[a-z]+:/i.test(href)) continue; // other sites
      const url = new URL(href, `http://x${page}`);
      const frag = decodeURIComponent(url.hash.slice(1));
      if (!frag) continue;
      const target = url.pathname;
      const targetIds = ids.get(target) ?? ids.get(target.endsWith('/') ? target : `${target}/`);
      if (!targetIds) continue; // a missing page is site-build.spec.ts's business
      if (!targetIds.has(frag)) broken.push(`${page}: ${m[1]} → no #${frag} on ${target}`);
    }
  }
  expect(broken).toEqual([]);
});

test('quiz text on the progress page links to the lesson, not into the progress page', () => {
  const progress = html.get('/progress/');
  test.skip(!progress, 'no progress page in this build');
  const links = [...progress!.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)].map((m) => m[1]!);
  expect(links.filter((l) => /^[?#]playground/.test(l) || l.startsWith('?'))).toEqual([]);
  expect(links).toContain('/foundations/deep-networks/?preset=overfit#playground');
});
