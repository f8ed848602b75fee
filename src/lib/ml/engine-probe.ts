// Worker side (no DOM): the probe every widget with a GPU path runs once. Without a hardware GPU
// it answers 'typed' at once and never asks for tfjs. With one it times a few training steps of
// the widget's typed-array engine and of its tfjs model on each hardware GPU backend (each tfjs
// model disposed after timing) and keeps the fastest (gpu-engine.ts). The widget supplies the two
// step functions; the character LSTM and the digits GAN use it.
import type { DeviceFacts } from './backend-order.ts';
import {
  chooseEngine,
  gpuCandidates,
  measureRate,
  type EngineRates,
  type GpuEngine,
} from './gpu-engine.ts';
import type { Tf } from './tf.ts';

export interface EngineProbeDeps {
  detect: () => Promise<DeviceFacts>;
  /** tfjs with `name` running, or null if that backend does not come up. */
  tfOn: (name: 'webgpu' | 'webgl') => Promise<Tf | null>;
  now: () => number;
}

export interface EngineProbeResult {
  engine: GpuEngine;
  rates: EngineRates;
  /** tfjs, when the engine is a GPU backend (already switched to it). */
  tf: Tf | null;
}

export interface ProbeSubject {
  /** One training step on the typed-array engine (built only when a GPU is worth trying). */
  typed: () => () => void;
  /** The same model on tfjs: one training step, and a dispose that frees its tensors. */
  onTf: (tf: Tf) => { step: () => void; dispose: () => void };
}

/** Measures about `ms` milliseconds per engine (after two untimed steps) and chooses. */
export async function probeEngines(
  subject: ProbeSubject,
  deps: EngineProbeDeps,
  ms: number,
): Promise<EngineProbeResult> {
  const device = await deps.detect();
  const gpus = gpuCandidates(device);
  if (gpus.length === 0) return { engine: 'typed', rates: {}, tf: null };
  const rates: EngineRates = { typed: measureRate(subject.typed(), deps.now, ms) };
  const tfs: Partial<Record<GpuEngine, Tf>> = {};
  for (const name of gpus) {
    try {
      const tf = await deps.tfOn(name);
      if (!tf) continue;
      const t = subject.onTf(tf);
      try {
        rates[name] = measureRate(t.step, deps.now, ms);
        tfs[name] = tf;
      } finally {
        t.dispose();
      }
    } catch {
      /* this backend cannot run the model */
    }
  }
  const engine = chooseEngine(device, rates);
  const tf = engine === 'typed' ? null : (tfs[engine] ?? null);
  if (tf && engine !== 'typed' && tf.getBackend() !== engine) await deps.tfOn(engine);
  return { engine: tf ? engine : 'typed', rates, tf };
}
