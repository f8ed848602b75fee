// Worker side (no DOM): picks the engine that trains the character model on this device. Without
// a hardware GPU it answers 'typed' at once and never loads tfjs. With one it times a few
// training steps of the typed-array engine and of tfjs on each hardware GPU backend (copies of
// the model, fixed batches, everything disposed) and keeps the fastest (engine-choice.ts).
import { probeEngines, type EngineProbeDeps, type EngineProbeResult } from '../ml/engine-probe.ts';
import { cloneModel, createTrainer, type RecurrentModel } from '../ml/lstm/index.ts';
import { createRng } from '../ml/rng.ts';
import { createCharBatch, fillCharBatch } from './batches.ts';
import * as C from './config.ts';
import { createTfCharTrainer } from './tf-model.ts';

export type { EngineProbeDeps, EngineProbeResult } from '../ml/engine-probe.ts';

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
  const batch = createCharBatch(batchSize, steps);
  const rng = createRng(C.CHARLM_SEED);
  return probeEngines(
    {
      typed: () => {
        const typed = createTrainer({
          spec: model.spec,
          seed: 0,
          model: cloneModel(model),
          learningRate: 1e-4,
          clipNorm: C.CHARLM_CLIP,
        });
        return () => typed.step(fillCharBatch(batch, ids, rng));
      },
      onTf: (tf) => {
        const t = createTfCharTrainer(tf, cloneModel(model), 1e-4, C.CHARLM_CLIP);
        return { step: () => t.step(fillCharBatch(batch, ids, rng)), dispose: () => t.dispose() };
      },
    },
    deps,
    ms,
  );
}
