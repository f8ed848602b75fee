// The digits GAN on tfjs (the path for readers with a GPU): a tfjs session follows the typed
// session's run from the same seed (same initial weights, batches, noise and averaging), its
// tensors are freed, and the probe keeps the typed-array engine unless a hardware GPU is faster.
// tfjs's cpu backend stands in for WebGL here.
import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { none, swiftshader, webglGpu } from '../../support/devices.ts';
import { chooseEngine } from '../../../../src/lib/ml/gpu-engine.ts';
import type { Tf } from '../../../../src/lib/ml/tf.ts';
import { createRng } from '../../../../src/lib/ml/rng.ts';
import { noiseVectors } from '../../../../src/lib/gan/digits/inputs.ts';
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
const opts = { seed: 3, images, count: 40, emaDecay: 0.9 };
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]! - b[k]!));
  return m;
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('digits GAN session on tfjs', () => {
  it('follows the typed session from the same seed; frees its tensors', () => {
    const before = tf.memory().numTensors;
    const typed = createDigitsSession(opts);
    const tfs = createTfDigitsSession(tf, opts);
    // Same starting weights.
    typed.weights().G.forEach((a, i) => expect(maxDiff(a, tfs.weights().G[i]!)).toBe(0));
    expect(typed.run(3)).toBe(true);
    expect(tfs.run(3)).toBe(true);
    expect(tfs.iteration).toBe(3);
    expect(tfs.last.dLoss).toBeCloseTo(typed.last.dLoss, 3);
    expect(tfs.last.gLoss).toBeCloseTo(typed.last.gLoss, 3);
    expect(tfs.last.dReal).toBeCloseTo(typed.last.dReal, 3);
    expect(tfs.last.dFake).toBeCloseTo(typed.last.dFake, 3);
    typed.weights().D.forEach((a, i) => expect(maxDiff(a, tfs.weights().D[i]!)).toBeLessThan(1e-4));
    typed
      .averagedGenerator()
      .forEach((a, i) => expect(maxDiff(a, tfs.averagedGenerator()[i]!)).toBeLessThan(1e-4));
    // Samples from the averaged generator and from the live one.
    const z = noiseVectors(createRng(7), 5, typed.spec.noiseDim);
    expect(maxDiff(typed.generate(z, 5), tfs.generate(z, 5))).toBeLessThan(1e-4);
    expect(maxDiff(typed.generate(z, 5, true), tfs.generate(z, 5, true))).toBeLessThan(1e-4);
    // Loading weights replaces both networks and the average.
    const w = typed.weights();
    tfs.load(w, 500);
    expect(tfs.iteration).toBe(500);
    expect(maxDiff(tfs.averagedGenerator()[2]!, w.G[2]!)).toBe(0);
    tfs.dispose?.();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('digits GAN engine probe', () => {
  const data = { images, count: 40 };
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
