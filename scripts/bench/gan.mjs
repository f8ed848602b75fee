// Bench module for the GAN lesson, called by the `npm run bench` harness:
// `await run({ page, baseURL })` on a Playwright page of the built site. It measures the 2-D GAN
// trainer as a reader runs it: the lesson's widget at its top speed ("64×", no limit), default
// setup (2-16-16-2 generator, 2-16-16-1 discriminator, ReLU, batch 64, k = 1, SGD), for
// NB_BENCH_SECONDS (default 4) after a 1 s warm-up:
//   - gan2dItersPerSec: generator iterations per second (each = k discriminator updates and one
//     generator update on batches of 64) in the widget's worker. Target ≥ 2,000; GAN Lab ≤ 60.
//   - fps: widget redraws per second (each redraws heatmap, 256 points and arrows, two charts).
//     Target ≥ 30.
//   - longTasks: main-thread tasks over 50 ms during the window. Target: none.
// The digits GAN's headline numbers come from scripts/bench/gan-digits.mjs; this module does not
// name them (bench.mjs merges modules in file-name order, and "gan.mjs" sorts after
// "gan-digits.mjs": nulls here would overwrite that module's numbers).

/* global document, window -- these run inside the page (page.evaluate). */
import { longTasks, watchLongTasks } from '../../tests/e2e/support/long-tasks.ts';

const LESSON = '/generative-models/gans/';

export async function run({ page, baseURL }) {
  const seconds = Number(process.env.NB_BENCH_SECONDS ?? 4);
  await page.goto(`${baseURL}${LESSON}#gan2d`);
  const w = page.locator('#gan2d');
  await w.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => 'quizState' in (document.querySelector('#gan2d') ?? {}));
  await watchLongTasks(page);
  await w.getByLabel('Speed').selectOption('64');
  await w.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(1000);
  const sample = () =>
    page.evaluate(() => {
      const el = document.querySelector('#gan2d');
      return {
        at: performance.now(),
        iteration: el.quizState().iteration,
        draws: el.drawStats().draws,
        long: window.__nbLongTasks.length,
      };
    });
  const a = await sample();
  await page.waitForTimeout(seconds * 1000);
  const b = await sample();
  await w.getByRole('button', { name: 'Pause' }).click();
  const dt = (b.at - a.at) / 1000;
  const gan2dItersPerSec = Math.round((b.iteration - a.iteration) / dt);
  const fps = Math.round(((b.draws - a.draws) / dt) * 10) / 10;
  const long = await longTasks(page);
  return {
    headline: { gan2dItersPerSec },
    gan2d: {
      setup: 'default ring, G 2-16-16-2, D 2-16-16-1, ReLU, batch 64, k 1, SGD 0.03',
      itersPerSec: gan2dItersPerSec,
      fps,
      longTasksDuringWindow: long.length - a.long,
      longestTaskMs: long.length ? Math.max(...long) : 0,
      seconds: Math.round(dt * 10) / 10,
    },
  };
}
