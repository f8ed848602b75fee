// Bench module for lesson 5.1's transfer figure, called by the `npm run bench` harness:
// `await run({ page, baseURL })` on a Playwright page of the built site. Presses Run with the
// default seed and N and times the whole sweep in the page's worker (loading the 0–4 network and
// the digits, the frozen features of the 978 test digits, then seven values of N with four
// methods each):
//   - transferSweepSeconds: wall time from pressing Run to "Done".
//   - longTasks: main-thread tasks over 50 ms meanwhile. Target: none.

/* global document -- used inside page.evaluate callbacks. */
import { longTasks as readLongTasks, watchLongTasks } from '../../tests/e2e/support/long-tasks.ts';
const LESSON = '/practice/transfer-learning/';

export async function run({ page, baseURL }) {
  await page.goto(`${baseURL}${LESSON}#transfer-lab`);
  const lab = page.locator('#transfer-lab');
  await lab.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    () => document.querySelector('#transfer-lab')?.dataset.ready === 'true',
  );
  await watchLongTasks(page);
  const t0 = Date.now();
  await lab.getByRole('button', { name: 'Run' }).click();
  await page.waitForFunction(
    () => document.querySelector('#transfer-lab [data-nb-status]')?.textContent?.startsWith('Done'),
    undefined,
    { timeout: 300_000 },
  );
  const seconds = (Date.now() - t0) / 1000;
  const longTasks = (await readLongTasks(page)).filter((d) => d > 50);
  const state = await page.evaluate(() => document.querySelector('#transfer-lab').quizState());
  return {
    headline: { transferSweepSeconds: Math.round(seconds * 10) / 10 },
    points: state.points,
    longTasks,
  };
}
