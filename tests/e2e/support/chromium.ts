// Finds the Chromium for Playwright: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export type ChromiumChoice =
  { ok: true; path: string | undefined } | { ok: false; message: string };

export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumChoice {
  const fromEnv = env['CHROMIUM_PATH'];
  if (fromEnv) {
    return existsSync(fromEnv)
      ? { ok: true, path: fromEnv }
      : {
          ok: false,
          message: `CHROMIUM_PATH=${fromEnv} does not exist. Install Chromium: apt-get install chromium (or npx playwright install chromium).`,
        };
  }
  if (existsSync('/usr/bin/chromium')) return { ok: true, path: '/usr/bin/chromium' };
  let own: string | undefined;
  try {
    own = chromium.executablePath();
  } catch {
    own = undefined;
  }
  if (own && existsSync(own)) return { ok: true, path: undefined };
  return {
    ok: false,
    message:
      'No Chromium found for the browser tests. Install one: apt-get install chromium (or npx playwright install chromium), or set CHROMIUM_PATH.',
  };
}
