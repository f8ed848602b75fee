// Every number the challenges lesson states about the shipped digits CNN, recomputed in Node with
// the same code the widget's worker runs (the model from public/models, the packed test digits).
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { buildDigitsSet } from '../../../scripts/data/digits.mjs';
import { decodeModel, type TrainedCnn } from '../../../src/lib/ml/cnn/model-file.ts';
import { buildTfModel, type TfCnn } from '../../../src/lib/ml/cnn/tf-model.ts';
import { predict } from '../../../src/lib/ml/cnn/predict.ts';
import {
  fgsm,
  lossGradient,
  occlusionMap,
  signOf,
  smallestFlip,
} from '../../../src/lib/practice/probe.ts';

let trained: TrainedCnn;
let model: TfCnn;
const digits = buildDigitsSet();

/** The k-th (from 1) test image of a digit, as the widget's worker builds it. */
function testDigit(digit: number, k: number): Float32Array {
  let seen = 0;
  for (let i = 0; i < digits.test.count; i++) {
    if (digits.test.labels[i] !== digit || ++seen < k) continue;
    return Float32Array.from(digits.test.images.subarray(i * 784, i * 784 + 784), (v) => v / 255);
  }
  throw new Error('no such digit');
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  const dir = new URL('../../../public/models/digits-cnn/', import.meta.url);
  trained = decodeModel(
    JSON.parse(readFileSync(new URL('model.json', dir), 'utf8')) as Parameters<
      typeof decodeModel
    >[0],
    new Uint8Array(readFileSync(new URL('weights.bin', dir))).buffer,
  );
  model = buildTfModel(tf, trained.spec, trained.weights, { trainable: false });
});

describe('the challenges lesson, on the shipped model', () => {
  it('"about 98 of every 100 test digits right"', () => {
    expect(trained.meta.testAccuracy).toBeGreaterThanOrEqual(0.975);
    expect(trained.meta.testAccuracy).toBeLessThan(0.99);
  });

  it('the first test 7 is read as 7 with 99.8%; one blanked 6×6 patch drops that below 5%', () => {
    const img = testDigit(7, 1);
    const p = predict(trained.weights, img, trained.spec);
    expect(p.label).toBe(7);
    expect(p.probabilities[7]!).toBeCloseTo(0.998, 3);
    const occ = occlusionMap(trained.weights, img, 7, { spec: trained.spec });
    expect(occ.base - Math.max(...occ.drops)).toBeLessThan(0.05);
  });

  it('the second test 7 is borderline (52%) and flips to an 8 at ε = 0.005', () => {
    const img = testDigit(7, 2);
    const p = predict(trained.weights, img, trained.spec);
    expect(p.label).toBe(7);
    expect(p.probabilities[7]!).toBeCloseTo(0.52, 2);
    const sign = signOf(lossGradient(tf, model, img, 7));
    expect(
      smallestFlip(trained.weights, img, sign, 7, { step: 0.005, spec: trained.spec }),
    ).toEqual({ eps: 0.005, label: 8 });
  });

  it('untargeted FGSM: the smallest ε (0.005 grid) that flips the first 7 is 0.13, to a 2', () => {
    const img = testDigit(7, 1);
    const sign = signOf(lossGradient(tf, model, img, 7));
    const flip = smallestFlip(trained.weights, img, sign, 7, { step: 0.005, spec: trained.spec });
    expect(flip).toEqual({ eps: 0.13, label: 2 });
    // ε = 0.13 is about 33 of 255 grey levels.
    expect(Math.round(0.13 * 255)).toBe(33);
    expect(predict(trained.weights, fgsm(img, sign, 0.12), trained.spec).label).toBe(7);
  });

  it('targeted FGSM on the first 7: 2 at 0.125, 3 at 0.13, 8 at 0.135, 0 at 0.22, never 1, 4, 5, 6, 9', () => {
    const img = testDigit(7, 1);
    const at = (t: number) =>
      smallestFlip(trained.weights, img, signOf(lossGradient(tf, model, img, t)), 7, {
        target: t,
        step: 0.005,
        spec: trained.spec,
      }).eps;
    expect([2, 3, 8, 0].map(at)).toEqual([0.125, 0.13, 0.135, 0.22]);
    for (const t of [1, 4, 5, 6, 9]) expect(at(t), `target ${t}`).toBeUndefined();
  });
});
