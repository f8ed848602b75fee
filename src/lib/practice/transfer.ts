// Pure: no DOM. Lesson 5.1's experiment: the digits CNN trained on 0–4 only, reused for 5–9 with
// N training examples per class, three ways: (a) fine-tune a new 5-way head with the convolutions
// frozen, (b) the same network trained from scratch on the same examples, (c) a linear SVM or
// logistic regression on the frozen convolutional features. Everything is seeded; the worker
// (src/workers/transfer.worker.ts) and the Node tests run exactly this code.
import type { DigitsSet } from '../data/digits-format.ts';
import { applyGradients, createOptimizer } from '../ml/dense/optimizers.ts';
import { createNet, paramsOf } from '../ml/cnn/net.ts';
import { softmaxInto } from '../ml/cnn/kernels.ts';
import {
  checkWeights,
  initWeights,
  layerShapes,
  type CnnSpec,
  type CnnWeights,
} from '../ml/cnn/spec.ts';
import { createRng, permutation } from '../ml/rng.ts';
import { fitLinear, linearAccuracy, type FeatureSet } from './transfer-classifiers.ts';

/** The new task's digits; class c of the 5-way problem is the digit NEW_DIGITS[c]. */
export const NEW_DIGITS = [5, 6, 7, 8, 9] as const;
const K = NEW_DIGITS.length;
/** The examples-per-class values a run sweeps (the reader's own N is added). */
export const SWEEP_NS = [1, 2, 5, 10, 20, 50, 100] as const;
export const MAX_N = 100;
export const DEFAULT_SEED = 1;

/**
 * Training budget, the same for both networks and every N: 60 minibatch steps of Adam (learning
 * rate 0.01) on batches of 25 examples (all of them when there are fewer).
 */
export const HEAD_STEPS = 60;
export const SCRATCH_STEPS = 60;
export const BATCH = 25;
export const HEAD_LR = 0.01;
export const SCRATCH_LR = 0.01;
/** The linear classifiers' L2 strength, full-batch steps and first step size. */
export const LINEAR = { lambda: 0.001, iterations: 100, learningRate: 1 } as const;

/** One N's test accuracies (fractions of the 5–9 test digits). */
export interface TransferPoint {
  n: number;
  fineTune: number;
  scratch: number;
  svm: number;
  logreg: number;
}

export type TransferMethod = 'fineTune' | 'scratch' | 'svm' | 'logreg';
export const METHOD_LABELS: Record<TransferMethod, string> = {
  fineTune: 'Fine-tuned head (frozen convolutions)',
  scratch: 'Same network from scratch',
  svm: 'Linear SVM on frozen features',
  logreg: 'Logistic regression on frozen features',
};

/** The 5-way network: the 0–4 model's layers with a 5-unit output layer. */
export function fiveWaySpec(spec: CnnSpec): CnnSpec {
  const layers = spec.layers.map((l, i) =>
    i === spec.layers.length - 1 && l.kind === 'dense' ? { ...l, units: K } : l,
  );
  return { input: spec.input, layers, classes: K };
}

/** Index of the layer whose output is the frozen feature vector (the last before the head). */
function featureLayer(spec: CnnSpec): number {
  return spec.layers.length - 2;
}

/**
 * Training-set positions of N examples per new digit for a seed: for each digit a seeded shuffle
 * of its examples, first N taken, so the sets grow nested with N (N = 5 holds N = 2's examples).
 * Returned class by class, each row's class in `classes`.
 */
export function chooseExamples(
  labels: Uint8Array,
  n: number,
  seed: number,
): { index: Uint32Array; classes: Uint8Array } {
  if (!Number.isInteger(n) || n < 1 || n > MAX_N) throw new RangeError(`N must be 1–${MAX_N}`);
  const index = new Uint32Array(n * K);
  const classes = new Uint8Array(n * K);
  NEW_DIGITS.forEach((digit, c) => {
    const pool: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === digit) pool.push(i);
    const order = permutation(pool.length, createRng((seed * 7919 + digit) >>> 0));
    for (let k = 0; k < n; k++) {
      index[c * n + k] = pool[order[k]!]!;
      classes[c * n + k] = c;
    }
  });
  return { index, classes };
}

