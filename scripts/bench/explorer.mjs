// Bench module for the gradient-descent explorer, called by the `npm run bench` harness:
// `await run({ page, baseURL })` on a Playwright page of the built site. It sets 200 steps, then
// moves the learning-rate slider through a fixed sequence of positions and measures, per move,
//   - handlerMs: the synchronous input handler (recompute the 200-step path(s) in TypeScript and
//     redraw path, loss curve, verdict and outputs), and
//   - layoutMs: the handler plus a forced style and layout of the widget (what the browser must do
//     before it can paint the change);
//   - frameMs: from the input event to the next animation frame callback (includes waiting for
//     vsync, so about one frame at 60 Hz is the floor);
// and, in Node, computeMs: the pure path computation alone (runDescent, 200 steps);
// once with one optimizer and once in race mode (two 200-step paths). Target: under 16 ms.
// Returns plain JSON for bench/results.json.

/* global document, requestAnimationFrame -- these run inside the page (page.evaluate). */
const LESSON = '/foundations/loss-and-gradient-descent/';

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  const r = (v) => Math.round(v * 1000) / 1000;
  return { n: s.length, median: r(q(0.5)), p95: r(q(0.95)), max: r(s[s.length - 1]) };
}

/** Measures slider moves inside the page; positions are slider values (0…400). */
async function measure(page, positions) {
  return page.evaluate(async (pos) => {
    const root = document.querySelector('[data-nb-widget="descent-explorer"]');
    const lr = root.querySelector('input[name="lr"]');
    const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const handler = [];
    const layout = [];
    const frame = [];
    for (const p of pos) {
      await nextFrame();
      const t0 = performance.now();
      lr.value = String(p);
      lr.dispatchEvent(new Event('input', { bubbles: true }));
      const t1 = performance.now();
      // Force style and layout of the widget now, so their cost is measured without vsync waits.
      void root.getBoundingClientRect().height;
      void root.querySelector('.de-surface .nb-path-a .nb-path-line')?.getBBox();
      const t2 = performance.now();
      await nextFrame();
      handler.push(t1 - t0);
      layout.push(t2 - t0);
      frame.push(performance.now() - t0);
    }
    return { handler, layout, frame };
  }, positions);
}

/** Median time of runDescent (200 steps) per surface × optimizer, in Node (TypeScript stripped). */
async function computeInNode() {
  try {
    const { runDescent } = await import('../../src/lib/ml/descent/run.ts');
    const { surfaces, surfaceIds } = await import('../../src/lib/ml/descent/surfaces.ts');
    const { optimizerIds } = await import('../../src/lib/ml/descent/optimizers.ts');
    const times = [];
    for (const id of surfaceIds) {
      for (const optimizer of optimizerIds) {
        const s = surfaces[id];
        const t0 = performance.now();
        for (let i = 0; i < 200; i++)
          runDescent(s, { optimizer, lr: 0.05, steps: 200, start: s.start });
        times.push((performance.now() - t0) / 200);
      }
    }
    return stats(times);
  } catch (err) {
    return { error: String(err) };
  }
}

/**
 * @param {{ page: import('@playwright/test').Page, baseURL: string }} ctx
 * @returns {Promise<object>} timings in milliseconds
 */
export async function run({ page, baseURL }) {
  await page.goto(new URL(LESSON, baseURL).href);
  const root = page.locator('[data-nb-widget="descent-explorer"]');
  await root.scrollIntoViewIfNeeded();
  await root
    .locator('[data-ready="true"], :scope[data-ready="true"]')
    .first()
    .waitFor({ timeout: 15000 })
    .catch(() => {});
  await page.waitForFunction(
    () =>
      document.querySelector('[data-nb-widget="descent-explorer"]')?.getAttribute('data-ready') ===
      'true',
  );
  await root.locator('input[name="steps"]').fill('200');
  // Positions spread over 0.001…10 (including diverging rates), in a fixed order.
  const positions = Array.from({ length: 80 }, (_, i) => (i * 137) % 401);
  await measure(page, positions.slice(0, 10)); // warm-up (JIT, first layout)
  const single = await measure(page, positions);
  await root.locator('input[name="race"]').check();
  const race = await measure(page, positions);
  await root.locator('input[name="race"]').uncheck();
  const result = {
    workload: 'descent-explorer slider-to-redraw, 200-step path',
    steps: 200,
    computeMs: await computeInNode(),
    single: {
      handlerMs: stats(single.handler),
      layoutMs: stats(single.layout),
      frameMs: stats(single.frame),
    },
    race: {
      handlerMs: stats(race.handler),
      layoutMs: stats(race.layout),
      frameMs: stats(race.frame),
    },
    targetMs: 16,
  };
  result.meetsTarget = result.single.layoutMs.median < 16 && result.race.layoutMs.median < 16;
  return result;
}
