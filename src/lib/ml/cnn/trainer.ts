// Pure: no DOM. Trains the typed-array CNN on the packed digits: seeded initial weights and batch
// order, minibatch gradients (one example at a time, summed), Adam (tfjs's formulas, shared with
// the dense engine). Runs in a worker (src/workers/cnn.worker.ts), on the main thread and in Node.
import type { DigitsSet } from '../../data/digits-format.ts';
import { applyGradients, createOptimizer, type OptimizerName } from '../dense/optimizers.ts';
import { createRng, permutation } from '../rng.ts';
import { createNet, paramsOf } from './net.ts';
import { evaluateSplit, type CnnEvaluation } from './predict.ts';
import {
  checkWeights,
  cloneWeights,
  digitsCnnSpec,
  initWeights,
  paramShapes,
  type CnnSpec,
  type CnnWeights,
} from './spec.ts';

export interface CnnTrainerOptions {
  /** The packed digits (loadDigits() in pages, packDigits()/buildDigitsSet() in Node). */
  data: DigitsSet;
  spec?: CnnSpec;
  /** Initial weights and batch order; default 1. */
  seed?: number;
  /** Default 0.003 (Adam; the lesson's default). */
  learningRate?: number;
  /** Default 32. */
  batchSize?: number;
  optimizer?: OptimizerName;
  /** Train only on these labels (e.g. [0,1,2,3,4] for the transfer-learning start). */
  classes?: readonly number[];
  /** Start from these weights instead of a seeded initialisation (copied). */
  weights?: CnnWeights;
  /** Data augmentation: shift each training image by up to this many pixels (default 0). */
  shift?: number;
}

export interface CnnStepResult {
  /** Mean loss of the batch. */
  loss: number;
  /** Correct predictions in the batch (before the update). */
  correct: number;
}

export interface CnnTrainer {
  readonly spec: CnnSpec;
  readonly batchSize: number;
  /** Training examples available (after the class filter). */
  readonly trainSize: number;
  /** Optimisation steps taken. */
  readonly steps: number;
  /** Examples consumed (steps × batch size). */
  readonly examplesSeen: number;
  /** examplesSeen / trainSize. */
  readonly epoch: number;
  /** One minibatch step. */
  step(): CnnStepResult;
  /** Steps until `ms` milliseconds have passed (at least one); totals over them. */
  trainFor(ms: number, now?: () => number): { steps: number; examples: number; loss: number };
  /** Accuracy/loss/confusion on the held-out test digits (of `classes`), optionally a prefix. */
  evaluate(opts?: { limit?: number }): CnnEvaluation;
  /** A copy of the current weights. */
  weights(): CnnWeights;
  setWeights(w: CnnWeights): void;
  learningRate: number;
  /** The live parameter arrays in spec order (for sending to a helper; do not resize). */
  readonly paramArrays: readonly Float32Array[];
  /**
   * Gradient of the mean loss over `indices` (training-set positions) at `params`, summed into
   * fresh arrays scaled by 1/`scaleBy`: the piece a helper worker computes for half a batch.
   */
  gradients(
    indices: ArrayLike<number>,
    scaleBy: number,
  ): { grads: Float32Array[]; loss: number; correct: number };
  /** The next batch's training-set positions (advances the seeded order). */
  nextBatch(): Uint32Array;
  /** Applies summed gradients (from gradients() of every part of a batch) with the optimiser. */
  apply(grads: readonly Float32Array[]): void;
}

