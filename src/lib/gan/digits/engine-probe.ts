// Worker side (no DOM): picks the engine that trains the digits GAN on this device. Without a
// hardware GPU it answers 'typed' at once and never loads tfjs. With one it times a few
// iterations of the typed-array session and of a tfjs session on each hardware GPU backend (both
// from the widget's default seed, everything disposed) and keeps the fastest (gpu-engine.ts).
import type { DeviceFacts } from '../../ml/backend-order.ts';
import {
  chooseEngine,
  gpuCandidates,
  measureRate,
  type EngineRates,
  type GpuEngine,
} from '../../ml/gpu-engine.ts';
import type { Tf } from '../../ml/tf.ts';
import { createDigitsSession, type DigitsSessionOptions } from './session.ts';
import { createTfDigitsSession } from './tf-session.ts';

export interface DigitsProbeDeps {
  detect: () => Promise<DeviceFacts>;
  /** tfjs with `name` running, or null if that backend does not come up. */
  tfOn: (name: 'webgpu' | 'webgl') => Promise<Tf | null>;
  now: () => number;
}

export interface DigitsProbeResult {
  engine: GpuEngine;
  rates: EngineRates;
  /** tfjs, when the engine is a GPU backend (already switched to it). */
  tf: Tf | null;
}

/** Measures about `ms` milliseconds per engine (after two untimed iterations) and chooses. */
export async function probeDigitsEngine(
  data: Pick<DigitsSessionOptions, 'images' | 'count' | 'spec' | 'training'>,
  deps: DigitsProbeDeps,
  { ms = 300 }: { ms?: number } = {},
): Promise<DigitsProbeResult> {
  const device = await deps.detect();
  const gpus = gpuCandidates(device);
  if (gpus.length === 0) return { engine: 'typed', rates: {}, tf: null };
  const opts = { ...data, seed: 1 };
  const typed = createDigitsSession(opts);
  const rates: EngineRates = { typed: measureRate(() => typed.run(1), deps.now, ms) };
  const tfs: Partial<Record<GpuEngine, Tf>> = {};
  for (const name of gpus) {
    try {
      const tf = await deps.tfOn(name);
      if (!tf) continue;
      const s = createTfDigitsSession(tf, opts);
      try {
        rates[name] = measureRate(() => s.run(1), deps.now, ms);
        tfs[name] = tf;
      } finally {
        s.dispose?.();
      }
    } catch {
      /* this backend cannot run the model */
    }
  }
  const engine = chooseEngine(device, rates);
  const tf = engine === 'typed' ? null : (tfs[engine] ?? null);
  if (tf && tf.getBackend() !== engine) await deps.tfOn(engine as 'webgpu' | 'webgl');
  return { engine: tf ? engine : 'typed', rates, tf };
}
