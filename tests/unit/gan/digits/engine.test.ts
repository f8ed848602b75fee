// The digits GAN's typed-array engine: a generator step changes no discriminator weight and vice
// versa; the losses equal their formulas; the gradients equal tf.grads' within 1e-4 on the same
// weights, real batch and noise (tfjs cpu backend).
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
} from '../../../../src/lib/gan/digits/model.ts';
import { noiseVectors } from '../../../../src/lib/gan/digits/inputs.ts';
import {
  createTfDigitsGan,
  tfIteration,
  parameterShapes,
  tfDiscriminate,
  tfDiscriminatorLoss,
  tfGenerate,
  tfGeneratorLoss,
} from '../../../../src/lib/gan/digits/tf-gan.ts';
import { softplus } from '../../../../src/lib/gan/gan.ts';

const spec = DIGITS_GAN_SPEC;
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

/** A GAN a few steps into training (so ReLUs and sigmoids are not at their initial values). */
function warmGan(seed = 3): { gan: DigitsGan; real: Float32Array } {
  const rng = createRng(seed);
  const gan = createDigitsGan(spec, DIGITS_GAN_TRAINING, rng, N);
  // "Real" images: smooth blobs in 0–1, different per row, many exact zeros like digits.
  const real = new Float32Array(N * spec.pixels);
  for (let e = 0; e < N; e++) {
    const cx = 4 + rng.next() * 6;
    const cy = 4 + rng.next() * 6;
    for (let p = 0; p < spec.pixels; p++) {
      const d2 = ((p % 14) - cx) ** 2 + (Math.floor(p / 14) - cy) ** 2;
      real[e * spec.pixels + p] = d2 < 9 ? Math.exp(-d2 / 6) : 0;
    }
  }
  for (let k = 0; k < 5; k++) {
    discriminatorStep(gan, real, N, rng, 0.9);
    generatorStep(gan, N, rng);
  }
  return { gan, real };
}

const copies = (list: Float32Array[]) => list.map((a) => a.slice());
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]! - b[k]!));
  return m;
};

describe('digits GAN steps touch only their own network', () => {
  it('a generator step changes every G array and no D weight', () => {
    const { gan } = warmGan();
    const g0 = copies(paramsG(gan));
    const d0 = copies(paramsD(gan));
    generatorStep(gan, N, createRng(9));
    paramsD(gan).forEach((a, i) => expect(Array.from(a)).toEqual(Array.from(d0[i]!)));
    paramsG(gan).forEach((a, i) => expect(maxDiff(a, g0[i]!)).toBeGreaterThan(0));
  });
  it('a discriminator step changes every D array and no G weight', () => {
    const { gan, real } = warmGan();
    const g0 = copies(paramsG(gan));
    const d0 = copies(paramsD(gan));
    discriminatorStep(gan, real, N, createRng(9), 0.9);
    paramsG(gan).forEach((a, i) => expect(Array.from(a)).toEqual(Array.from(g0[i]!)));
    paramsD(gan).forEach((a, i) => expect(maxDiff(a, d0[i]!)).toBeGreaterThan(0));
  });
});

/** D's logits by hand from the formulas (engine weights, plain loops). */
function logitsByHand(gan: DigitsGan, x: Float32Array, n: number): number[] {
  const [W1, b1, W2, b2] = paramsD(gan) as [Float32Array, Float32Array, Float32Array, Float32Array];
  const H = spec.discHidden;
  const out: number[] = [];
  for (let e = 0; e < n; e++) {
    let l = b2[0]!;
    for (let j = 0; j < H; j++) {
      let z = b1[j]!;
      for (let i = 0; i < spec.pixels; i++) z += x[e * spec.pixels + i]! * W1[i * H + j]!;
      l += (z > 0 ? z : spec.slope * z) * W2[j]!;
    }
    out.push(l);
  }
  return out;
}

