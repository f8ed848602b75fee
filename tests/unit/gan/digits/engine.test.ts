// The digits GAN's typed-array engine, conditional (the default spec: G reads noise and a one-hot
// label, D the image and the label) and unconditional: a generator step changes no discriminator
// weight and vice versa; the losses equal their formulas; the gradients equal tf.grads' within
// 1e-4 on the same weights, real batch, labels and noise (tfjs cpu backend), label rows included;
// one tfjs iteration follows the engine's.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../../../src/lib/ml/rng.ts';
import {
  createDigitsGan,
  discriminatorGradients,
  discriminatorStep,
  DIGITS_GAN_SPEC,
  DIGITS_GAN_TRAINING,
  generateWith,
  generatorGradients,
  generatorStep,
  paramsD,
  paramsG,
  setNoise,
  type DigitsGan,
  type DigitsGanSpec,
} from '../../../../src/lib/gan/digits/model.ts';
import { inputDim, noiseVectors, withLabels } from '../../../../src/lib/gan/digits/inputs.ts';
import {
  createTfDigitsGan,
  labelPart,
  tfIteration,
  parameterShapes,
  tfDiscriminate,
  tfDiscriminatorLoss,
  tfGenerate,
  tfGeneratorLoss,
  tfOneHot,
} from '../../../../src/lib/gan/digits/tf-gan.ts';
import { softplus } from '../../../../src/lib/gan/gan.ts';

const spec = DIGITS_GAN_SPEC;
const UNCONDITIONAL: DigitsGanSpec = { ...DIGITS_GAN_SPEC, classes: 0 };
const N = 16;

beforeAll(async () => {
  await tf.setBackend('cpu');
});
let tensorsAtStart = 0;
beforeAll(() => {
  tensorsAtStart = tf.memory().numTensors;
});
afterAll(() => {
  expect(tf.memory().numTensors).toBe(tensorsAtStart);
});

/** Labels (e·k + 1) mod classes for n rows: every class among 16 rows when k is odd. */
const labelsFor = (s: DigitsGanSpec, n: number, k: number) =>
  Uint8Array.from({ length: n }, (_, e) => (s.classes ? (e * k + 1) % s.classes : 0));

/**
 * A GAN a few steps into training (so ReLUs and sigmoids are not at their initial values, and
 * Adam's moments are warm), with "real" images and their labels.
 */
function warmGan(
  seed = 3,
  s = spec,
): { gan: DigitsGan; real: Float32Array; classes: Uint8Array | undefined } {
  const rng = createRng(seed);
  const gan = createDigitsGan(s, DIGITS_GAN_TRAINING, rng, N);
  // "Real" images: smooth blobs in 0–1, different per row, many exact zeros like digits.
  const real = new Float32Array(N * s.pixels);
  for (let e = 0; e < N; e++) {
    const cx = 4 + rng.next() * 6;
    const cy = 4 + rng.next() * 6;
    for (let p = 0; p < s.pixels; p++) {
      const d2 = ((p % 14) - cx) ** 2 + (Math.floor(p / 14) - cy) ** 2;
      real[e * s.pixels + p] = d2 < 9 ? Math.exp(-d2 / 6) : 0;
    }
  }
  const classes = s.classes ? labelsFor(s, N, 1) : undefined;
  for (let k = 0; k < 5; k++) {
    discriminatorStep(gan, real, N, rng, 0.9, classes);
    generatorStep(gan, N, rng);
  }
  return { gan, real, classes };
}

const copies = (list: Float32Array[]) => list.map((a) => a.slice());
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]! - b[k]!));
  return m;
};
const maxAbs = (a: ArrayLike<number>) => maxDiff(a, new Float32Array(a.length));
/** Row r of an input-major W [nIn, nOut]. */
const row = (W: ArrayLike<number>, r: number, nOut: number) =>
  Array.from(W).slice(r * nOut, (r + 1) * nOut);

