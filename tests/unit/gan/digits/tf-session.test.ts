// The digits GAN on tfjs (the path for readers with a GPU): a tfjs session follows the typed
// session's run from the same seed (same initial weights, batches, labels, G inputs and
// averaging), conditional (the default) and unconditional, its tensors are freed, and the probe
// keeps the typed-array engine unless a hardware GPU is faster. tfjs's cpu backend stands in for
// WebGL here.
import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { none, swiftshader, webglGpu } from '../../support/devices.ts';
import { chooseEngine } from '../../../../src/lib/ml/gpu-engine.ts';
import type { Tf } from '../../../../src/lib/ml/tf.ts';
import { createRng } from '../../../../src/lib/ml/rng.ts';
import { inputVectors, noiseVectors, withLabels } from '../../../../src/lib/gan/digits/inputs.ts';
import { DIGITS_GAN_SPEC } from '../../../../src/lib/gan/digits/model.ts';
import { createDigitsSession } from '../../../../src/lib/gan/digits/session.ts';
import { createTfDigitsSession } from '../../../../src/lib/gan/digits/tf-session.ts';
import { probeDigitsEngine } from '../../../../src/lib/gan/digits/engine-probe.ts';

/** 40 blob "digits", 14×14 in 0–1, with many exact zeros like real ones. */
function blobs(count: number): Float32Array {
  const rng = createRng(4);
  const out = new Float32Array(count * 196);
  for (let e = 0; e < count; e++) {
    const cx = 4 + rng.next() * 6;
    const cy = 4 + rng.next() * 6;
    for (let p = 0; p < 196; p++) {
      const d2 = ((p % 14) - cx) ** 2 + (Math.floor(p / 14) - cy) ** 2;
      out[e * 196 + p] = d2 < 9 ? Math.exp(-d2 / 6) : 0;
    }
  }
  return out;
}
const images = blobs(40);
/** Synthetic labels, every digit four times. */
const labels = Uint8Array.from({ length: 40 }, (_, e) => e % 10);
const base = { seed: 3, images, count: 40, emaDecay: 0.9 };
const opts = { ...base, labels };
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]! - b[k]!));
  return m;
};

/**
 * Weight arrays agree within 1e-4 but for at most 3 entries, and those within 2·lr. Adam's first
 * step is lr·g/(|g| + 1e-8): for an entry whose gradient is within float noise of zero (a hidden
 * unit almost never active: 2e-9 on one G2 entry here) rounding alone moves it by up to lr, and
 * the offset stays. Everything else agrees to ~3e-6 after three iterations.
 */
