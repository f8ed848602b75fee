// Worker-side timing of the character model (loaded on demand by src/workers/lstm.worker.ts for
// scripts/bench/lstm.mjs): training steps per second of the typed-array engine and of the same
// model on each tfjs backend, in the same worker and run, and characters generated per second.
import { createRng } from '../ml/rng.ts';
import { cloneModel, createTrainer } from '../ml/lstm/index.ts';
import type { BackendName } from '../ml/tf.ts';
import { createCharBatch, fillCharBatch } from './batches.ts';
import * as C from './config.ts';
import type { CharModel } from './format.ts';
import { generate } from './sample.ts';
import { createTfCharTrainer } from './tf-model.ts';

export interface CharBenchResult {
  /** The model and batch timed. */
  setup: { hidden: number; vocab: number; batch: number; seq: number };
  typedStepsPerSec: number;
  /** Steps per second per tfjs backend that came up (absent: it did not). */
  tfjsStepsPerSec: Partial<Record<BackendName, number>>;
  bestTfjs: { backend: BackendName; stepsPerSec: number } | null;
  speedupVsBestTfjs: number | null;
  charsGeneratedPerSec: number;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Calls `fn` repeatedly for `ms` milliseconds (after `warm` untimed calls); returns calls/s. */
function rate(fn: () => void, ms: number, warm = 1): number {
  for (let i = 0; i < warm; i++) fn();
  const start = performance.now();
  let n = 0;
  let now: number;
  do {
    fn();
    n++;
    now = performance.now();
  } while (now - start < ms);
  return (n * 1000) / (now - start);
}

export async function benchCharModel(
  trained: CharModel,
  ids: Int32Array,
  seconds: number,
  backends: readonly BackendName[],
): Promise<CharBenchResult> {
  const ms = seconds * 1000;
  const batch = createCharBatch(C.CHARLM_BATCH, C.CHARLM_SEQ);
  const rng = createRng(1);
  const trainer = createTrainer({
    spec: trained.model.spec,
    seed: 0,
    model: cloneModel(trained.model),
    learningRate: 1e-4,
    clipNorm: C.CHARLM_CLIP,
  });
  const typed = rate(() => trainer.step(fillCharBatch(batch, ids, rng)), ms, 2);

  const { importTf, setTfBackend } = await import('../ml/tf.ts');
  const tf = await importTf();
  const tfjs: CharBenchResult['tfjsStepsPerSec'] = {};
  for (const name of backends) {
    if (!(await setTfBackend(tf, name))) continue;
    const t = createTfCharTrainer(tf, cloneModel(trained.model), 1e-4, C.CHARLM_CLIP);
    try {
      tfjs[name] = round(rate(() => t.step(fillCharBatch(batch, ids, rng)), ms, 2));
    } finally {
      t.dispose();
    }
  }
  let best: CharBenchResult['bestTfjs'] = null;
  for (const [backend, v] of Object.entries(tfjs) as [BackendName, number][]) {
    if (!best || v > best.stepsPerSec) best = { backend, stepsPerSec: v };
  }

  const genRng = createRng(2);
  const chunk = 200;
  const gen = rate(
    () =>
      generate(trained.model, trained.vocab, {
        prompt: 'The ',
        count: chunk,
        temperature: 1,
        rng: genRng,
      }),
    ms,
  );
  return {
    setup: {
      hidden: trained.model.spec.hiddenSize,
      vocab: trained.model.spec.outputSize,
      batch: C.CHARLM_BATCH,
      seq: C.CHARLM_SEQ,
    },
    typedStepsPerSec: round(typed),
    tfjsStepsPerSec: tfjs,
    bestTfjs: best,
    speedupVsBestTfjs: best ? Math.round((typed / best.stepsPerSec) * 100) / 100 : null,
    charsGeneratedPerSec: Math.round(gen * chunk),
  };
}
