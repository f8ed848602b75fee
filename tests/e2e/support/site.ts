// Helpers for browser tests: pages found by crawling dist/, and a guard that records console
// errors, failed requests and requests leaving the local server.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from '@playwright/test';

/** The built site: NB_OUT_DIR if set (as in astro.config.mjs), else dist. */
export const distDir = process.env['NB_OUT_DIR'] ?? 'dist';

/** Every HTML file in dist/, as a URL path ("/", "/foundations/what-is-deep-learning/"). */
export function builtPages(dir = distDir): string[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        // Pagefind's own UI fragments are not pages of the course.
        if (name !== 'pagefind' && name !== '_astro') walk(p);
      } else if (name.endsWith('.html')) files.push(p);
    }
  };
  walk(dir);
  return files
    .map((f) => '/' + relative(dir, f).split(sep).join('/'))
    .map((p) => (p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p))
    .sort();
}

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

/** Starts recording problems on a page; read the returned object after the checks. */
export function watchPage(page: Page, baseURL: string): PageProblems {
  const origin = new URL(baseURL).origin;
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], foreignRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.consoleErrors.push(`pageerror: ${err.message}`));
  page.on('requestfailed', (req) =>
    problems.failedRequests.push(`${req.url()} (${req.failure()?.errorText ?? '?'})`),
  );
  page.on('response', (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.url()} (HTTP ${res.status()})`);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) problems.foreignRequests.push(url);
  });
  return problems;
}