describe('digits GAN steps touch only their own network', () => {
  it('a generator step changes every G array (each label row of G1 too) and no D weight', () => {
    const { gan } = warmGan();
    const g0 = copies(paramsG(gan));
    const d0 = copies(paramsD(gan));
    generatorStep(gan, N, createRng(9));
    paramsD(gan).forEach((a, i) => expect(Array.from(a)).toEqual(Array.from(d0[i]!)));
    paramsG(gan).forEach((a, i) => expect(maxDiff(a, g0[i]!)).toBeGreaterThan(0));
    const H = spec.genHidden;
    for (let c = 0; c < spec.classes; c++) {
      const r = spec.noiseDim + c;
      expect(maxDiff(row(gan.G1.W, r, H), row(g0[0]!, r, H))).toBeGreaterThan(0);
    }
  });
  it('a discriminator step changes every D array (each label row of D1 too) and no G weight', () => {
    const { gan, real, classes } = warmGan();
    const g0 = copies(paramsG(gan));
    const d0 = copies(paramsD(gan));
    discriminatorStep(gan, real, N, createRng(9), 0.9, classes);
    paramsG(gan).forEach((a, i) => expect(Array.from(a)).toEqual(Array.from(g0[i]!)));
    paramsD(gan).forEach((a, i) => expect(maxDiff(a, d0[i]!)).toBeGreaterThan(0));
    const H = spec.discHidden;
    for (let c = 0; c < spec.classes; c++) {
      const r = spec.pixels + c;
      expect(maxDiff(row(gan.D1.W, r, H), row(d0[0]!, r, H))).toBeGreaterThan(0);
    }
  });
});

/** D's logits by hand from the formulas (engine weights, plain loops, label row added). */
function logitsByHand(
  gan: DigitsGan,
  x: Float32Array,
  labels: Uint8Array | undefined,
  n: number,
): number[] {
  const s = gan.spec;
  const [W1, b1, W2, b2] = paramsD(gan) as [Float32Array, Float32Array, Float32Array, Float32Array];
  const H = s.discHidden;
  const out: number[] = [];
  for (let e = 0; e < n; e++) {
    let l = b2[0]!;
    for (let j = 0; j < H; j++) {
      let z = b1[j]!;
      for (let i = 0; i < s.pixels; i++) z += x[e * s.pixels + i]! * W1[i * H + j]!;
      if (s.classes) z += W1[(s.pixels + labels![e]!) * H + j]!;
      l += (z > 0 ? z : s.slope * z) * W2[j]!;
    }
    out.push(l);
  }
  return out;
}

/** G input rows from `seed` with the given labels (noise alone when unconditional). */
const inputsWith = (s: DigitsGanSpec, seed: number, labels: Uint8Array) =>
  withLabels(noiseVectors(createRng(seed), N, s.noiseDim), labels, N, s);

describe('digits GAN losses equal their formulas', () => {
  it('D: mean over real of t·softplus(−l) + (1−t)·softplus(l), plus mean softplus(l) over fakes', () => {
    const { gan, real, classes } = warmGan();
    const fakeLabels = labelsFor(spec, N, 3);
    const noise = inputsWith(spec, 11, fakeLabels);
    const fake = generateWith(spec, paramsG(gan), noise, N);
    const lr = logitsByHand(gan, real, classes, N);
    const lf = logitsByHand(gan, fake, fakeLabels, N);
    // The label rows weigh in: other labels give other logits.
    expect(maxDiff(lr, logitsByHand(gan, real, fakeLabels, N))).toBeGreaterThan(1e-3);
    const t = 0.9;
    const expected =
      lr.reduce((s, l) => s + t * softplus(-l) + (1 - t) * softplus(l), 0) / N +
      lf.reduce((s, l) => s + softplus(l), 0) / N;
    setNoise(gan, noise);
    const r = discriminatorGradients(gan, real, N, t, classes);
    const meanD = (ls: number[]) => ls.reduce((s, l) => s + 1 / (1 + Math.exp(-l)), 0) / N;
    expect(r.loss).toBeCloseTo(expected, 4);
    expect(r.dFake).toBeCloseTo(meanD(lf), 5);
    expect(r.dReal).toBeCloseTo(meanD(lr), 5);
  });
  it('G: mean −log D(G(z)) = mean softplus(−l), D told the label G was asked for', () => {
    const { gan } = warmGan();
    const fakeLabels = labelsFor(spec, N, 7);
    const noise = inputsWith(spec, 12, fakeLabels);
    const lf = logitsByHand(gan, generateWith(spec, paramsG(gan), noise, N), fakeLabels, N);
    setNoise(gan, noise);
    expect(generatorGradients(gan, N)).toBeCloseTo(lf.reduce((s, l) => s + softplus(-l), 0) / N, 4);
  });
});

