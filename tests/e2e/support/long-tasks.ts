// Browser tests: main-thread long tasks (over 50 ms, the Long Tasks API) recorded in the page,
// for the @timing tests (playwright.config.ts runs them one at a time after every other test).
import { expect, type Page } from '@playwright/test';

/** Runs in the page: starts recording long-task durations (ms) in `window.__nbLongTasks`. */
function record(): void {
  const w = window as unknown as { __nbLongTasks: number[] };
  w.__nbLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__nbLongTasks.push(e.duration);
  }).observe({ type: 'longtask' });
}

/**
 * Starts recording long tasks in the page's current document; with `fromLoad`, in every document
 * the page loads from the next navigation on, before the page's own scripts run.
 */
export async function watchLongTasks(page: Page, { fromLoad = false } = {}): Promise<void> {
  if (fromLoad) await page.addInitScript(record);
  else await page.evaluate(record);
}

/** Durations (ms) recorded since watching began or since the last window. */
export function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __nbLongTasks?: number[] };
    if (!w.__nbLongTasks) throw new Error('long tasks are not watched: call watchLongTasks first');
    return [...w.__nbLongTasks];
  });
}

/** Forgets what was recorded, waits `ms` in the page, and returns what was recorded meanwhile. */
export function longTasksIn(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(async (windowMs) => {
    const w = window as unknown as { __nbLongTasks?: number[] };
    const list = w.__nbLongTasks;
    if (!list) throw new Error('long tasks are not watched: call watchLongTasks first');
    list.length = 0;
    await new Promise((r) => setTimeout(r, windowMs));
    return [...list];
  }, ms);
}

export interface WindowOptions {
  /** length of one window (ms) */
  ms: number;
  /** windows at most (default 3) */
  attempts?: number;
  /** whether a window counts as clean (default: no long task at all) */
  clean?: (long: number[]) => boolean | Promise<boolean>;
  /** runs before each window (e.g. starts training again if a run has finished) */
  before?: () => Promise<void>;
}

/**
 * Measures up to `attempts` windows and returns the durations of the first clean one, else of the
 * last. Two shared cores can deschedule the page for one window; code that blocks the page fails
 * every window, so the caller's assertion on the result still catches it.
 */
export async function firstCleanWindow(page: Page, options: WindowOptions): Promise<number[]> {
  const { ms, attempts = 3, clean = (l: number[]) => l.length === 0, before } = options;
  let long: number[] = [];
  for (let attempt = 0; attempt < attempts; attempt++) {
    await before?.();
    long = await longTasksIn(page, ms);
    if (await clean(long)) break;
  }
  return long;
}

/**
 * Waits until one `ms` window (default 2 s) passes without a long task, trying for up to
 * `timeout` (default 30 s): lets the rest of the lesson settle before a measurement.
 */
export async function waitForQuiet(
  page: Page,
  { ms = 2000, timeout = 30_000 } = {},
): Promise<void> {
  await expect
    .poll(async () => (await longTasksIn(page, ms)).length === 0, { timeout, intervals: [0] })
    .toBe(true);
}