function expectAlike(a: readonly Float32Array[], b: readonly Float32Array[], lr: number) {
  let outliers = 0;
  a.forEach((w, i) => {
    expect(maxDiff(w, b[i]!)).toBeLessThanOrEqual(2 * lr);
    for (let k = 0; k < w.length; k++) if (Math.abs(w[k]! - b[i]![k]!) > 1e-4) outliers++;
  });
  expect(outliers).toBeLessThanOrEqual(3);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('digits GAN session on tfjs', () => {
  it('follows the typed conditional session from the same seed; frees its tensors', () => {
    const before = tf.memory().numTensors;
    const typed = createDigitsSession(opts);
    const tfs = createTfDigitsSession(tf, opts);
    expect(tfs.spec.classes).toBe(10);
    // Same starting weights.
    typed.weights().G.forEach((a, i) => expect(maxDiff(a, tfs.weights().G[i]!)).toBe(0));
    expect(typed.run(3)).toBe(true);
    expect(tfs.run(3)).toBe(true);
    expect(tfs.iteration).toBe(3);
    expect(tfs.last.dLoss).toBeCloseTo(typed.last.dLoss, 3);
    expect(tfs.last.gLoss).toBeCloseTo(typed.last.gLoss, 3);
    expect(tfs.last.dReal).toBeCloseTo(typed.last.dReal, 3);
    expect(tfs.last.dFake).toBeCloseTo(typed.last.dFake, 3);
    const lr = typed.training.lrG;
    expectAlike(typed.weights().D, tfs.weights().D, lr);
    expectAlike(typed.averagedGenerator(), tfs.averagedGenerator(), lr);
    expectAlike(typed.weights().G, tfs.weights().G, lr);
    // D1's label rows (after the 196 pixel rows) moved, and alike on both engines.
    const H = typed.spec.discHidden;
    const labelRows = (w: Float32Array[]) => w[0]!.subarray(typed.spec.pixels * H);
    const start = createDigitsSession(opts).weights();
    expect(maxDiff(labelRows(typed.weights().D), labelRows(start.D))).toBeGreaterThan(1e-4);
    expect(maxDiff(labelRows(typed.weights().D), labelRows(tfs.weights().D))).toBeLessThan(1e-4);
    // Samples for G input rows (noise, then one-hot label), averaged generator and live one.
    const z = inputVectors(createRng(7), 5, typed.spec);
    expect(maxDiff(typed.generate(z, 5), tfs.generate(z, 5))).toBeLessThan(1e-4);
    expect(maxDiff(typed.generate(z, 5, true), tfs.generate(z, 5, true))).toBeLessThan(1e-4);
    // The label steers G: the same noise asked for two digits draws two images.
    const noise = noiseVectors(createRng(8), 2, typed.spec.noiseDim);
    const twice = new Float32Array([...noise.subarray(0, 16), ...noise.subarray(0, 16)]);
    const asked = tfs.generate(withLabels(twice, [3, 8], 2, typed.spec), 2);
    expect(maxDiff(asked.subarray(0, 196), asked.subarray(196))).toBeGreaterThan(1e-3);
    // Loading weights replaces both networks and the average.
    const w = typed.weights();
    tfs.load(w, 500);
    expect(tfs.iteration).toBe(500);
    expect(maxDiff(tfs.averagedGenerator()[2]!, w.G[2]!)).toBe(0);
    tfs.dispose?.();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('follows the typed unconditional session (classes 0, no labels) too', () => {
    const before = tf.memory().numTensors;
    const plain = { ...base, spec: { ...DIGITS_GAN_SPEC, classes: 0 } };
    const typed = createDigitsSession(plain);
    const tfs = createTfDigitsSession(tf, plain);
    expect(typed.run(2)).toBe(true);
    expect(tfs.run(2)).toBe(true);
    expect(tfs.last.dLoss).toBeCloseTo(typed.last.dLoss, 3);
    expect(tfs.last.gLoss).toBeCloseTo(typed.last.gLoss, 3);
    expectAlike(typed.weights().D, tfs.weights().D, typed.training.lrD);
    expectAlike(typed.weights().G, tfs.weights().G, typed.training.lrG);
    const z = noiseVectors(createRng(7), 5, plain.spec.noiseDim);
    expect(maxDiff(typed.generate(z, 5, true), tfs.generate(z, 5, true))).toBeLessThan(1e-4);
    tfs.dispose?.();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a conditional session without one label per image is refused, like the typed one', () => {
    const before = tf.memory().numTensors;
    for (const bad of [base, { ...base, labels: labels.subarray(0, 39) }]) {
      expect(() => createDigitsSession(bad)).toThrow(RangeError);
      expect(() => createTfDigitsSession(tf, bad)).toThrow(RangeError);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('digits GAN engine probe', () => {
  const data = { images, count: 40, labels };
  it('without a hardware GPU: typed at once, tfjs never asked for', async () => {
    for (const device of [none, swiftshader]) {
      let asked = 0;
      const r = await probeDigitsEngine(data, {
        detect: () => Promise.resolve(device),
        tfOn: () => {
          asked++;
          return Promise.resolve(null);
        },
        now: () => performance.now(),
      });
      expect(r).toEqual({ engine: 'typed', rates: {}, tf: null });
      expect(asked).toBe(0);
    }
  });

  it('with a GPU: measures both engines and keeps the faster; tensors are freed', async () => {
    const before = tf.memory().numTensors;
    const deps = {
      detect: () => Promise.resolve(webglGpu),
      tfOn: () => Promise.resolve(tf as unknown as Tf),
      now: () => performance.now(),
    };
    const r = await probeDigitsEngine(data, deps, { ms: 40 });
    expect(r.rates.typed).toBeGreaterThan(0);
    expect(r.rates.webgl).toBeGreaterThan(0);
    expect(r.engine).toBe(chooseEngine(webglGpu, r.rates));
    expect(r.tf === null).toBe(r.engine === 'typed');
    expect(tf.memory().numTensors).toBe(before);
    const failed = await probeDigitsEngine(data, { ...deps, tfOn: () => Promise.resolve(null) });
    expect(failed.engine).toBe('typed');
    expect(failed.rates.webgl).toBeUndefined();
  });
});