describe('digits GAN gradients equal tf.grads', () => {
  it.each([
    ['conditional (the default)', spec],
    ['unconditional (classes 0)', UNCONDITIONAL],
  ])('%s: D and G gradients within 1e-4, and the forward passes agree', (_, s) => {
    const { gan, real, classes } = warmGan(5, s);
    expect(gan.spec).toBe(s);
    const shapes = parameterShapes(s);
    expect(shapes.G[0]).toEqual([inputDim(s), s.genHidden]);
    expect(shapes.D[0]).toEqual([s.pixels + s.classes, s.discHidden]);
    const fakeLabels = labelsFor(s, N, 3);
    const noise = inputsWith(s, 13, fakeLabels);
    setNoise(gan, noise);
    discriminatorGradients(gan, real, N, 0.9, classes);
    const engineD = copies(gan.gradD);
    setNoise(gan, noise);
    generatorGradients(gan, N);
    const engineG = copies(gan.gradG);

    const [tfD, tfG, fakeDiff, logitDiff, partDiff] = tf.tidy(() => {
      const G = paramsG(gan).map((a, i) => tf.tensor(a, shapes.G[i]));
      const D = paramsD(gan).map((a, i) => tf.tensor(a, shapes.D[i]));
      const z = tf.tensor2d(noise, [N, inputDim(s)]);
      const x = tf.tensor2d(real, [N, s.pixels]);
      const yReal = tfOneHot(tf, s, classes ?? [], N);
      const yFake = tfOneHot(tf, s, fakeLabels, N);
      const fake = tfGenerate(tf, G, z, s);
      const diff = maxDiff(fake.dataSync(), generateWith(s, paramsG(gan), noise, N));
      const logits = tfDiscriminate(tf, s, D, x, yReal);
      expect(logits.shape).toEqual([N, 1]);
      const lDiff = maxDiff(logits.dataSync(), logitsByHand(gan, real, classes, N));
      // G's loss shows D the label part of z: the same one-hot rows as fakeLabels.
      const part = labelPart(tf, s, z);
      const pDiff = yFake && part ? maxDiff(part.dataSync(), yFake.dataSync()) : 0;
      const gD = tf.grads((...p: tf.Tensor[]) =>
        tfDiscriminatorLoss(tf, s, p, x, yReal, fake, yFake, 0.9),
      )(D);
      const gG = tf.grads((...p: tf.Tensor[]) => tfGeneratorLoss(tf, s, p, D, z))(G);
      const read = (list: tf.Tensor[]) => list.map((g) => g.dataSync().slice());
      return [read(gD), read(gG), diff, lDiff, pDiff] as const;
    });
    expect(fakeDiff).toBeLessThan(1e-5);
    expect(logitDiff).toBeLessThan(1e-4);
    expect(partDiff).toBe(0);
    tfD.forEach((g, i) => expect(maxDiff(g, engineD[i]!)).toBeLessThan(1e-4));
    tfG.forEach((g, i) => expect(maxDiff(g, engineG[i]!)).toBeLessThan(1e-4));
    // Not vacuous: the gradients are not all tiny, the label rows' included.
    expect(Math.max(...engineG.map(maxAbs))).toBeGreaterThan(1e-3);
    const dLabelRows = engineD[0]!.subarray(s.pixels * s.discHidden);
    const gLabelRows = engineG[0]!.subarray(s.noiseDim * s.genHidden);
    expect(dLabelRows.length).toBe(s.classes * s.discHidden);
    expect(gLabelRows.length).toBe(s.classes * s.genHidden);
    if (s.classes) {
      expect(maxAbs(dLabelRows)).toBeGreaterThan(1e-3);
      expect(maxAbs(gLabelRows)).toBeGreaterThan(1e-4);
      expect(maxDiff(tfD[0]!.subarray(s.pixels * s.discHidden), dLabelRows)).toBeLessThan(1e-4);
      expect(maxDiff(tfG[0]!.subarray(s.noiseDim * s.genHidden), gLabelRows)).toBeLessThan(1e-4);
    }
  });
});

