import { defineConfig } from '@playwright/test';
import { dirname, join } from 'node:path';
import { describeChromium, resolveChromium } from './tests/e2e/support/chromium.ts';

// Playwright runs against the built site (dist/) served by `astro preview`.
// The browser: CHROMIUM_PATH, the system's Chromium, Playwright's own, else the one in the
// @sparticuz/chromium npm package (see tests/e2e/support/chromium.ts). The choice is put in
// CHROMIUM_PATH so Playwright's worker processes (which load this file again) reuse it.
const chromium = await resolveChromium();
if (!chromium.ok) {
  console.error(chromium.message);
  process.exit(2);
}
if (!process.env['NB_BROWSER_ANNOUNCED']) {
  console.log(describeChromium(chromium));
  process.env['NB_BROWSER_ANNOUNCED'] = '1';
  if (chromium.path) process.env['CHROMIUM_PATH'] = chromium.path;
}

const port = Number(process.env['E2E_PORT'] ?? 4329);
// Side-by-side runs (NB_OUT_DIR set) keep their results next to their own build.
const outRoot = process.env['NB_OUT_DIR'] ? dirname(process.env['NB_OUT_DIR']) : '.';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: join(outRoot, 'test-results'),
  reporter: [['list'], ['json', { outputFile: join(outRoot, '.test-output/playwright.json') }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      ...(chromium.path ? { executablePath: chromium.path } : {}),
      args: [
        '--no-sandbox',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--enable-unsafe-webgpu',
      ],
    },
  },
  projects: [
    { name: 'site', grepInvert: /@timing/ },
    // Main-thread timing (long tasks) is measured after everything else, one test at a time, so
    // other browsers on this 2-core machine do not steal the time being measured.
    { name: 'timing', grep: /@timing/, dependencies: ['site'], workers: 1 },
  ],
  webServer: {
    command: `npm run preview -- --port ${port} --host 127.0.0.1 --ignore-lock`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
