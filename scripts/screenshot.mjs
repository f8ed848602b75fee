// Takes the README's lesson screenshot from a built site: `npm run screenshot` (builds first).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { resolveChromium } from '../tests/e2e/support/chromium.ts';

const port = 4339;
const path = process.argv[2] ?? '/foundations/what-is-deep-learning/';
const out = process.argv[3] ?? 'docs/screenshot-lesson.png';
const server = spawn('astro', ['preview', '--port', String(port), '--host', '127.0.0.1'], {
  stdio: 'ignore',
});
try {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const choice = await resolveChromium();
  if (!choice.ok) throw new Error(choice.message);
  const browser = await chromium.launch({
    executablePath: choice.path,
    args: [
      '--no-sandbox',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({
    viewport: { width: 1280, height: 860 },
    colorScheme: 'light',
  });
  await page.goto(`http://127.0.0.1:${port}${path}`);
  const anchor = process.argv[4];
  if (anchor) await page.locator(anchor).first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out });
  await browser.close();
  console.log(`wrote ${out}`);
} finally {
  server.kill();
}
