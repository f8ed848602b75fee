import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  EPS,
  binaryCrossEntropy,
  binaryCrossEntropyFromLogits,
  categoricalCrossEntropy,
  mse,
  sigmoid,
  softmax,
  softmaxCrossEntropy,
  sse,
} from '../../../src/lib/ml/losses-lesson.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Central finite differences of a scalar function of a vector. */
function numeric(f: (v: number[]) => number, v: number[], h = 1e-6): number[] {
  return v.map((_, i) => {
    const up = [...v];
    const down = [...v];
    up[i]! += h;
    down[i]! -= h;
    return (f(up) - f(down)) / (2 * h);
  });
}

const y = [1, 0, 1, 1, 0];
const p = [0.9, 0.2, 0.6, 0.35, 0.05];

describe('squared-error losses', () => {
  it('computes SSE and MSE by hand', () => {
    expect(sse([1, 2], [1.5, 1]).loss).toBeCloseTo(0.25 + 1, 12);
    expect(mse([1, 2], [1.5, 1]).loss).toBeCloseTo(1.25 / 2, 12);
  });

  it('matches tf.losses.meanSquaredError and its gradient', () => {
    const ours = mse(y, p);
    const tfLoss = tf.tidy(() => tf.losses.meanSquaredError(y, p).dataSync()[0]!);
    expect(ours.loss).toBeCloseTo(tfLoss, 6);
    const tfGrad = tf.tidy(() =>
      Array.from(
        tf
          .grad((q: tf.Tensor) => tf.losses.meanSquaredError(tf.tensor(y), q))(tf.tensor(p))
          .dataSync(),
      ),
    );
    ours.grad.forEach((g, i) => expect(g).toBeCloseTo(tfGrad[i]!, 6));
  });

  it('has gradients equal to finite differences', () => {
    const gs = numeric((q) => sse(y, q).loss, p);
    sse(y, p).grad.forEach((g, i) => expect(g).toBeCloseTo(gs[i]!, 6));
    const gm = numeric((q) => mse(y, q).loss, p);
    mse(y, p).grad.forEach((g, i) => expect(g).toBeCloseTo(gm[i]!, 6));
  });

  it('SSE grows with the number of examples, MSE does not', () => {
    const twice = (a: number[]): number[] => [...a, ...a];
    expect(sse(twice(y), twice(p)).loss).toBeCloseTo(2 * sse(y, p).loss, 12);
    expect(mse(twice(y), twice(p)).loss).toBeCloseTo(mse(y, p).loss, 12);
  });

  it('rejects mismatched or empty inputs with a clear message', () => {
    expect(() => mse([1], [1, 2])).toThrow(/differ in length/);
    expect(() => sse([], [])).toThrow(/at least one example/);
  });
});

describe('binary cross-entropy', () => {
  it('matches tf.losses.logLoss and its gradient', () => {
    const ours = binaryCrossEntropy(y, p);
    const tfLoss = tf.tidy(() => tf.losses.logLoss(y, p, undefined, 0).dataSync()[0]!);
    expect(ours.loss).toBeCloseTo(tfLoss, 5);
    const tfGrad = tf.tidy(() =>
      Array.from(
        tf
          .grad((q: tf.Tensor) => tf.losses.logLoss(tf.tensor(y), q, undefined, 0))(tf.tensor(p))
          .dataSync(),
      ),
    );
    ours.grad.forEach((g, i) => expect(g).toBeCloseTo(tfGrad[i]!, 4));
  });

  it('has gradients equal to finite differences', () => {
    const gn = numeric((q) => binaryCrossEntropy(y, q).loss, p);
    binaryCrossEntropy(y, p).grad.forEach((g, i) => expect(g).toBeCloseTo(gn[i]!, 6));
  });

  it('punishes a confident wrong answer far more than a hesitant one', () => {
    const hesitant = binaryCrossEntropy([1], [0.4]).loss;
    const confident = binaryCrossEntropy([1], [0.01]).loss;
    expect(hesitant).toBeCloseTo(-Math.log(0.4), 12);
    expect(confident).toBeGreaterThan(5 * hesitant);
  });

  it('clips probabilities so 0 and 1 give a finite loss and zero gradient', () => {
    const r = binaryCrossEntropy([1, 0], [0, 1]);
    expect(r.loss).toBeCloseTo(-Math.log(EPS), 6);
    expect(r.grad).toEqual([0, 0]);
  });

  it('from logits equals BCE of the sigmoid, with gradient σ(z) − y over n', () => {
    const z = [2.2, -1.4, 0.4, -0.6, -3];
    const fromLogits = binaryCrossEntropyFromLogits(y, z);
    expect(fromLogits.loss).toBeCloseTo(binaryCrossEntropy(y, z.map(sigmoid)).loss, 10);
    const gn = numeric((v) => binaryCrossEntropyFromLogits(y, v).loss, z);
    fromLogits.grad.forEach((g, i) => {
      expect(g).toBeCloseTo(gn[i]!, 6);
      expect(g).toBeCloseTo((sigmoid(z[i]!) - y[i]!) / y.length, 12);
    });
    expect(Number.isFinite(binaryCrossEntropyFromLogits([0], [800]).loss)).toBe(true);
  });

  it('sigmoid is stable for large scores', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-2) + sigmoid(2)).toBeCloseTo(1, 15);
  });
});

