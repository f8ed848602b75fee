// Pure: no DOM. Times n×n matrix products on whatever tfjs backend is active. Runs in the
// benchmark worker and in Node tests (tfjs cpu). Every tensor is disposed.
import type { Tf } from '../ml/tf.ts';
import { gflops, nextReps, type BenchPoint } from './model.ts';
import type { BackendName } from '../ml/backend-order.ts';

export interface MeasureOptions {
  /** Time to fill with products before a size counts as measured (ms); default 300. */
  budgetMs?: number;
  /** Clock in ms; default performance.now. */
  now?: () => number;
  /** Seed of the random matrices. */
  seed?: number;
}

/**
 * Multiplies two seeded n×n float32 matrices repeatedly on the active backend and returns the
 * rate. One warm-up product first (GPU backends compile shaders then). Each batch ends by reading
 * the last result back (`await data()`), so queued GPU work is counted.
 */
export async function measureMatmul(
  tf: Tf,
  backend: BackendName,
  n: number,
  opts: MeasureOptions = {},
): Promise<BenchPoint> {
  const budgetMs = opts.budgetMs ?? 300;
  const now = opts.now ?? (() => performance.now());
  const seed = opts.seed ?? 1;
  const a = tf.randomUniform([n, n], -1, 1, 'float32', seed);
  const b = tf.randomUniform([n, n], -1, 1, 'float32', seed + 1);
  try {
    const warm = tf.matMul(a, b);
    await warm.data();
    warm.dispose();
    let reps = 1;
    for (;;) {
      const t0 = now();
      let last: ReturnType<Tf['matMul']> | undefined;
      for (let i = 0; i < reps; i++) {
        last?.dispose();
        last = tf.matMul(a, b);
      }
      await last?.data();
      last?.dispose();
      const ms = now() - t0;
      const more = nextReps(reps, ms, budgetMs);
      if (more === 0 || reps >= 4096)
        return { backend, n, reps, seconds: ms / 1000, gflops: gflops(n, reps, ms / 1000) };
      reps = more;
    }
  } finally {
    a.dispose();
    b.dispose();
  }
}
