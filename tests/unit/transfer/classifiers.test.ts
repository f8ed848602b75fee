// The linear SVM's hinge loss and logistic regression's loss: gradients against central finite
// differences and against the closed forms written out by hand; the fit lowers the loss.
import { describe, expect, it } from 'vitest';
import {
  fitLinear,
  hingeLoss,
  linearAccuracy,
  logisticLoss,
  zeroModel,
  type FeatureSet,
  type LinearModel,
} from '../../../src/lib/practice/transfer-classifiers.ts';
import { createRng } from '../../../src/lib/ml/rng.ts';

const d = 6;
const K = 3;
const n = 9;

function toyData(seed: number): FeatureSet {
  const rng = createRng(seed);
  const X = new Float32Array(n * d);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % K;
    for (let j = 0; j < d; j++) X[i * d + j] = rng.normal() + (j === y[i] ? 2 : 0);
  }
  return { X, y, n, d };
}

function randomModel(seed: number): LinearModel {
  const rng = createRng(seed);
  const m = zeroModel(d, K);
  for (let k = 0; k < m.W.length; k++) m.W[k] = rng.uniform(-0.5, 0.5);
  for (let c = 0; c < K; c++) m.b[c] = rng.uniform(-0.5, 0.5);
  return m;
}

/** Central differences in float64 (a float64 copy of the model evaluated through the same code). */
function numericGradient(
  f: (m: LinearModel) => number,
  m: LinearModel,
  h = 1e-3,
): { gW: number[]; gb: number[] } {
  const at = (arr: 'W' | 'b', k: number, delta: number) => {
    const copy: LinearModel = { d, K, W: m.W.slice(), b: m.b.slice() };
    copy[arr][k] = m[arr][k]! + delta;
    return f(copy);
  };
  const gW = [...m.W].map((_, k) => (at('W', k, h) - at('W', k, -h)) / (2 * h));
  const gb = [...m.b].map((_, k) => (at('b', k, h) - at('b', k, -h)) / (2 * h));
  return { gW, gb };
}

/** No margin within `gap` of 1 (so ±h never crosses a kink of the hinge). */
function awayFromKinks(m: LinearModel, data: FeatureSet, gap: number): boolean {
  for (let i = 0; i < data.n; i++)
    for (let c = 0; c < K; c++) {
      let s = m.b[c]!;
      for (let j = 0; j < d; j++) s += data.X[i * d + j]! * m.W[j * K + c]!;
      const t = data.y[i] === c ? 1 : -1;
      if (Math.abs(1 - t * s) < gap) return false;
    }
  return true;
}

describe('hinge loss (one-vs-rest linear SVM)', () => {
  it('its gradient equals central finite differences away from the kinks', () => {
    let checked = 0;
    for (let seed = 1; checked < 3 && seed < 50; seed++) {
      const data = toyData(seed);
      const m = randomModel(seed + 100);
      if (!awayFromKinks(m, data, 0.05)) continue;
      const g = hingeLoss(m, data, 0.1);
      const num = numericGradient((mm) => hingeLoss(mm, data, 0.1).loss, m);
      g.gW.forEach((v, k) => expect(v).toBeCloseTo(num.gW[k]!, 2));
      g.gb.forEach((v, k) => expect(v).toBeCloseTo(num.gb[k]!, 2));
      checked++;
    }
    expect(checked).toBe(3);
  });

  it('matches the formula: −(1/n) Σ over margins below 1 of t·x, plus λW', () => {
    const data = toyData(3);
    const m = randomModel(4);
    const lambda = 0.2;
    const g = hingeLoss(m, data, lambda);
    const gW = Array.from(m.W, (w) => lambda * w);
    const gb = new Array<number>(K).fill(0);
    let loss = (lambda / 2) * m.W.reduce((a, w) => a + w * w, 0);
    for (let i = 0; i < n; i++)
      for (let c = 0; c < K; c++) {
        let s = m.b[c]!;
        for (let j = 0; j < d; j++) s += data.X[i * d + j]! * m.W[j * K + c]!;
        const t = data.y[i] === c ? 1 : -1;
        if (t * s >= 1) continue;
        loss += (1 - t * s) / n;
        gb[c]! -= t / n;
        for (let j = 0; j < d; j++) gW[j * K + c]! -= (t * data.X[i * d + j]!) / n;
      }
    expect(g.loss).toBeCloseTo(loss, 5);
    g.gW.forEach((v, k) => expect(v).toBeCloseTo(gW[k]!, 5));
    g.gb.forEach((v, k) => expect(v).toBeCloseTo(gb[k]!, 5));
  });

  it('is zero loss and only λW gradient when every margin is at least 1', () => {
    const data: FeatureSet = {
      X: Float32Array.from([1, 0, 0, 1]),
      y: Uint8Array.from([0, 1]),
      n: 2,
      d: 2,
    };
    const m: LinearModel = {
      d: 2,
      K: 2,
      W: Float32Array.from([2, -2, -2, 2]),
      b: new Float32Array(2),
    };
    const g = hingeLoss(m, data, 0);
    expect(g.loss).toBe(0);
    expect([...g.gW, ...g.gb].every((v) => v === 0)).toBe(true);
  });
});

describe('logistic regression (softmax cross-entropy)', () => {
  it('its gradient equals central finite differences', () => {
    const data = toyData(7);
    const m = randomModel(8);
    const g = logisticLoss(m, data, 0.05);
    const num = numericGradient((mm) => logisticLoss(mm, data, 0.05).loss, m);
    g.gW.forEach((v, k) => expect(v).toBeCloseTo(num.gW[k]!, 3));
    g.gb.forEach((v, k) => expect(v).toBeCloseTo(num.gb[k]!, 3));
  });

  it('at W = 0, b = 0 the loss is log K and ∂L/∂b = mean(1/K − onehot)', () => {
    const data = toyData(9);
    const g = logisticLoss(zeroModel(d, K), data, 0.1);
    expect(g.loss).toBeCloseTo(Math.log(K), 6);
    // y cycles through the classes, so each class is 1/K of the rows: the mean is 0.
    g.gb.forEach((v) => expect(v).toBeCloseTo(0, 6));
  });
});

describe('fitting', () => {
  it.each(['svm', 'logreg'] as const)('%s: the loss falls and the toy data are learned', (kind) => {
    const data = toyData(11);
    const f = kind === 'svm' ? hingeLoss : logisticLoss;
    const start = f(zeroModel(d, K), data, 0.01).loss;
    const fit = fitLinear(kind, data, K, { lambda: 0.01, iterations: 200, learningRate: 0.2 });
    expect(fit.loss).toBeLessThan(start / 3);
    expect(linearAccuracy(fit.model, data)).toBe(1);
  });

  it('is deterministic (no randomness: the same data give the same weights)', () => {
    const a = fitLinear('svm', toyData(5), K).model;
    const b = fitLinear('svm', toyData(5), K).model;
    expect(Buffer.from(a.W.buffer).equals(Buffer.from(b.W.buffer))).toBe(true);
  });
});
