// The CNN bench page: exposes window.nbCnnBench so scripts/bench/cnn.mjs can time the digits CNN
// on each path: the typed-array engine in one or two workers, and tfjs backends (main-thread loop
// over the same network built by buildTfModel, Adam, batch 32).
import type { Scalar } from '@tensorflow/tfjs-core';
import { loadDigits, splitToFloat } from '../../../src/lib/data/digits';
import type { BackendName } from '../../../src/lib/ml/backend-order';
import { startCnnWorkers } from '../../../src/lib/ml/cnn/client';
import type { FromCnnWorker } from '../../../src/lib/ml/cnn/protocol';
import { digitsCnnSpec, initWeights } from '../../../src/lib/ml/cnn/spec';
import { buildTfModel } from '../../../src/lib/ml/cnn/tf-model';
import { importTf, setTfBackend } from '../../../src/lib/ml/tf';

const DATA = '/data/digits.bin';

/**
 * Trains in the CNN worker(s) from `seed` until `ms` of training time or test accuracy ≥ `until`;
 * returns examples/s over the run (after a 0.5 s warm-up) and when accuracy first reached `until`.
 */
async function typed(opts: { workers: 1 | 2; ms: number; until?: number; evalEveryMs?: number }) {
  const w = await startCnnWorkers(
    { dataUrl: DATA, seed: 1, evalEveryMs: opts.evalEveryMs ?? 0 },
    { workers: opts.workers },
  );
  const curve: { trainMs: number; examples: number; accuracy: number }[] = [];
  const wall0 = performance.now();
  let last: Extract<FromCnnWorker, { type: 'progress' }> | undefined;
  let warm: { trainMs: number; examples: number } | undefined;
  let reachedMs: number | null = null;
  let reachedWallMs: number | null = null;
  try {
    await new Promise<void>((resolve, reject) => {
      w.on((m) => {
        if (m.type === 'error') reject(new Error(m.message));
        if (m.type !== 'progress') return;
        last = m;
        if (!warm && m.trainMs >= 500) warm = { trainMs: m.trainMs, examples: m.examples };
        if (m.testAccuracy !== null) {
          curve.push({
            trainMs: Math.round(m.trainMs),
            examples: m.examples,
            accuracy: m.testAccuracy,
          });
          if (opts.until !== undefined && reachedMs === null && m.testAccuracy >= opts.until) {
            reachedMs = m.trainMs;
            reachedWallMs = performance.now() - wall0;
          }
        }
        if (!m.playing) resolve();
      });
      w.send({
        type: 'play',
        ms: opts.ms,
        ...(opts.until !== undefined ? { untilAccuracy: opts.until } : {}),
      });
    });
  } finally {
    w.terminate();
  }
  const end = last!;
  const from = warm ?? { trainMs: 0, examples: 0 };
  return {
    workers: w.count,
    examplesPerSec: Math.round(
      ((end.examples - from.examples) * 1000) / (end.trainMs - from.trainMs),
    ),
    trainMs: Math.round(end.trainMs),
    examples: end.examples,
    secondsTo: reachedMs === null ? null : Math.round(reachedMs) / 1000,
    wallSecondsTo: reachedWallMs === null ? null : Math.round(reachedWallMs) / 1000,
    curve,
  };
}

/** The same network on a tfjs backend (main thread), Adam, batch 32: examples/s over `ms`. */
async function tfjs(backend: BackendName, ms: number) {
  const tf = await importTf();
  if (!(await setTfBackend(tf, backend)))
    return { backend, examplesPerSec: null, error: 'not offered' };
  const data = await loadDigits(DATA);
  const B = 32;
  const xs = tf.tensor4d(splitToFloat(data.train).subarray(0, 1024 * 784), [1024, 28, 28, 1]);
  const labels = data.train.labels.subarray(0, 1024);
  const model = buildTfModel(tf, digitsCnnSpec, initWeights(digitsCnnSpec, 1));
  const opt = tf.train.adam(0.002);
  const vars = Object.values(model.variables);
  let i = 0;
  const step = () => {
    const lo = (i * B) % 1024;
    i++;
    return tf.tidy(() =>
      opt.minimize(
        () =>
          model.loss(
            tf.slice(xs, [lo, 0, 0, 0], [B, 28, 28, 1]),
            labels.subarray(lo, lo + B),
          ) as Scalar,
        true,
        vars,
      )!,
    );
  };
  try {
    for (let k = 0; k < 3; k++) {
      const l = step();
      await l.data();
      l.dispose();
    }
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < ms) {
      const l = step();
      await l.data();
      l.dispose();
      n++;
    }
    return {
      backend: tf.getBackend(),
      examplesPerSec: Math.round((n * B * 1000) / (performance.now() - t0)),
    };
  } catch (e) {
    return { backend, examplesPerSec: null, error: e instanceof Error ? e.message : String(e) };
  } finally {
    opt.dispose();
    model.dispose();
    xs.dispose();
  }
}

(globalThis as unknown as { nbCnnBench: unknown }).nbCnnBench = { typed, tfjs };
document.body.dataset['ready'] = '1';