/** Everything a run reuses across N: the frozen features of the test digits and a train cache. */
export interface TransferPrep {
  readonly spec: CnnSpec;
  readonly spec5: CnnSpec;
  readonly source: CnnWeights;
  readonly data: DigitsSet;
  /** Test digits 5–9: their split positions, classes 0–4 and frozen features. */
  readonly test: { index: Uint32Array; classes: Uint8Array; features: Float32Array };
  readonly d: number;
  /** Frozen features of one training image (computed once, then cached). */
  trainFeatures(i: number): Float32Array;
}

/**
 * Loads an image (0–255 bytes) as 0–1 floats into `x` and runs the frozen layers: returns the
 * feature vector (a view into the net's buffer; copy it to keep it).
 */
function makeExtractor(spec: CnnSpec, weights: CnnWeights) {
  const net = createNet(spec);
  const params = paramsOf(spec, weights);
  const px = spec.input[0] * spec.input[1] * spec.input[2];
  const x = new Float32Array(px);
  const f = featureLayer(spec);
  return (images: Uint8Array, i: number) => {
    for (let p = 0; p < px; p++) x[p] = images[i * px + p]! / 255;
    net.forward(params, x, 0);
    return net.outputs[f]!;
  };
}

/** Frozen features of the test digits 5–9 and a training-feature cache, from the 0–4 model. */
export function prepareTransfer(spec: CnnSpec, source: CnnWeights, data: DigitsSet): TransferPrep {
  checkWeights(spec, source);
  const shapes = layerShapes(spec);
  const [h, w, c] = shapes[featureLayer(spec)]!.outShape;
  const d = h * w * c;
  const extract = makeExtractor(spec, source);
  const { test, train } = data;
  const rows: number[] = [];
  for (let i = 0; i < test.count; i++) if (test.labels[i]! >= NEW_DIGITS[0]) rows.push(i);
  const features = new Float32Array(rows.length * d);
  rows.forEach((i, r) => features.set(extract(test.images, i), r * d));
  const cache = new Map<number, Float32Array>();
  return {
    spec,
    spec5: fiveWaySpec(spec),
    source,
    data,
    d,
    test: {
      index: Uint32Array.from(rows),
      classes: Uint8Array.from(rows, (i) => test.labels[i]! - NEW_DIGITS[0]),
      features,
    },
    trainFeatures(i) {
      let v = cache.get(i);
      if (!v) {
        v = extract(train.images, i).slice();
        cache.set(i, v);
      }
      return v;
    },
  };
}

/** Rows of features (optionally each scaled to unit length) for the chosen examples. */
export function featureSet(
  prep: TransferPrep,
  chosen: { index: Uint32Array; classes: Uint8Array },
  unit: boolean,
): FeatureSet {
  const { d } = prep;
  const n = chosen.index.length;
  const X = new Float32Array(n * d);
  for (let r = 0; r < n; r++) X.set(prep.trainFeatures(chosen.index[r]!), r * d);
  if (unit) normaliseRows(X, n, d);
  return { X, y: chosen.classes, n, d };
}

/** Scales each row to unit Euclidean length (rows of zeros stay zero). */
export function normaliseRows(X: Float32Array, n: number, d: number): void {
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += X[r * d + j]! ** 2;
    const k = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let j = 0; j < d; j++) X[r * d + j] = X[r * d + j]! * k;
  }
}

/**
 * (a) Fine-tuning with the convolutions frozen: the 5-way network keeps the source's convolution
 * weights (the same values, copied) and gets a fresh Glorot-initialised head, trained with Adam
 * on the chosen examples. Frozen layers compute the same features every epoch, so the head is
 * trained on their cached output — exactly what backpropagating through the network and
 * discarding the frozen layers' gradients would do. Returns the whole 5-way network's weights.
 */
