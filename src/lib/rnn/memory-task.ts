// Pure: no DOM. The memory task of the RNN lesson: remember the first value of a sequence across
// a delay of N distractor steps, and name its sign at the end. A tanh RNN and an LSTM of the same size
// are trained on it from one seed with the typed-array recurrent engine (src/lib/ml/lstm), one
// delay after another, in small slices so a worker can report progress. Used by the worker and tests.
import { createRng, type Rng } from '../ml/rng.ts';
import { createTrainer, evaluate, type RecurrentTrainer } from '../ml/lstm/index.ts';
import type { CellKind, SequenceBatch } from '../ml/lstm/index.ts';
import type { OptimizerName } from '../ml/dense/optimizers.ts';

/**
 * Inputs have two features: a value and a marker that is 1 only at the first step. The first
 * value is +1 or −1; later values are Gaussian distractors (standard deviation `noise`, default 2,
 * so most are larger than the value to remember). The target, at the last step only, is the first
 * value (class 1 for +1, 0 for −1).
 * The network has to store the marked value and keep every later value out of its memory.
 */
export const MEMORY_FEATURES = 2;

export interface MemorySettings {
  readonly seed: number;
  /** Delays N to train on, in order: each sequence has N + 1 steps. */
  readonly delays: readonly number[];
  /** Hidden units of both networks. */
  readonly hidden: number;
  /** Training steps (mini-batches) per network and delay. */
  readonly steps: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** Global gradient-norm clip. */
  readonly clipNorm: number;
  readonly optimizer: OptimizerName;
  /** Sequences in the fixed test set of each delay. */
  readonly testSize: number;
  /** Standard deviation of the distractor values (Gaussian). */
  readonly noise: number;
}

export const memoryDefaults: MemorySettings = {
  seed: 1,
  delays: [2, 5, 10, 20, 40],
  hidden: 8,
  steps: 200,
  batchSize: 32,
  learningRate: 0.01,
  clipNorm: 1,
  optimizer: 'adam',
  testSize: 256,
  noise: 2,
};

/** A batch of `size` sequences with delay N (N + 1 steps), drawn from `rng`. */
export function memoryBatch(rng: Rng, delay: number, size: number, noise = 1): SequenceBatch {
  const T = delay + 1;
  const features = new Float32Array(size * T * MEMORY_FEATURES);
  const targets = new Int8Array(size * T).fill(-1);
  for (let b = 0; b < size; b++) {
    for (let t = 0; t < T; t++) {
      if (t > 0) {
        features[(b * T + t) * 2] = rng.normal() * noise;
        continue;
      }
      const v = rng.int(2);
      features[(b * T + t) * 2] = v ? 1 : -1;
      {
        features[b * T * 2 + 1] = 1;
        targets[b * T + T - 1] = v;
      }
    }
  }
  return { batchSize: size, steps: T, features, targets };
}

export const CELLS: readonly CellKind[] = ['rnn', 'lstm'];

/** One network on one delay: its test accuracy after every `every` training steps. */
export interface MemoryCurve {
  readonly cell: CellKind;
  readonly delay: number;
  /** Training steps done. */
  step: number;
  /** Test accuracy (0–1) after 0, every, 2·every, … steps. */
  readonly accuracies: number[];
  /** Test accuracy now. */
  accuracy: number;
  done: boolean;
}

export interface MemoryRun {
  readonly settings: MemorySettings;
  readonly curves: MemoryCurve[];
  /** Index into curves of the one training now (curves.length when all are done). */
  current: number;
}

interface Live {
  trainer: RecurrentTrainer;
  rng: Rng;
  test: SequenceBatch;
}

const EVAL_EVERY = 25;

/**
 * Creates the run: for each delay, the RNN then the LSTM. Every network starts from weights of
 * the same seed (its own cell kind), sees the same batches and is tested on the same test set.
 */
export function createMemoryRun(settings: MemorySettings = memoryDefaults): {
  run: MemoryRun;
  /** Trains until `budget()` returns false or everything is done; returns true when all done. */
  advance(budget: () => boolean): boolean;
} {
  const curves: MemoryCurve[] = [];
  for (const delay of settings.delays)
    for (const cell of CELLS)
      curves.push({ cell, delay, step: 0, accuracies: [], accuracy: 0.5, done: false });
  const run: MemoryRun = { settings, curves, current: 0 };
  let live: Live | null = null;

  const start = (c: MemoryCurve): Live => {
    const spec = {
      cell: c.cell,
      inputSize: MEMORY_FEATURES,
      hiddenSize: settings.hidden,
      outputSize: 2,
    };
    const trainer = createTrainer({
      spec,
      seed: settings.seed,
      learningRate: settings.learningRate,
      clipNorm: settings.clipNorm,
      optimizer: settings.optimizer,
    });
    // Batches and test set depend on the seed and the delay only, so both cells see the same data.
    const test = memoryBatch(
      createRng(settings.seed * 7919 + c.delay * 31 + 1),
      c.delay,
      settings.testSize,
      settings.noise,
    );
    const l = { trainer, rng: createRng(settings.seed * 7919 + c.delay * 31 + 2), test };
    const acc = evaluate(trainer.model, test).accuracy;
    c.accuracies.push(acc);
    c.accuracy = acc;
    return l;
  };

  return {
    run,
    advance(budget) {
      while (run.current < curves.length) {
        const c = curves[run.current]!;
        live ??= start(c);
        while (c.step < settings.steps) {
          if (!budget()) return false;
          live.trainer.step(memoryBatch(live.rng, c.delay, settings.batchSize, settings.noise));
          c.step++;
          if (c.step % EVAL_EVERY === 0 || c.step === settings.steps) {
            const acc = evaluate(live.trainer.model, live.test).accuracy;
            c.accuracies.push(acc);
            c.accuracy = acc;
          }
        }
        c.done = true;
        live = null;
        run.current++;
      }
      return true;
    },
  };
}

/** Final accuracy of each network at each delay: { delay, rnn, lstm } rows (null: not yet). */
export function accuracyTable(
  run: MemoryRun,
): { delay: number; rnn: number | null; lstm: number | null }[] {
  return run.settings.delays.map((delay) => {
    const get = (cell: CellKind) => {
      const c = run.curves.find((x) => x.cell === cell && x.delay === delay);
      return c?.done ? c.accuracy : null;
    };
    return { delay, rnn: get('rnn'), lstm: get('lstm') };
  });
}
