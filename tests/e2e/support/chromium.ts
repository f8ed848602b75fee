// Finds the Chromium for Playwright and the bench, in this order:
//   1. CHROMIUM_PATH, if set (it must exist);
//   2. the system's Chromium (/usr/bin/chromium, Debian's package);
//   3. Playwright's own downloaded browser, if one was installed;
//   4. the headless Chromium shipped inside the npm package @sparticuz/chromium (a devDependency),
//      unpacked into the system temp directory on first use. This is what a fresh machine with no
//      browser gets, so `npm test` needs no manual step and no network beyond the npm registry.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'playwright' | 'npm package';

export type ChromiumChoice =
  { ok: true; path: string | undefined; source?: ChromiumSource } | { ok: false; message: string };

const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The installed choices (1–3 above), without unpacking anything. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (p: string) => boolean = existsSync,
): ChromiumChoice {
  const fromEnv = env['CHROMIUM_PATH'];
  if (fromEnv) {
    return exists(fromEnv)
      ? { ok: true, path: fromEnv, source: 'CHROMIUM_PATH' }
      : {
          ok: false,
          message: `CHROMIUM_PATH=${fromEnv} does not exist. Unset it to use the system's Chromium or the one in the @sparticuz/chromium npm package, or install one: apt-get install chromium (or npx playwright install chromium).`,
        };
  }
  if (env['NB_IGNORE_SYSTEM_CHROMIUM'] !== '1') {
    for (const p of systemPaths) if (exists(p)) return { ok: true, path: p, source: 'system' };
    let own: string | undefined;
    try {
      own = chromium.executablePath();
    } catch {
      own = undefined;
    }
    if (own && exists(own)) return { ok: true, path: own, source: 'playwright' };
  }
  return {
    ok: false,
    message:
      'No Chromium found for the browser tests. Install one: apt-get install chromium (or npx playwright install chromium), or set CHROMIUM_PATH.',
  };
}

/**
 * Like findChromium, then falls back to the headless Chromium inside @sparticuz/chromium (no
 * WebGPU; WebGL2 through SwiftShader). `NB_IGNORE_SYSTEM_CHROMIUM=1` skips 2–3, to try the
 * fresh-machine path on a machine that has a browser.
 */
export async function resolveChromium(
  env: NodeJS.ProcessEnv = process.env,
): Promise<ChromiumChoice> {
  const found = findChromium(env);
  if (found.ok || env['CHROMIUM_PATH']) return found;
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    const path = await packaged.executablePath();
    if (path && existsSync(path)) return { ok: true, path, source: 'npm package' };
  } catch (err) {
    return {
      ok: false,
      message: `${found.message} (The Chromium in the @sparticuz/chromium npm package could not be unpacked: ${String(err)})`,
    };
  }
  return found;
}

/** One line for the test output: which browser runs the tests. */
export function describeChromium(choice: ChromiumChoice & { ok: true }): string {
  const where = choice.path ?? "Playwright's own Chromium";
  const from =
    choice.source === 'npm package'
      ? 'the headless Chromium in the @sparticuz/chromium npm package (no system browser found)'
      : choice.source === 'CHROMIUM_PATH'
        ? 'CHROMIUM_PATH'
        : choice.source === 'system'
          ? "the system's Chromium"
          : "Playwright's own browser";
  return `Browser tests run in ${where}, from ${from}.`;
}