export function fineTuneHead(
  prep: TransferPrep,
  train: FeatureSet,
  seed: number,
  opts: { steps?: number; learningRate?: number; batch?: number } = {},
): CnnWeights {
  const { spec5, source, d } = prep;
  const fresh = initWeights(spec5, seed);
  const weights: CnnWeights = {};
  const head = spec5.layers[spec5.layers.length - 1]!.name;
  for (const [name, v] of Object.entries(fresh)) {
    weights[name] = name.startsWith(`${head}/`) ? v : source[name]!.slice();
  }
  const W = weights[`${head}/kernel`]!;
  const b = weights[`${head}/bias`]!;
  const gW = new Float32Array(W.length);
  const gb = new Float32Array(K);
  const opt = createOptimizer('adam', [W, b]);
  const steps = opts.steps ?? HEAD_STEPS;
  const lr = opts.learningRate ?? HEAD_LR;
  const batch = Math.min(opts.batch ?? BATCH, train.n);
  const rng = createRng((seed ^ 0x5bd1e995) >>> 0);
  let order = permutation(train.n, rng);
  let cursor = 0;
  const logits = new Float32Array(K);
  const probs = new Float32Array(K);
  for (let t = 0; t < steps; t++) {
    gW.fill(0);
    gb.fill(0);
    for (let k = 0; k < batch; k++) {
      if (cursor >= train.n) {
        order = permutation(train.n, rng);
        cursor = 0;
      }
      const r = order[cursor++]!;
      const base = r * d;
      headLogits(W, b, train.X, base, d, logits);
      softmaxInto(logits, probs, K);
      const y = train.y[r]!;
      for (let c = 0; c < K; c++) {
        const g = (probs[c]! - (c === y ? 1 : 0)) / batch;
        gb[c]! += g;
        for (let j = 0; j < d; j++) gW[j * K + c]! += train.X[base + j]! * g;
      }
    }
    applyGradients(opt, [W, b], [gW, gb], lr);
  }
  return weights;
}

function headLogits(
  W: Float32Array,
  b: Float32Array,
  X: Float32Array,
  base: number,
  d: number,
  out: Float32Array,
): void {
  for (let c = 0; c < K; c++) out[c] = b[c]!;
  for (let j = 0; j < d; j++) {
    const x = X[base + j]!;
    if (x === 0) continue;
    for (let c = 0; c < K; c++) out[c]! += x * W[j * K + c]!;
  }
}

/** Accuracy of the fine-tuned head on the cached test features. */
export function headAccuracy(prep: TransferPrep, weights: CnnWeights): number {
  const head = prep.spec5.layers[prep.spec5.layers.length - 1]!.name;
  const W = weights[`${head}/kernel`]!;
  const b = weights[`${head}/bias`]!;
  const { features, classes } = prep.test;
  const out = new Float32Array(K);
  let ok = 0;
  for (let r = 0; r < classes.length; r++) {
    headLogits(W, b, features, r * prep.d, prep.d, out);
    let best = 0;
    for (let c = 1; c < K; c++) if (out[c]! > out[best]!) best = c;
    if (best === classes[r]) ok++;
  }
  return ok / classes.length;
}

/**
 * (b) The same 5-way network from a seeded initialisation, every layer trained with Adam on the
 * chosen images (the typed-array CNN engine).
 */
export function trainFromScratch(
  prep: TransferPrep,
  chosen: { index: Uint32Array; classes: Uint8Array },
  seed: number,
  opts: { steps?: number; learningRate?: number; batch?: number } = {},
): CnnWeights {
  const { spec5, data } = prep;
  const weights = initWeights(spec5, seed);
  const params = paramsOf(spec5, weights);
  const grads = params.map((p) => new Float32Array(p.length));
  const opt = createOptimizer('adam', params);
  const net = createNet(spec5);
  const px = spec5.input[0] * spec5.input[1] * spec5.input[2];
  const x = new Float32Array(px);
  const n = chosen.index.length;
  const steps = opts.steps ?? SCRATCH_STEPS;
  const lr = opts.learningRate ?? SCRATCH_LR;
  const batch = Math.min(opts.batch ?? BATCH, n);
  const rng = createRng((seed ^ 0x2545f491) >>> 0);
  let order = permutation(n, rng);
  let cursor = 0;
  for (let t = 0; t < steps; t++) {
    for (const g of grads) g.fill(0);
    for (let k = 0; k < batch; k++) {
      if (cursor >= n) {
        order = permutation(n, rng);
        cursor = 0;
      }
      const r = order[cursor++]!;
      const i = chosen.index[r]!;
      for (let p = 0; p < px; p++) x[p] = data.train.images[i * px + p]! / 255;
      net.forward(params, x, 0);
      net.backward(params, x, 0, chosen.classes[r]!, 1 / batch, grads);
    }
    applyGradients(opt, params, grads, lr);
  }
  return weights;
}

