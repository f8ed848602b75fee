// Checks on the built files themselves (no browser): JavaScript budgets and internal links.
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir } from './support/site.ts';
import { measurePage, PAGE_JS_BUDGET } from './support/js-budget.ts';

const pages = builtPages();
const KB = 1024;

function htmlOf(path: string): string {
  return readFileSync(join(distDir, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
}

// Issue 10: at most 30 KB of JavaScript (gzip) before interaction on every page, widgets or not.
// Widget elements, their views, d3 and the quiz load near the viewport or on first use
// (src/components/widgets/shared/lazy.ts); models, tfjs, the notebook runtime and editors load on
// demand. Dynamic imports are not counted (support/js-budget.ts).
test('every page ships at most 30 KB of JavaScript (gzip) before interaction', () => {
  expect(pages).toContain('/');
  const over: string[] = [];
  for (const path of pages) {
    const js = measurePage(distDir, path);
    if (js.gzipBytes > PAGE_JS_BUDGET)
      over.push(`${path}: ${(js.gzipBytes / KB).toFixed(1)} KB (${js.files.join(', ')})`);
  }
  expect(over).toEqual([]);
});

test('every page keeps tfjs, CodeMirror and the notebook runtime out of its initial JavaScript', () => {
  for (const path of pages) {
    const js = measurePage(distDir, path);
    const initial = js.files.map((f) => readFileSync(join(distDir, f), 'utf8')).join('\n');
    expect(initial, path).not.toMatch(/tfjs-core|registerKernel\(|@tensorflow/);
    expect(initial, path).not.toMatch(/EditorView\.theme|@observablehq\/runtime/);
  }
});

test('every internal link and asset reference resolves to a built file', () => {
  const missing: string[] = [];
  const exists = (p: string): boolean => {
    const clean = decodeURIComponent(p.split('#')[0]!.split('?')[0]!);
    const candidates = clean.endsWith('/')
      ? [`${clean}index.html`]
      : [clean, `${clean}/index.html`, `${clean}.html`];
    return candidates.some((c) => {
      const file = join(distDir, c);
      return existsSync(file) && statSync(file).isFile();
    });
  };
  for (const path of pages) {
    const html = htmlOf(path);
    for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const url = m[1]!;
      if (/^(https?:|mailto:|data:|#|javascript:)/.test(url)) continue;
      const abs = url.startsWith('/') ? url : new URL(url, `http://x${path}`).pathname;
      if (!exists(abs)) missing.push(`${path} → ${url}`);
    }
  }
  expect(missing).toEqual([]);
});