describe('digits GAN losses equal their formulas', () => {
  it('D: mean over real of t·softplus(−l) + (1−t)·softplus(l), plus mean softplus(l) over fakes', () => {
    const { gan, real } = warmGan();
    const noise = noiseVectors(createRng(11), N, spec.noiseDim);
    const fake = generateWith(spec, paramsG(gan), noise, N);
    const lr = logitsByHand(gan, real, N);
    const lf = logitsByHand(gan, fake, N);
    const t = 0.9;
    const expected =
      lr.reduce((s, l) => s + t * softplus(-l) + (1 - t) * softplus(l), 0) / N +
      lf.reduce((s, l) => s + softplus(l), 0) / N;
    setNoise(gan, noise);
    const r = discriminatorGradients(gan, real, N, t);
    expect(r.loss).toBeCloseTo(expected, 4);
    expect(r.dFake).toBeCloseTo(lf.reduce((s, l) => s + 1 / (1 + Math.exp(-l)), 0) / N, 5);
  });
  it('G: mean −log D(G(z)) = mean softplus(−l)', () => {
    const { gan } = warmGan();
    const noise = noiseVectors(createRng(12), N, spec.noiseDim);
    const lf = logitsByHand(gan, generateWith(spec, paramsG(gan), noise, N), N);
    setNoise(gan, noise);
    expect(generatorGradients(gan, N)).toBeCloseTo(lf.reduce((s, l) => s + softplus(-l), 0) / N, 4);
  });
});

describe('digits GAN gradients equal tf.grads', () => {
  it('D gradients and G gradients within 1e-4, and the forward passes agree', () => {
    const { gan, real } = warmGan(5);
    const shapes = parameterShapes(spec);
    const noise = noiseVectors(createRng(13), N, spec.noiseDim);
    setNoise(gan, noise);
    discriminatorGradients(gan, real, N, 0.9);
    const engineD = copies(gan.gradD);
    setNoise(gan, noise);
    generatorGradients(gan, N);
    const engineG = copies(gan.gradG);

    const [tfD, tfG, fakeDiff] = tf.tidy(() => {
      const G = paramsG(gan).map((a, i) => tf.tensor(a, shapes.G[i]));
      const D = paramsD(gan).map((a, i) => tf.tensor(a, shapes.D[i]));
      const z = tf.tensor2d(noise, [N, spec.noiseDim]);
      const x = tf.tensor2d(real, [N, spec.pixels]);
      const fake = tfGenerate(tf, G, z, spec);
      const diff = maxDiff(fake.dataSync(), generateWith(spec, paramsG(gan), noise, N));
      const gD = tf.grads((...p: tf.Tensor[]) => tfDiscriminatorLoss(tf, spec, p, x, fake, 0.9))(D);
      const gG = tf.grads((...p: tf.Tensor[]) => tfGeneratorLoss(tf, spec, p, D, z))(G);
      // tfDiscriminate is exercised by both losses; one direct call keeps its shape honest.
      expect(tfDiscriminate(tf, spec, D, x).shape).toEqual([N, 1]);
      return [gD.map((g) => g.dataSync().slice()), gG.map((g) => g.dataSync().slice()), diff];
    });
    expect(fakeDiff).toBeLessThan(1e-5);
    tfD.forEach((g, i) => expect(maxDiff(g, engineD[i]!)).toBeLessThan(1e-4));
    tfG.forEach((g, i) => expect(maxDiff(g, engineG[i]!)).toBeLessThan(1e-4));
    // Not vacuous: the gradients are not all tiny.
    expect(Math.max(...engineG.map((g) => maxDiff(g, new Float32Array(g.length))))).toBeGreaterThan(
      1e-3,
    );
  });
});

describe('the same model trains on tfjs (the path for readers with a GPU)', () => {
  it('one tfjs iteration gives the engine’s losses and nearly the engine’s new weights', () => {
    const { gan, real } = warmGan(8);
    const weights = { G: copies(paramsG(gan)), D: copies(paramsD(gan)) };
    const training = { ...DIGITS_GAN_TRAINING, batchSize: N };
    const tgan = createTfDigitsGan(tf, spec, training, weights);
    // The engine's Adam state is warm; compare on fresh optimizers on both sides.
    const fresh = createDigitsGan(spec, training, createRng(1), N);
    paramsG(fresh).forEach((a, i) => a.set(weights.G[i]!));
    paramsD(fresh).forEach((a, i) => a.set(weights.D[i]!));
    const {
      dLoss: dTf,
      gLoss: gTf,
      dFake,
    } = tfIteration(tf, tgan, real, N, createRng(21), training.realLabel);
    const rng = createRng(21);
    const d = discriminatorStep(fresh, real, N, rng, training.realLabel);
    const g = generatorStep(fresh, N, rng);
    expect(dTf).toBeCloseTo(d.loss, 4);
    expect(gTf).toBeCloseTo(g, 3);
    expect(dFake).toBeCloseTo(d.dFake, 4);
    const after = tgan.G.map((v) => v.dataSync());
    after.forEach((a, i) => expect(maxDiff(a, paramsG(fresh)[i]!)).toBeLessThan(1e-5));
    tgan.dispose();
  });
});
