// Saliency, occlusion and FGSM on the digits CNN (random seeded weights here; the lesson's claims
// about the shipped model are in challenges-claims.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { Tf } from '../../../src/lib/ml/tf.ts';
import { buildTfModel } from '../../../src/lib/ml/cnn/tf-model.ts';
import { digitsCnnSpec, initWeights } from '../../../src/lib/ml/cnn/spec.ts';
import { predict } from '../../../src/lib/ml/cnn/predict.ts';
import {
  classScoreGradient,
  fgsm,
  lossGradient,
  meanAbsChange,
  normalisedMagnitude,
  occlusionMap,
  signOf,
  smallestFlip,
} from '../../../src/lib/practice/probe.ts';
import { createRng } from '../../../src/lib/ml/rng.ts';

const T = tf as unknown as Tf;
const weights = initWeights(digitsCnnSpec, 7);
const rng = createRng(3);
const image = Float32Array.from({ length: 784 }, (_, i) =>
  Math.abs((i % 28) - 14) < 4 ? 0.2 + 0.6 * rng.next() : 0.05 * rng.next(),
);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Central finite difference of f at pixel i. */
function fd(f: (x: Float32Array) => number, x: Float32Array, i: number, h = 1e-2): number {
  const a = x.slice();
  const b = x.slice();
  a[i]! += h;
  b[i]! -= h;
  return (f(a) - f(b)) / (2 * h);
}

describe('gradients with respect to the input', () => {
  it('saliency is the gradient of the class score (logit): equal to finite differences', () => {
    const model = buildTfModel(T, digitsCnnSpec, weights);
    const before = tf.memory().numTensors;
    const g = classScoreGradient(T, model, image, 3);
    expect(tf.memory().numTensors).toBe(before);
    const logit = (x: Float32Array) =>
      tf.tidy(() => model.logits(tf.tensor4d(x, [1, 28, 28, 1])).dataSync()[3]!);
    for (const i of [300, 405, 406, 520]) expect(g[i]!).toBeCloseTo(fd(logit, image, i), 2);
    model.dispose();
  });

  it("FGSM's perturbation is ε·sign(tf.grad of the loss), clipped to [0, 1]", () => {
    const model = buildTfModel(T, digitsCnnSpec, weights);
    const g = lossGradient(T, model, image, 5);
    const loss = (x: Float32Array) =>
      tf.tidy(() => model.loss(tf.tensor4d(x, [1, 28, 28, 1]), Uint8Array.of(5)).dataSync()[0]!);
    for (const i of [300, 405, 520]) expect(g[i]!).toBeCloseTo(fd(loss, image, i), 2);
    const eps = 0.1;
    const adv = fgsm(image, signOf(g), eps);
    for (let i = 0; i < 784; i++) {
      const want = Math.min(1, Math.max(0, image[i]! + eps * Math.sign(g[i]!)));
      expect(adv[i]!).toBeCloseTo(want, 6);
    }
    const targeted = fgsm(image, signOf(g), eps, true);
    expect(targeted[405]!).toBeCloseTo(
      Math.min(1, Math.max(0, image[405]! - eps * Math.sign(g[405]!))),
      6,
    );
    expect(meanAbsChange(image, adv)).toBeLessThanOrEqual(eps + 1e-7);
    model.dispose();
  });
});

describe('maps and sweeps', () => {
  it('normalises saliency to [0, 1] with the largest magnitude at 1', () => {
    const m = normalisedMagnitude(Float32Array.of(-2, 1, 0, 0.5));
    expect([...m]).toEqual([1, 0.5, 0, 0.25]);
    expect([...normalisedMagnitude(new Float32Array(3))]).toEqual([0, 0, 0]);
  });

  it('occlusion: a 12×12 map of probability drops for a 6-px patch at stride 2', () => {
    const cls = predict(weights, image).label;
    const m = occlusionMap(weights, image, cls);
    expect(m.side).toBe(12);
    expect(m.drops).toHaveLength(144);
    expect(m.base).toBeCloseTo(predict(weights, image).probabilities[cls]!, 6);
    // Blanking the whole image would change the prediction; a patch changes it by less than 1.
    for (const d of m.drops) expect(Math.abs(d)).toBeLessThanOrEqual(1);
  });

  it('finds the smallest ε on the grid that changes the prediction', () => {
    const model = buildTfModel(T, digitsCnnSpec, weights);
    const label = predict(weights, image).label;
    const sign = signOf(lossGradient(T, model, image, label));
    const r = smallestFlip(weights, image, sign, label, { max: 1, step: 0.01 });
    expect(r.eps).toBeDefined();
    expect(predict(weights, fgsm(image, sign, r.eps!)).label).not.toBe(label);
    if (r.eps! > 0.01) expect(predict(weights, fgsm(image, sign, r.eps! - 0.01)).label).toBe(label);
    model.dispose();
  });
});
