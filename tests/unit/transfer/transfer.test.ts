// Lesson 5.1's experiment on the shipped 0–4 network: the frozen convolutions stay bit-identical
// through fine-tuning, caching the frozen features is the same as backpropagating through the
// frozen network, the example sets are balanced, nested and seeded, and a point is reproducible.
import { beforeAll, describe, expect, it } from 'vitest';
import { applyGradients, createOptimizer } from '../../../src/lib/ml/dense/optimizers.ts';
import { createNet, paramsOf } from '../../../src/lib/ml/cnn/net.ts';
import { createRng, permutation } from '../../../src/lib/ml/rng.ts';
import type { TrainedCnn } from '../../../src/lib/ml/cnn/model-file.ts';
import {
  BATCH,
  HEAD_LR,
  NEW_DIGITS,
  chooseExamples,
  featureSet,
  fineTuneHead,
  headAccuracy,
  networkAccuracy,
  pointCost,
  prepareTransfer,
  splitSweep,
  sweepFor,
  transferPoint,
  type TransferPrep,
} from '../../../src/lib/practice/transfer.ts';
import { loadDigitsSet, loadSource } from './fixtures.ts';

let source: TrainedCnn;
let prep: TransferPrep;
const bytes = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);

beforeAll(() => {
  source = loadSource();
  prep = prepareTransfer(source.spec, source.weights, loadDigitsSet());
});

describe('fine-tuning with the convolutions frozen', () => {
  it('leaves every convolution weight bit-identical to the 0–4 network and trains a new head', () => {
    const before = Object.fromEntries(
      Object.entries(source.weights).map(([k, v]) => [k, v.slice()]),
    );
    const chosen = chooseExamples(prep.data.train.labels, 5, 1);
    const tuned = fineTuneHead(prep, featureSet(prep, chosen, false), 1);
    for (const name of ['conv1/kernel', 'conv1/bias', 'conv2/kernel', 'conv2/bias']) {
      expect(bytes(tuned[name]!).equals(bytes(before[name]!)), name).toBe(true);
      // The source itself is not touched either.
      expect(bytes(source.weights[name]!).equals(bytes(before[name]!)), name).toBe(true);
    }
    expect(tuned['dense/kernel']!.length).toBe(400 * 5);
    expect(tuned['dense/bias']!.length).toBe(5);
  });

  it('the head on cached features predicts exactly what the whole 5-way network predicts', () => {
    const chosen = chooseExamples(prep.data.train.labels, 5, 2);
    const tuned = fineTuneHead(prep, featureSet(prep, chosen, false), 2);
    expect(headAccuracy(prep, tuned)).toBeCloseTo(networkAccuracy(prep, tuned), 10);
  });

  it('training on cached features equals backpropagating through the frozen network', () => {
    const seed = 3;
    const steps = 8;
    const chosen = chooseExamples(prep.data.train.labels, 2, seed);
    const cached = fineTuneHead(prep, featureSet(prep, chosen, false), seed, { steps });
    // The same run through the whole network: forward and backward through every layer, only
    // the head's gradients applied (the convolutions' are computed and thrown away).
    const { spec5 } = prep;
    const init = fineTuneHead(prep, featureSet(prep, chosen, false), seed, { steps: 0 });
    const params = paramsOf(spec5, init);
    const grads = params.map((p) => new Float32Array(p.length));
    const head = [params[4]!, params[5]!];
    const opt = createOptimizer('adam', head);
    const net = createNet(spec5);
    const n = chosen.index.length;
    const batch = Math.min(BATCH, n);
    const rng = createRng((seed ^ 0x5bd1e995) >>> 0);
    let order = permutation(n, rng);
    let cursor = 0;
    const x = new Float32Array(784);
    for (let t = 0; t < steps; t++) {
      for (const g of grads) g.fill(0);
      for (let k = 0; k < batch; k++) {
        if (cursor >= n) {
          order = permutation(n, rng);
          cursor = 0;
        }
        const r = order[cursor++]!;
        const i = chosen.index[r]!;
        for (let p = 0; p < 784; p++) x[p] = prep.data.train.images[i * 784 + p]! / 255;
        net.forward(params, x, 0);
        net.backward(params, x, 0, chosen.classes[r]!, 1 / batch, grads);
      }
      applyGradients(opt, head, [grads[4]!, grads[5]!], HEAD_LR);
    }
    const a = cached['dense/kernel']!;
    for (let k = 0; k < a.length; k++) expect(head[0]![k]!).toBeCloseTo(a[k]!, 4);
    expect(bytes(params[0]!).equals(bytes(source.weights['conv1/kernel']!))).toBe(true);
  });
});

describe('the examples per digit', () => {
  it('are N of each new digit, nested as N grows, the same for the same seed', () => {
    const labels = prep.data.train.labels;
    const a = chooseExamples(labels, 5, 1);
    const b = chooseExamples(labels, 20, 1);
    NEW_DIGITS.forEach((digit, c) => {
      const fromA = [...a.index.subarray(c * 5, c * 5 + 5)];
      expect(fromA.every((i) => labels[i] === digit)).toBe(true);
      expect([...b.index.subarray(c * 20, c * 20 + 5)]).toEqual(fromA);
    });
    expect([...chooseExamples(labels, 5, 1).index]).toEqual([...a.index]);
    expect([...chooseExamples(labels, 5, 2).index]).not.toEqual([...a.index]);
    expect(() => chooseExamples(labels, 0, 1)).toThrow(RangeError);
    expect(() => chooseExamples(labels, 101, 1)).toThrow(RangeError);
  });

  it('two workers share a sweep: every N once, costs close, each part ascending', () => {
    const ns = sweepFor(3);
    const parts = splitSweep(ns, 2);
    expect(parts).toHaveLength(2);
    expect(parts.flat().sort((a, b) => a - b)).toEqual(ns);
    for (const p of parts) expect(p).toEqual([...p].sort((a, b) => a - b));
    const cost = parts.map((p) => p.reduce((a, n) => a + pointCost(n), 0));
    expect(Math.max(...cost) / Math.min(...cost)).toBeLessThan(1.35);
    expect(splitSweep([7], 2)).toEqual([[7]]);
    expect(splitSweep(ns, 1)).toEqual([ns]);
  });

  it('the sweep adds the reader’s N in order', () => {
    expect(sweepFor()).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(sweepFor(3)).toEqual([1, 2, 3, 5, 10, 20, 50, 100]);
    expect(sweepFor(5)).toEqual([1, 2, 5, 10, 20, 50, 100]);
  });

  it('test digits are the 5–9 of the held-out split, with frozen 400-value features', () => {
    expect(prep.d).toBe(400);
    expect(prep.test.index.length).toBe(978);
    expect(prep.test.features.length).toBe(978 * 400);
  });

  it('a point is reproducible from its seed', () => {
    expect(transferPoint(prep, 1, 4)).toEqual(transferPoint(prep, 1, 4));
  });
});
