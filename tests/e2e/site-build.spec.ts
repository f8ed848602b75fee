// Checks on the built files themselves (no browser): JavaScript budgets and internal links.
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir } from './support/site.ts';
import { measurePage } from './support/js-budget.ts';

const pages = builtPages();
const KB = 1024;

function htmlOf(path: string): string {
  return readFileSync(join(distDir, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
}

const isLesson = (html: string) => /class="lesson-meta[ "]/.test(html);
const hasWidget = (html: string) => html.includes('data-nb-widget');

test('a page without a widget ships at most 30 KB of JavaScript (gzip) before interaction', () => {
  const plain = pages.filter((p) => !hasWidget(htmlOf(p)));
  expect(plain).toContain('/');
  for (const path of plain) {
    const js = measurePage(distDir, path);
    expect(js.gzipBytes, `${path}: ${js.files.join(', ')}`).toBeLessThanOrEqual(30 * KB);
  }
});

test('a lesson page with widgets ships at most 90 KB of JavaScript (gzip) before interaction', () => {
  // Widget shells, the quiz element and Starlight's own scripts; models, tfjs, the notebook
  // runtime and editors load on demand and are not counted.
  const lessons = pages.filter((p) => {
    const html = htmlOf(p);
    return isLesson(html) && hasWidget(html);
  });
  for (const path of lessons) {
    const js = measurePage(distDir, path);
    expect(js.gzipBytes, `${path}: ${js.files.join(', ')}`).toBeLessThanOrEqual(90 * KB);
  }
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
