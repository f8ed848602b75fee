// Bench module for the deep-networks playground, called by the `npm run bench` harness:
// `await run({ page, baseURL })` on a Playwright page of the built site. It measures
//   - engine: weight updates (optimizer steps) per second of the playground's own training worker
//     on a 2-8-8-1 tanh network, spiral data, batch 10, SGD (the setup TensorFlow Playground is
//     usually timed on). The worker is the one the lesson loads; it runs unthrottled here and the
//     rate includes everything a real run does (shuffling, loss history, snapshots). Target ≥ 35,000.
//   - heatmap: milliseconds to recompute the 50×50 output grid (every unit at every cell) from a
//     snapshot's weights, as the widget does each frame, read from its drawStats. Target < 5 ms.
//   - frames: widget redraws per second and main-thread long tasks while the lesson widget trains
//     at its top speed for 5 s. Target ≥ 30 fps, no task over 50 ms.
// Returns plain JSON for bench/results.json. This machine is noisy: compare within one run.

/* global document, Worker, requestAnimationFrame -- these run inside the page (page.evaluate). */
const LESSON = '/foundations/deep-networks/';
const SETUP =
  'data=spiral&noise=0&train=50&net=8-8&feat=x1,x2&act=tanh&loss=cross-entropy&lr=0.03&batch=10&reg=none&rrate=0&drop=0&opt=sgd&decay=0&seed=1';
/** The same setup as the worker's PlaygroundState (src/lib/playground/state.ts). */
const STATE = {
  dataset: 'spiral',
  noise: 0,
  trainPercent: 50,
  hidden: [8, 8],
  features: ['x1', 'x2'],
  activation: 'tanh',
  loss: 'cross-entropy',
  learningRate: 0.03,
  batchSize: 10,
  regularization: 'none',
  regularizationRate: 0,
  dropout: 0,
  optimizer: 'sgd',
  decay: 0,
  seed: 1,
  points: [],
};

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  const r = (v) => Math.round(v * 1000) / 1000;
  return s.length
    ? { n: s.length, median: r(q(0.5)), p95: r(q(0.95)), max: r(s[s.length - 1]) }
    : { n: 0 };
}

/** Steps per second of a fresh playground worker over `ms` of unthrottled training. */
function workerRate(page, workerUrl, ms) {
  return page.evaluate(
    ({ url, state, ms }) =>
      new Promise((resolve, reject) => {
        const w = new Worker(url, { type: 'module' });
        let first;
        let last;
        w.onerror = (e) => reject(new Error(`worker failed: ${e.message}`));
        w.onmessage = (e) => {
          const m = e.data;
          if (m.type === 'error') return reject(new Error(m.message));
          if (!m.snapshot.playing) return;
          const at = performance.now();
          first ??= { at, step: m.snapshot.step };
          last = { at, step: m.snapshot.step };
        };
        w.postMessage({ type: 'init', run: 1, state, stepsPerSecond: 1e9 });
        w.postMessage({ type: 'play' });
        setTimeout(() => {
          w.terminate();
          if (!first || last.at === first.at)
            return reject(new Error('no snapshots while training'));
          resolve(((last.step - first.step) * 1000) / (last.at - first.at));
        }, ms);
      }),
    { url: workerUrl, state: STATE, ms },
  );
}

export async function run({ page, baseURL }) {
  const seconds = Number(process.env.NB_BENCH_SECONDS ?? 2);
  await page.goto(`${baseURL}${LESSON}?${SETUP}#playground`);
  await page.waitForFunction(() => {
    const el = document.querySelector('#playground [data-out="engine"]');
    return el && /engine/.test(el.textContent ?? '');
  });
  // The worker's URL (hashed at build time), from resource timing once it has loaded.
  const workerUrl = await page
    .waitForFunction(
      () =>
        performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .find((n) => /playground\.worker/.test(n)) ?? false,
      undefined,
      { timeout: 15_000 },
    )
    .then((h) => h.jsonValue())
    .catch(() => null);
  if (!workerUrl) throw new Error('the playground worker was not loaded by the lesson page');

  // 1. Engine throughput, three runs.
  const rates = [];
  for (let i = 0; i < 3; i++) rates.push(await workerRate(page, workerUrl, seconds * 1000));

  // 2 and 3. The lesson widget training at top speed for 5 s: grid time, frames, long tasks.
  await page.selectOption('#playground [data-nb-control="speed"]', '64');
  const widget = await page.evaluate(async () => {
    const el = document.querySelector('#playground');
    const long = [];
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) long.push(e.duration);
    });
    obs.observe({ type: 'longtask' });
    const grid = [];
    const draw = [];
    let seen = el.framesDrawn;
    el.querySelector('[data-nb-control="play"]').click();
    const t0 = performance.now();
    const f0 = el.framesDrawn;
    await new Promise((resolve) => {
      const tick = () => {
        if (el.framesDrawn !== seen) {
          seen = el.framesDrawn;
          grid.push(el.drawStats.gridMs);
          draw.push(el.drawStats.drawMs);
        }
        if (performance.now() - t0 < 5000) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    const fps = ((el.framesDrawn - f0) * 1000) / (performance.now() - t0);
    el.querySelector('[data-nb-control="play"]').click();
    obs.disconnect();
    return { grid, draw, fps, long, steps: el.quizState().step };
  });

  const engine = stats(rates);
  const heatmap = stats(widget.grid);
  return {
    setup: '2-8-8-1 tanh, spiral, batch 10, SGD; 50×50 grid',
    engine: {
      weightUpdatesPerSecond: engine,
      target: 35000,
      meetsTarget: engine.median >= 35000,
    },
    heatmap: { ms: heatmap, target: 5, meetsTarget: heatmap.median < 5 },
    widget: {
      drawMs: stats(widget.draw),
      framesPerSecond: Math.round(widget.fps * 10) / 10,
      longTasks: { count: widget.long.length, maxMs: Math.max(0, ...widget.long) },
      stepsIn5s: widget.steps,
      meetsTarget: widget.fps >= 30 && widget.long.length === 0,
    },
  };
}