/**
 * Largest |a − b| over weights whose engine gradient g is clear of Adam's ε (|g| > 1e-6), and over
 * all. Adam's first step is lr·g/(|g| + 1e-8): where |g| is near ε (a hidden unit that is almost
 * never active), float rounding in g moves the step by up to lr, on either engine.
 */
function stepDiff(a: ArrayLike<number>, b: ArrayLike<number>, g: ArrayLike<number>) {
  let clear = 0;
  let all = 0;
  for (let k = 0; k < a.length; k++) {
    const d = Math.abs(a[k]! - b[k]!);
    all = Math.max(all, d);
    if (Math.abs(g[k]!) > 1e-6) clear = Math.max(clear, d);
  }
  return { clear, all };
}

describe('the same model trains on tfjs (the path for readers with a GPU)', () => {
  it.each([
    ['conditional (the default)', spec],
    ['unconditional (classes 0)', UNCONDITIONAL],
  ])('%s: one tfjs iteration gives the engine’s losses and nearly its new weights', (_, s) => {
    const { gan, real, classes } = warmGan(8, s);
    const weights = { G: copies(paramsG(gan)), D: copies(paramsD(gan)) };
    const training = { ...DIGITS_GAN_TRAINING, batchSize: N };
    const tgan = createTfDigitsGan(tf, s, training, weights);
    // The engine's Adam state is warm; compare on fresh optimizers on both sides.
    const fresh = createDigitsGan(s, training, createRng(1), N);
    paramsG(fresh).forEach((a, i) => a.set(weights.G[i]!));
    paramsD(fresh).forEach((a, i) => a.set(weights.D[i]!));
    const rngTf = createRng(21);
    const rng = createRng(21);
    try {
      const r = tfIteration(tf, tgan, real, N, rngTf, training.realLabel, classes);
      const d = discriminatorStep(fresh, real, N, rng, training.realLabel, classes);
      const g = generatorStep(fresh, N, rng);
      expect(r.dLoss).toBeCloseTo(d.loss, 4);
      expect(r.gLoss).toBeCloseTo(g, 3);
      expect(r.dFake).toBeCloseTo(d.dFake, 4);
      expect(r.dReal).toBeCloseTo(d.dReal, 4);
      // Both drew the same rows from the stream: it is at the same place.
      expect(rngTf.next()).toBe(rng.next());
      const G = tgan.G.map((v) => v.dataSync());
      const D = tgan.D.map((v) => v.dataSync());
      const lr = training.lrG;
      G.forEach((a, i) => {
        const m = stepDiff(a, paramsG(fresh)[i]!, fresh.gradG[i]!);
        expect(m.clear).toBeLessThan(1e-5);
        expect(m.all).toBeLessThanOrEqual(2 * lr);
      });
      D.forEach((a, i) => {
        const m = stepDiff(a, paramsD(fresh)[i]!, fresh.gradD[i]!);
        expect(m.clear).toBeLessThan(1e-5);
        expect(m.all).toBeLessThanOrEqual(2 * lr);
      });
      // Each step moved its network (so the comparison above is not of untouched weights).
      expect(maxDiff(G[0]!, weights.G[0]!)).toBeGreaterThan(1e-4);
      expect(maxDiff(D[0]!, weights.D[0]!)).toBeGreaterThan(1e-4);
      if (s.classes) {
        expect(() => tfIteration(tf, tgan, real, N, createRng(1), training.realLabel)).toThrow(
          RangeError,
        );
      }
    } finally {
      tgan.dispose();
    }
  });
});
