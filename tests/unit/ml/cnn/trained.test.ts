import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigitsSet } from '../../../../scripts/data/digits.mjs';
import { splitToFloat } from '../../../../src/lib/data/digits';
import {
  CnnModelError,
  decodeModel,
  encodeModel,
  loadTrainedCnn,
  type CnnModelMeta,
} from '../../../../src/lib/ml/cnn/model-file';
import { evaluateSplit, predict } from '../../../../src/lib/ml/cnn/predict';
import { digitsCnnSpec } from '../../../../src/lib/ml/cnn/spec';
import { buildTfModel } from '../../../../src/lib/ml/cnn/tf-model';
import type { Tf } from '../../../../src/lib/ml/tf';
import { loadTf } from '../../../../src/lib/ml/tf';

const data = buildDigitsSet();
function readModel(dir: string) {
  const meta = JSON.parse(readFileSync(`public/models/${dir}/model.json`, 'utf8')) as CnnModelMeta;
  const bin = readFileSync(`public/models/${dir}/weights.bin`);
  return { meta, bin: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.length) };
}

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf({ backend: 'cpu' });
});

describe('shipped digits CNN (public/models/digits-cnn)', () => {
  const { meta, bin } = readModel('digits-cnn');
  const model = decodeModel(meta, bin);

  it('has the lesson architecture and ≥ 98% accuracy on the 2,000 test digits (as its meta says)', () => {
    expect(model.spec).toEqual(digitsCnnSpec);
    const ev = evaluateSplit(model.weights, data.test);
    expect(ev.count).toBe(2000);
    expect(ev.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(ev.accuracy).toBeCloseTo(meta.testAccuracy, 6);
    // The confusion matrix's diagonal is the correct count.
    let diag = 0;
    for (let k = 0; k < 10; k++) diag += ev.confusion[k * 11]!;
    expect(diag).toBe(Math.round(ev.accuracy * 2000));
  });

  it('gives the same probabilities on tfjs (weights move between paths unchanged)', () => {
    const before = tf.memory().numTensors;
    const n = 64;
    const xs = splitToFloat(data.test).subarray(0, n * 784);
    const tfm = buildTfModel(tf, digitsCnnSpec, model.weights, { trainable: false });
    const probs = tf.tidy(() => tfm.predict(tf.tensor4d(xs, [n, 28, 28, 1])).dataSync());
    const x0 = tf.tensor4d(xs.subarray(0, 784), [1, 28, 28, 1]);
    const acts = tfm.activations(x0);
    let maxDiff = 0;
    for (let i = 0; i < n; i++) {
      const p = predict(model.weights, xs.slice(i * 784, (i + 1) * 784));
      for (let k = 0; k < 10; k++)
        maxDiff = Math.max(maxDiff, Math.abs(p.probabilities[k]! - probs[i * 10 + k]!));
      if (i === 0) {
        // Every layer's feature maps match tfjs's too.
        expect(p.activations.map((a) => a.shape)).toEqual([
          [24, 24, 8],
          [12, 12, 8],
          [10, 10, 16],
          [5, 5, 16],
          [1, 1, 10],
        ]);
        p.activations.forEach((a, l) => {
          const t = acts[l]!.dataSync();
          let d = 0;
          for (let j = 0; j < t.length; j++) d = Math.max(d, Math.abs(t[j]! - a.values[j]!));
          expect(d, a.name).toBeLessThan(1e-4);
        });
      }
    }
    expect(maxDiff).toBeLessThan(1e-5);
    tf.dispose([x0, ...acts]);
    // The round trip through tfjs leaves the weights bit-identical.
    const back = tfm.weights();
    for (const [name, v] of Object.entries(model.weights)) expect(back[name]).toEqual(v);
    tfm.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('encodes to the same bytes it was read from', () => {
    const again = encodeModel(model.spec, model.weights, meta);
    expect(again.meta.checksum).toBe(meta.checksum);
    expect(Buffer.from(again.bin).equals(Buffer.from(bin))).toBe(true);
  });

  it('a damaged or missing weights file gives a reader-facing error', async () => {
    const bad = new Uint8Array(bin.slice(0));
    bad[10] = bad[10]! ^ 1;
    expect(() => decodeModel(meta, bad.buffer)).toThrow(CnnModelError);
    expect(() => decodeModel(meta, bin.slice(0, 100))).toThrow(/damaged or incomplete/);
    const realFetch = globalThis.fetch;
    globalThis.fetch = () => Promise.resolve(new Response('', { status: 404 }));
    try {
      await expect(loadTrainedCnn()).rejects.toThrow(/could not be loaded.*404/);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe('shipped 0–4 CNN (public/models/digits-cnn-0to4)', () => {
  it('classifies test digits 0–4 at ≥ 98% and knows nothing of 5–9', () => {
    const { meta, bin } = readModel('digits-cnn-0to4');
    const model = decodeModel(meta, bin);
    expect(meta.classes).toEqual([0, 1, 2, 3, 4]);
    const seen = evaluateSplit(model.weights, data.test, { classes: [0, 1, 2, 3, 4] });
    expect(seen.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(seen.accuracy).toBeCloseTo(meta.testAccuracy, 6);
    const unseen = evaluateSplit(model.weights, data.test, { classes: [5, 6, 7, 8, 9] });
    expect(unseen.accuracy).toBeLessThan(0.05);
  });
});
