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

/** Calls `fn` repeatedly for at least `ms` milliseconds; returns [calls, elapsed ms]. */
function timedCalls(fn: () => void, ms: number): [number, number] {
  const start = performance.now();
  let n = 0;
  let now: number;
  do {
    fn();
    n++;
    now = performance.now();
  } while (now - start < ms);
  return [n, now - start];
}

/** Calls `fn` repeatedly for `ms` milliseconds (after `warm` untimed calls); returns calls/s. */
function rate(fn: () => void, ms: number, warm = 1): number {
  for (let i = 0; i < warm; i++) fn();
  const [n, t] = timedCalls(fn, ms);
  return (n * 1000) / t;
}

/** Rounds per engine pair: the machine's load changes within seconds (PITFALLS.md). */
const ROUNDS = 4;

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
  const typedStep = () => trainer.step(fillCharBatch(batch, ids, rng));
  for (let i = 0; i < 2; i++) typedStep();

  // Each tfjs backend is timed in rounds alternating with the typed-array engine, so both see
  // the same load; a speedup compares a backend with the engine's rounds beside it.
  const { importTf, setTfBackend } = await import('../ml/tf.ts');
  const tf = await importTf();
  const tfjs: CharBenchResult['tfjsStepsPerSec'] = {};
  const typedBeside: Partial<Record<BackendName, number>> = {};
  let typedN = 0;
  let typedMs = 0;
  for (const name of backends) {
    if (!(await setTfBackend(tf, name))) continue;
    const t = createTfCharTrainer(tf, cloneModel(trained.model), 1e-4, C.CHARLM_CLIP);
    try {
      const tfStep = () => t.step(fillCharBatch(batch, ids, rng));
      for (let i = 0; i < 2; i++) tfStep();
      let aN = 0;
      let aMs = 0;
      let bN = 0;
      let bMs = 0;
      for (let r = 0; r < ROUNDS; r++) {
        const [xn, xms] = timedCalls(typedStep, ms / ROUNDS);
        const [yn, yms] = timedCalls(tfStep, ms / ROUNDS);
        aN += xn;
        aMs += xms;
        bN += yn;
        bMs += yms;
      }
      typedN += aN;
      typedMs += aMs;
      typedBeside[name] = (aN * 1000) / aMs;
      tfjs[name] = round((bN * 1000) / bMs);
    } finally {
      t.dispose();
    }
  }
  const typed = typedMs > 0 ? (typedN * 1000) / typedMs : rate(typedStep, ms);
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
    speedupVsBestTfjs: best
      ? Math.round(((typedBeside[best.backend] ?? typed) / best.stepsPerSec) * 100) / 100
      : null,
    charsGeneratedPerSec: Math.round(gen * chunk),
  };
}