export function createCnnTrainer(opts: CnnTrainerOptions): CnnTrainer {
  const spec = opts.spec ?? digitsCnnSpec;
  const seed = opts.seed ?? 1;
  const batchSize = opts.batchSize ?? 32;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batch size must be ≥ 1');
  const { train, test } = opts.data;
  const n = spec.input[0] * spec.input[1] * spec.input[2];
  const keep = opts.classes ? new Set(opts.classes) : null;
  const pool: number[] = [];
  for (let i = 0; i < train.count; i++) if (!keep || keep.has(train.labels[i]!)) pool.push(i);
  const trainSize = pool.length;
  const start = opts.weights ? cloneWeights(opts.weights) : initWeights(spec, seed);
  checkWeights(spec, start);
  const current = start;
  const params = paramsOf(spec, current);
  const sizes = paramShapes(spec).map((p) => p.shape.reduce((a, b) => a * b, 1));
  const grads = sizes.map((s) => new Float32Array(s));
  const net = createNet(spec);
  const optimizer = createOptimizer(opts.optimizer ?? 'adam', params);
  const rng = createRng((seed ^ 0x2545f491) >>> 0);
  let order = permutation(trainSize, rng);
  let cursor = 0;
  let steps = 0;
  let lr = opts.learningRate ?? 0.003;
  const x = new Float32Array(n);
  const batch = new Uint32Array(batchSize);
  const K = spec.classes;
  const shift = Math.max(0, Math.floor(opts.shift ?? 0));
  const augRng = createRng((seed ^ 0x68e31da4) >>> 0);
  const [rows, cols, chans] = spec.input;

  /** Training image i into x (scaled to 0–1, shifted when augmenting). */
  const load = (i: number) => {
    const base = i * n;
    if (shift === 0) {
      for (let p = 0; p < n; p++) x[p] = train.images[base + p]! * (1 / 255);
      return;
    }
    const dy = augRng.int(2 * shift + 1) - shift;
    const dx = augRng.int(2 * shift + 1) - shift;
    x.fill(0);
    for (let r = Math.max(0, dy); r < Math.min(rows, rows + dy); r++) {
      const src = base + ((r - dy) * cols - dx) * chans;
      const dst = r * cols * chans;
      for (let c = Math.max(0, dx) * chans; c < Math.min(cols, cols + dx) * chans; c++) {
        x[dst + c] = train.images[src + c]! * (1 / 255);
      }
    }
  };

  const nextBatch = () => {
    for (let b = 0; b < batchSize; b++) {
      if (cursor >= trainSize) {
        order = permutation(trainSize, rng);
        cursor = 0;
      }
      batch[b] = pool[order[cursor++]!]!;
    }
    return batch;
  };

  /** Adds the gradient over `indices` (scaled by 1/scaleBy) into `into`. */
  const accumulate = (indices: ArrayLike<number>, scaleBy: number, into: Float32Array[]) => {
    let loss = 0;
    let correct = 0;
    const scale = 1 / scaleBy;
    for (let b = 0; b < indices.length; b++) {
      const i = indices[b]!;
      load(i);
      const logits = net.forward(params, x, 0);
      let guess = 0;
      for (let j = 1; j < K; j++) if (logits[j]! > logits[guess]!) guess = j;
      const y = train.labels[i]!;
      if (guess === y) correct++;
      loss += net.backward(params, x, 0, y, scale, into);
    }
    return { loss: loss / indices.length, correct };
  };

  const apply = (g: readonly Float32Array[]) => {
    applyGradients(optimizer, params, g as Float32Array[], lr);
    steps++;
  };

  const trainer: CnnTrainer = {
    spec,
    batchSize,
    trainSize,
    get steps() {
      return steps;
    },
    get examplesSeen() {
      return steps * batchSize;
    },
    get epoch() {
      return (steps * batchSize) / trainSize;
    },
    get learningRate() {
      return lr;
    },
    set learningRate(v: number) {
      if (!(v > 0) || !Number.isFinite(v)) throw new RangeError('learning rate must be > 0');
      lr = v;
    },
    step() {
      for (const g of grads) g.fill(0);
      const r = accumulate(nextBatch(), batchSize, grads);
      apply(grads);
      return r;
    },
    trainFor(ms, now = () => performance.now()) {
      const t0 = now();
      let count = 0;
      let loss = 0;
      do {
        loss += trainer.step().loss;
        count++;
      } while (now() - t0 < ms);
      return { steps: count, examples: count * batchSize, loss: loss / count };
    },
    evaluate: (o = {}) =>
      evaluateSplit(current, test, {
        spec,
        ...(opts.classes ? { classes: opts.classes } : {}),
        ...(o.limit !== undefined ? { limit: o.limit } : {}),
      }),
    weights: () => cloneWeights(current),
    setWeights(w) {
      checkWeights(spec, w);
      for (const [k, v] of Object.entries(w)) current[k]!.set(v);
    },
    gradients(indices, scaleBy) {
      const g = sizes.map((s) => new Float32Array(s));
      const r = accumulate(indices, scaleBy, g);
      return { grads: g, ...r };
    },
    nextBatch,
    apply,
    paramArrays: params,
  };
  return trainer;
}
