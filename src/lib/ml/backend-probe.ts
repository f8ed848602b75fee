// Measures which backend trains a workload fastest on this device: a few hundred milliseconds per
// candidate, same seed, everything disposed. Runs in the worker (or the main-thread fallback).
import type { BackendName } from './backend-order';
import type { WorkloadConfig } from './protocol';
import type { Tf } from './tf';
import { setTfBackend } from './tf';
import { createWorkload } from './workloads';

export interface ProbeOptions {
  /** Measuring time per backend, ms (default 200). */
  ms?: number;
  /** Untimed warm-up steps (shader compilation, wasm start-up); default 2. */
  warmup?: number;
  now?: () => number;
}

/** Steps/s per backend that came up; backends that fail are left out. */
export async function probeBackends(
  tf: Tf,
  config: WorkloadConfig,
  seed: number,
  candidates: readonly BackendName[],
  { ms = 200, warmup = 2, now = () => performance.now() }: ProbeOptions = {},
): Promise<Partial<Record<BackendName, number>>> {
  const out: Partial<Record<BackendName, number>> = {};
  for (const name of candidates) {
    if (!(await setTfBackend(tf, name))) continue;
    let w: ReturnType<typeof createWorkload> | undefined;
    try {
      w = createWorkload(tf, config, seed);
      for (let i = 0; i < warmup; i++) {
        const l = w.step();
        l.dataSync();
        l.dispose();
      }
      const t0 = now();
      let n = 0;
      while (now() - t0 < ms) {
        const l = w.step();
        n++;
        // Read every few steps so GPU backends cannot just queue work.
        if (n % 4 === 0) l.dataSync();
        l.dispose();
      }
      out[name] = (n * 1000) / (now() - t0);
    } catch {
      /* this backend cannot run the workload */
    } finally {
      try {
        w?.dispose();
      } catch {
        /* lost context: nothing to free */
      }
    }
  }
  return out;
}

export { fastest } from './backend-order';
