// The bench page: exposes window.nbBench so scripts/bench.mjs can time the training runtime (worker)
// against a plain main-thread tfjs loop over the same workloads, per backend.
import { createTrainer } from '../../../src/lib/ml/client';
import type { BackendName } from '../../../src/lib/ml/backend-order';
import { BACKENDS } from '../../../src/lib/ml/backend-order';
import type { FromTrainer, WorkloadConfig } from '../../../src/lib/ml/protocol';
import { importTf, setTfBackend } from '../../../src/lib/ml/tf';
import { createWorkload } from '../../../src/lib/ml/workloads';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function offered(): Promise<BackendName[]> {
  const tf = await importTf();
  const out: BackendName[] = [];
  for (const b of BACKENDS) if (await setTfBackend(tf, b)) out.push(b);
  await setTfBackend(tf, 'cpu');
  return out;
}

/** Steps/s through the runtime worker: init, warm up, then play for `seconds`. */
async function runtime(config: WorkloadConfig, backend: BackendName, seconds: number) {
  const t = createTrainer(config, 1, { backend, worker: true, storage: null });
  let step = 0;
  let actual: string | undefined;
  let error: string | undefined;
  let ready = false;
  t.subscribe((m: FromTrainer) => {
    if (m.type === 'progress') {
      step = m.step;
      actual = m.backend;
      ready = true;
    } else if (m.type === 'error') error = m.message;
  });
  try {
    while (!ready && !error) await sleep(20);
    t.step(3); // warm-up (shader compilation, wasm start-up)
    while (step < 3 && !error) await sleep(20);
    t.play();
    await sleep(300);
    const s0 = step;
    const t0 = performance.now();
    await sleep(seconds * 1000);
    const s1 = step;
    const t1 = performance.now();
    return { backend: actual, stepsPerSec: ((s1 - s0) * 1000) / (t1 - t0), error };
  } finally {
    t.dispose();
  }
}

/** Steps/s of a plain loop on the main thread (same workload code, no runtime around it). */
async function plain(config: WorkloadConfig, backend: BackendName, seconds: number) {
  const tf = await importTf();
  if (!(await setTfBackend(tf, backend)))
    return { backend: tf.getBackend(), stepsPerSec: null, error: 'unavailable' };
  const w = createWorkload(tf, config, 1);
  try {
    for (let i = 0; i < 3; i++) {
      const l = w.step();
      l.dataSync();
      l.dispose();
    }
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < seconds * 1000) {
      const l = w.step();
      n++;
      if (n % 4 === 0) l.dataSync();
      l.dispose();
    }
    const l = w.step();
    l.dataSync();
    l.dispose();
    n++;
    return { backend, stepsPerSec: (n * 1000) / (performance.now() - t0) };
  } finally {
    w.dispose();
  }
}

/** The longest main-thread task while the worker trains for `seconds` (auto backend). */
async function longestTask(config: WorkloadConfig, seconds: number) {
  const durations: number[] = [];
  const po = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) durations.push(e.duration);
  });
  po.observe({ type: 'longtask' });
  const t = createTrainer(config, 1, { worker: true, storage: null });
  let step = 0;
  let backend: string | undefined;
  t.subscribe((m) => {
    if (m.type === 'progress') {
      step = m.step;
      backend = m.backend;
    }
  });
  while (!backend) await sleep(20);
  t.play();
  await sleep(500);
  durations.length = 0;
  const s0 = step;
  await sleep(seconds * 1000);
  const steps = step - s0;
  po.disconnect();
  t.dispose();
  return {
    backend,
    steps,
    longTasks: durations.length,
    longestMs: durations.length ? Math.max(...durations) : 0,
  };
}

Object.assign(window, { nbBench: { offered, runtime, plain, longestTask } });
document.body.dataset['ready'] = '1';
