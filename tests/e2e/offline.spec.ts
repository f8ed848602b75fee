// Offline and updates (issue 10, src/pwa/): after one visit the whole course works offline, and a
// new version is announced (never a silent stale course) without touching the reader's progress.
// The service worker registers under automation only when asked (localStorage nb-sw = on), so
// these tests serve their own copy of the built site on their own port: the update test changes
// sw.js there, as a deploy would, and no other test ever gets a service worker.
import { test, expect, type Page } from '@playwright/test';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  appendFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { builtPages, distDir } from './support/site.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.bin': 'application/octet-stream',
};

let root = '';
let server: Server;
let base = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'nb-offline-'));
  cpSync(distDir, root, { recursive: true });
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});

test.afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(root, { recursive: true, force: true });
});

/** Opens `path` with the service worker allowed and waits until it controls the page. */
async function openControlled(page: Page, path: string): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('nb-sw', 'on'));
  await page.goto(`${base}${path}`);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 60_000,
  });
}

test('the manifest makes the course installable', () => {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  expect(html).toContain('rel="manifest" href="/manifest.webmanifest"');
  const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.webmanifest'), 'utf8')) as {
    name: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string }[];
  };
  expect(manifest).toMatchObject({ start_url: '/', display: 'standalone' });
  expect(manifest.icons.map((i) => i.sizes)).toEqual(
    expect.arrayContaining(['192x192', '512x512']),
  );
  for (const icon of manifest.icons) expect(existsSync(join(distDir, icon.src))).toBe(true);
});

test('after one visit every page opens offline and its Play control works', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  await openControlled(page, '/');
  await context.setOffline(true);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${page.url()}: console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => {
    // Requests cut short by the next navigation (net::ERR_ABORTED) are not offline failures.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`${page.url()}: failed ${r.url()} (${r.failure()?.errorText})`);
  });
  for (const path of builtPages().filter((p) => !p.endsWith('404.html'))) {
    await page.goto(`${base}${path}`);
    await expect(page.locator('h1').first(), path).toBeVisible();
    const play = page.locator('[data-nb-control="play"]').first();
    if ((await play.count()) === 0) continue;
    await play.scrollIntoViewIfNeeded();
    await play.click();
    const pause = await play.getAttribute('data-label-pause');
    // Controls.astro's Play turns into Pause while running; other Train buttons just must not fail.
    if (pause)
      await expect
        .poll(async () => (await play.textContent())?.trim(), { message: path, timeout: 15_000 })
        .toBe(pause);
    else await page.waitForTimeout(1000);
  }
  await context.setOffline(false);
  expect(problems).toEqual([]);
});

test('a new version is announced, Reload switches to it, and stored answers survive', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const lesson = '/foundations/what-is-deep-learning/';
  await openControlled(page, lesson);
  // Answer one single-choice question of the chapter quiz.
  const quiz = page.locator('nb-quiz').first();
  await expect(quiz).toHaveAttribute('data-ready', 'true');
  const q = quiz.locator('.nb-question:has(input[type="radio"])').first();
  await q.locator('input[type="radio"]').first().check();
  await q.locator('[data-action="check"]').click();
  await expect(q.locator('.nb-verdict')).toBeVisible();
  const id = await q.getAttribute('data-question');
  // Deploy a new version: sw.js changes.
  appendFileSync(join(root, 'sw.js'), '\n// new version\n');
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg?.update();
  });
  const notice = page.locator('.nb-update');
  await expect(notice).toContainText('A new version of Neuronbook is available', {
    timeout: 60_000,
  });
  await Promise.all([
    page.waitForEvent('load'),
    notice.getByRole('button', { name: 'Reload' }).click(),
  ]);
  // The reloaded page runs under the new worker, with the answer still there.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  expect(
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return { waiting: reg?.waiting ?? null, active: reg?.active?.state };
    }),
  ).toEqual({ waiting: null, active: 'activated' });
  await expect(page.locator('.nb-update')).toHaveCount(0);
  const again = page.locator(`nb-quiz .nb-question[data-question="${id}"]`);
  await expect(again.locator('.nb-verdict')).toBeVisible();
});