/** Accuracy of a 5-way network on the test digits 5–9, through the whole network. */
export function networkAccuracy(prep: TransferPrep, weights: CnnWeights): number {
  const { spec5, data, test } = prep;
  const net = createNet(spec5);
  const params = paramsOf(spec5, weights);
  const px = spec5.input[0] * spec5.input[1] * spec5.input[2];
  const x = new Float32Array(px);
  let ok = 0;
  for (let r = 0; r < test.index.length; r++) {
    const i = test.index[r]!;
    for (let p = 0; p < px; p++) x[p] = data.test.images[i * px + p]! / 255;
    const logits = net.forward(params, x, 0);
    let best = 0;
    for (let c = 1; c < K; c++) if (logits[c]! > logits[best]!) best = c;
    if (best === test.classes[r]) ok++;
  }
  return ok / test.index.length;
}

/** (c) The linear classifiers on unit-length frozen features; test accuracy of each. */
export function linearAccuracies(
  prep: TransferPrep,
  train: FeatureSet,
): { svm: number; logreg: number } {
  const test: FeatureSet = {
    X: prep.test.features.slice(),
    y: prep.test.classes,
    n: prep.test.classes.length,
    d: prep.d,
  };
  normaliseRows(test.X, test.n, test.d);
  const svm = fitLinear('svm', train, K, LINEAR).model;
  const logreg = fitLinear('logreg', train, K, LINEAR).model;
  return { svm: linearAccuracy(svm, test), logreg: linearAccuracy(logreg, test) };
}

/** All four methods at one N for one seed. */
export function transferPoint(prep: TransferPrep, n: number, seed: number): TransferPoint {
  const chosen = chooseExamples(prep.data.train.labels, n, seed);
  const raw = featureSet(prep, chosen, false);
  const unit = featureSet(prep, chosen, true);
  const fineTune = headAccuracy(prep, fineTuneHead(prep, raw, seed));
  const scratch = networkAccuracy(prep, trainFromScratch(prep, chosen, seed));
  return { n, fineTune, scratch, ...linearAccuracies(prep, unit) };
}

/** The values of N a run computes: the sweep plus the reader's N, ascending. */
export function sweepFor(extra?: number): number[] {
  const set = new Set<number>(SWEEP_NS);
  if (extra !== undefined && Number.isInteger(extra) && extra >= 1 && extra <= MAX_N)
    set.add(extra);
  return [...set].sort((a, b) => a - b);
}

/**
 * Rough cost of one point (from-scratch training dominates: its steps see min(BATCH, 5N)
 * images; the linear fits grow with N), for sharing a sweep between workers.
 */
export function pointCost(n: number): number {
  return SCRATCH_STEPS * Math.min(BATCH, n * NEW_DIGITS.length) * 3 + 978 + 20 * n;
}

/**
 * Splits the values of N between `parts` workers so their total costs are close (largest
 * first, each to the least-loaded part); each part ascending. Results do not depend on the
 * split: every point is computed from the seed alone.
 */
export function splitSweep(ns: readonly number[], parts: number): number[][] {
  const k = Math.max(1, Math.min(parts, ns.length));
  const out: number[][] = Array.from({ length: k }, () => []);
  const load = new Array<number>(k).fill(0);
  for (const n of [...ns].sort((a, b) => pointCost(b) - pointCost(a) || b - a)) {
    let best = 0;
    for (let j = 1; j < k; j++) if (load[j]! < load[best]!) best = j;
    out[best]!.push(n);
    load[best]! += pointCost(n);
  }
  return out.map((p) => p.sort((a, b) => a - b));
}
