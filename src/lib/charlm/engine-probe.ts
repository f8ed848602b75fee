// Worker side (no DOM): picks the engine that trains the character model on this device. Without
// a hardware GPU it answers 'typed' at once and never loads tfjs. With one it times a few
// training steps of the typed-array engine and of tfjs on each hardware GPU backend (copies of
// the model, fixed batches, everything disposed) and keeps the fastest (engine-choice.ts).
import type { DeviceFacts } from '../ml/backend-order.ts';
import { measureRate } from '../ml/gpu-engine.ts';
import { cloneModel, createTrainer, type RecurrentModel } from '../ml/lstm/index.ts';
import { createRng } from '../ml/rng.ts';
import type { Tf } from '../ml/tf.ts';
import { createCharBatch, fillCharBatch } from './batches.ts';
import * as C from './config.ts';
import {
  chooseCharEngine,
  gpuCandidates,
  type CharEngine,
  type CharEngineRates,
} from './engine-choice.ts';
import { createTfCharTrainer } from './tf-model.ts';

export interface EngineProbeDeps {
  detect: () => Promise<DeviceFacts>;
  /** tfjs with `name` running, or null if that backend does not come up. */
  tfOn: (name: 'webgpu' | 'webgl') => Promise<Tf | null>;
  now: () => number;
}

export interface EngineProbeResult {
  engine: CharEngine;
  rates: CharEngineRates;
  /** tfjs, when the engine is a GPU backend (already switched to it). */
  tf: Tf | null;
}

const PROBE_MS = 300;

export interface EngineProbeOptions {
  /** Timing per engine, ms (default 300, after two untimed steps). */
  ms?: number;
  /** The batch timed (default: the widget's, CHARLM_BATCH × CHARLM_SEQ). */
  batchSize?: number;
  steps?: number;
}

/** Measures and chooses; `ids` is the encoded training text. */
export async function probeCharEngine(
  model: RecurrentModel,
  ids: Int32Array,
  deps: EngineProbeDeps,
  { ms = PROBE_MS, batchSize = C.CHARLM_BATCH, steps = C.CHARLM_SEQ }: EngineProbeOptions = {},
): Promise<EngineProbeResult> {
  const device = await deps.detect();
  const gpus = gpuCandidates(device);
  if (gpus.length === 0) return { engine: 'typed', rates: {}, tf: null };
  const batch = createCharBatch(batchSize, steps);
  const rng = createRng(C.CHARLM_SEED);
  const typed = createTrainer({
    spec: model.spec,
    seed: 0,
    model: cloneModel(model),
    learningRate: 1e-4,
    clipNorm: C.CHARLM_CLIP,
  });
  const rates: CharEngineRates = {
    typed: measureRate(() => typed.step(fillCharBatch(batch, ids, rng)), deps.now, ms),
  };
  const tfs: Partial<Record<CharEngine, Tf>> = {};
  for (const name of gpus) {
    try {
      const tf = await deps.tfOn(name);
      if (!tf) continue;
      const t = createTfCharTrainer(tf, cloneModel(model), 1e-4, C.CHARLM_CLIP);
      try {
        rates[name] = measureRate(() => t.step(fillCharBatch(batch, ids, rng)), deps.now, ms);
        tfs[name] = tf;
      } finally {
        t.dispose();
      }
    } catch {
      /* this backend cannot run the model */
    }
  }
  const engine = chooseCharEngine(device, rates);
  const tf = engine === 'typed' ? null : (tfs[engine] ?? null);
  if (tf && engine !== 'typed' && tf.getBackend() !== engine) await deps.tfOn(engine);
  return { engine: tf ? engine : 'typed', rates, tf };
}