describe('categorical cross-entropy', () => {
  const t = [
    [1, 0, 0],
    [0, 0, 1],
  ];
  const q = [
    [0.7, 0.2, 0.1],
    [0.25, 0.25, 0.5],
  ];

  it('is −log of the probability given to the right class, averaged', () => {
    expect(categoricalCrossEntropy(t, q).loss).toBeCloseTo(
      -(Math.log(0.7) + Math.log(0.5)) / 2,
      12,
    );
  });

  it('matches tf.metrics.categoricalCrossentropy', () => {
    const tfLoss = tf.tidy(
      () => tf.metrics.categoricalCrossentropy(tf.tensor(t), tf.tensor(q)).mean().dataSync()[0]!,
    );
    expect(categoricalCrossEntropy(t, q).loss).toBeCloseTo(tfLoss, 5);
  });

  it('has gradients equal to finite differences', () => {
    const flat = q.flat();
    const f = (v: number[]): number => categoricalCrossEntropy(t, [v.slice(0, 3), v.slice(3)]).loss;
    const gn = numeric(f, flat);
    categoricalCrossEntropy(t, q)
      .grad.flat()
      .forEach((g, i) => expect(g).toBeCloseTo(gn[i]!, 6));
  });

  it('through softmax has gradient softmax(s) − y over n, equal to tf.losses.softmaxCrossEntropy', () => {
    const s = [
      [2, 1, -1],
      [0.5, 0.2, 1.5],
    ];
    const ours = softmaxCrossEntropy(t, s);
    expect(ours.loss).toBeCloseTo(categoricalCrossEntropy(t, s.map(softmax)).loss, 10);
    const tfLoss = tf.tidy(
      () => tf.losses.softmaxCrossEntropy(tf.tensor(t), tf.tensor(s)).dataSync()[0]!,
    );
    expect(ours.loss).toBeCloseTo(tfLoss, 5);
    const tfGrad = tf.tidy(() =>
      Array.from(
        tf
          .grad((v: tf.Tensor) => tf.losses.softmaxCrossEntropy(tf.tensor(t), v))(tf.tensor(s))
          .dataSync(),
      ),
    );
    ours.grad.flat().forEach((g, i) => expect(g).toBeCloseTo(tfGrad[i]!, 5));
  });

  it('softmax sums to one and survives huge scores', () => {
    const sm = softmax([1000, 1001, 1002]);
    expect(sm.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(sm[2]).toBeGreaterThan(sm[1]!);
    expect(() => softmax([])).toThrow(/at least one/);
  });

  it('rejects ragged rows with a clear message', () => {
    expect(() => categoricalCrossEntropy([[1, 0]], [[1, 0, 0]])).toThrow(/row 0/);
    expect(() => softmaxCrossEntropy([[1]], [])).toThrow(/differ in rows/);
  });

  it('leaves no tensors behind', () => {
    expect(tf.memory().numTensors).toBe(0);
  });
});

// The loss-slope figure and the MAE/Huber paragraph of the loss lesson (issue 11).
import { huber, mae, outputSlopes } from '../../../src/lib/ml/losses-lesson.ts';
import { errorChart, outputChart } from '../../../src/components/widgets/LossSlopes/model.ts';

describe('loss slopes: squared error through a sigmoid vs cross-entropy, MAE and Huber', () => {
  it('squared error pushes hardest at p = 1/3 (≈ 0.30) and only 0.02 at p = 0.01; cross-entropy 0.99', () => {
    let best = 0;
    let at = 0;
    for (let p = 0.001; p < 1; p += 0.001) {
      const s = Math.abs(outputSlopes(p).mse);
      if (s > best) [best, at] = [s, p];
    }
    expect(at).toBeCloseTo(1 / 3, 2);
    expect(best).toBeCloseTo(8 / 27, 3);
    expect(Math.abs(outputSlopes(0.01).mse)).toBeCloseTo(0.0196, 4);
    expect(Math.abs(outputSlopes(0.01).bce)).toBeCloseTo(0.99, 6);
    expect(Math.abs(outputSlopes(0.01).bce) / Math.abs(outputSlopes(0.01).mse)).toBeGreaterThan(50);
  });

  it('the slopes equal the chain rule through σ (finite differences on z)', () => {
    const sig = (z: number) => 1 / (1 + Math.exp(-z));
    for (const z of [-3, -0.5, 0, 1.2]) {
      const h = 1e-6;
      const lm = (zz: number) => (sig(zz) - 1) ** 2;
      const lb = (zz: number) => -Math.log(sig(zz));
      const s = outputSlopes(sig(z));
      expect(s.mse).toBeCloseTo((lm(z + h) - lm(z - h)) / (2 * h), 5);
      expect(s.bce).toBeCloseTo((lb(z + h) - lb(z - h)) / (2 * h), 5);
    }
  });

  it('MAE and Huber: constant pull far from the target, Huber squared near it', () => {
    expect(mae([0], [3]).grad[0]).toBe(1);
    expect(mae([0, 0], [3, -10]).loss).toBe(6.5);
    expect(huber([0], [0.5]).loss).toBeCloseTo(0.125, 12);
    expect(huber([0], [0.5]).grad[0]).toBeCloseTo(0.5, 12);
    expect(huber([0], [3]).loss).toBeCloseTo(2.5, 12);
    expect(huber([0], [3]).grad[0]).toBe(1);
    expect(huber([0], [-30]).grad[0]).toBe(-1);
  });

  it('the figure draws both charts with non-overlapping end labels', () => {
    for (const c of [outputChart(), errorChart()]) {
      expect(c.vm.paths.every((p) => p.d.length > 0)).toBe(true);
      const b = c.labels.labels.map((l) => l.box);
      for (let i = 0; i < b.length; i++)
        for (let j = i + 1; j < b.length; j++)
          expect(
            b[i]!.x0 < b[j]!.x1 &&
              b[j]!.x0 < b[i]!.x1 &&
              b[i]!.y0 < b[j]!.y1 &&
              b[j]!.y0 < b[i]!.y1,
          ).toBe(false);
    }
  });
});
