// Bench module for lesson 3.2 (long short-term memory), called by `npm run bench` with a Playwright
// page of the built site: `await run({ page, baseURL })`. In the lesson's own worker
// (src/workers/lstm.worker.ts, its 'bench' command, src/lib/charlm/bench.ts) it times
//   - training steps/s of the character model (LSTM 64 units, 85 characters, batch 16 × 48
//     characters, Adam, clipping) on the typed-array engine (src/lib/ml/lstm) and of the same model,
//     weights and batches on every tfjs backend that comes up (src/lib/charlm/tf-model.ts), in the
//     same worker and run, in four rounds per backend alternating with the engine (so both see the
//     same load; the speedup compares the best backend with the engine's rounds beside it).
//     Target: engine ≥ 3× tfjs's best backend.
//   - characters generated per second by the shipped model at temperature 1. Target ≥ 200.
// Medians of NB_BENCH_RUNS (default 3) passes. This machine is noisy: compare within one run.
/* global Worker -- used inside page.evaluate. */
const LESSON = '/recurrent-networks/long-short-term-memory/';

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
}

export async function run({ page, baseURL }) {
  const seconds = Number(process.env.NB_BENCH_SECONDS ?? 2);
  const runs = Number(process.env.NB_BENCH_RUNS ?? 3);
  await page.goto(`${baseURL}${LESSON}`);
  await page.locator('#char-lstm').scrollIntoViewIfNeeded();
  await page.waitForSelector('#char-lstm[data-ready="true"]', { timeout: 60_000 });
  const workerUrl = await page.evaluate(
    () =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .find((n) => /lstm\.worker/.test(n)) ?? null,
  );
  if (!workerUrl) throw new Error('the lesson page did not load the LSTM worker');
  const base = new URL('/models/charlm/', baseURL).href;
  const results = [];
  for (let i = 0; i < runs; i++) {
    results.push(
      await page.evaluate(
        ({ url, base, seconds }) =>
          new Promise((resolve, reject) => {
            const w = new Worker(url, { type: 'module' });
            w.onerror = (e) => reject(new Error(`worker failed: ${e.message}`));
            w.onmessage = (e) => {
              if (e.data.type === 'error') reject(new Error(e.data.message));
              if (e.data.type !== 'bench') return;
              w.terminate();
              resolve(e.data.result);
            };
            w.postMessage({ type: 'bench', base, seconds, backends: ['wasm', 'cpu', 'webgl'] });
          }),
        { url: workerUrl, base, seconds },
      ),
    );
  }
  const speedups = results.map((r) => r.speedupVsBestTfjs).filter((v) => v !== null);
  const chars = results.map((r) => r.charsGeneratedPerSec);
  return {
    setup: results[0].setup,
    runs: results,
    headline: {
      lstmSpeedupVsTfjs: median(speedups),
      charsGeneratedPerSec: median(chars),
    },
  };
}
