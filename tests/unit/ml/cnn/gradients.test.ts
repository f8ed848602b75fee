import type { Scalar } from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNet, paramsOf, type NetOptions } from '../../../../src/lib/ml/cnn/net';
import {
  digitsCnnSpec,
  digitsDenseSpec,
  initWeights,
  paramShapes,
  type CnnSpec,
} from '../../../../src/lib/ml/cnn/spec';
import { buildTfModel } from '../../../../src/lib/ml/cnn/tf-model';
import { createRng } from '../../../../src/lib/ml/rng';
import type { Tf } from '../../../../src/lib/ml/tf';
import { loadTf } from '../../../../src/lib/ml/tf';

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf({ backend: 'cpu' });
});

/** A batch of digit-like images: mostly zero with random strokes of values in (0, 1]. */
function batch(count: number, seed: number, hw = 28) {
  const r = createRng(seed);
  const x = new Float32Array(count * hw * hw);
  for (let i = 0; i < x.length; i++) if (r.next() < 0.3) x[i] = r.next();
  const labels = Uint8Array.from({ length: count }, () => r.int(10));
  return { x, labels };
}

// A spec with 'same' padding and a ReLU hidden dense layer, to cover every engine branch.
const otherSpec: CnnSpec = {
  input: [12, 12, 1],
  layers: [
    { kind: 'conv', name: 'a', kernel: 3, filters: 4, padding: 'same', activation: 'relu' },
    { kind: 'maxpool', name: 'p', size: 2 },
    { kind: 'conv', name: 'b', kernel: 3, filters: 5, padding: 'same', activation: 'linear' },
    { kind: 'maxpool', name: 'q', size: 3 },
    { kind: 'dense', name: 'h', units: 6, activation: 'relu' },
    { kind: 'dense', name: 'out', units: 10, activation: 'linear' },
  ],
  classes: 10,
};

// 'same' padding with 8 and 16 filters: the gather and blocked kernels on padded borders.
const sameSpec: CnnSpec = {
  input: [12, 12, 1],
  layers: [
    { kind: 'conv', name: 'a', kernel: 5, filters: 8, padding: 'same', activation: 'relu' },
    { kind: 'maxpool', name: 'p', size: 2 },
    { kind: 'conv', name: 'b', kernel: 3, filters: 16, padding: 'same', activation: 'relu' },
    { kind: 'maxpool', name: 'q', size: 2 },
    { kind: 'dense', name: 'out', units: 10, activation: 'linear' },
  ],
  classes: 10,
};

const scatterOnly: NetOptions = { gatherFromChannels: 99, blockedBackwardBelowChannels: 0 };
const blockedAll: NetOptions = { gatherFromChannels: 1, blockedBackwardBelowChannels: 99 };

describe('typed-array CNN gradients equal tf.grads', () => {
  it.each([
    ['digits CNN', digitsCnnSpec, 28, {}],
    ['digits CNN, scatter kernels only', digitsCnnSpec, 28, scatterOnly],
    ['digits CNN, gather/blocked kernels everywhere', digitsCnnSpec, 28, blockedAll],
    ['dense comparison net', digitsDenseSpec, 28, {}],
    ['same padding, linear conv, hidden dense', otherSpec, 12, {}],
    ['same padding, 8/16 filters, blocked kernels', sameSpec, 12, blockedAll],
  ] as const)('%s: within 1e-4 on the same weights and batch', (_name, spec, hw, opts) => {
    const B = 8;
    const w = initWeights(spec, 7);
    // Non-zero biases so ReLU boundaries are exercised away from zero.
    const r = createRng(3);
    for (const p of paramShapes(spec)) {
      if (p.name.endsWith('/bias'))
        w[p.name] = Float32Array.from(w[p.name]!, () => r.uniform(-0.1, 0.1));
    }
    const { x, labels } = batch(B, 11, hw);
    const net = createNet(spec, opts);
    const params = paramsOf(spec, w);
    const grads = params.map((p) => new Float32Array(p.length));
    let loss = 0;
    for (let b = 0; b < B; b++) {
      net.forward(params, x, b * hw * hw);
      loss += net.backward(params, x, b * hw * hw, labels[b]!, 1 / B, grads) / B;
    }

    const before = tf.memory().numTensors;
    const model = buildTfModel(tf, spec, w);
    const names = paramShapes(spec).map((p) => p.name);
    const vars = names.map((n) => model.variables[n]!);
    const { value, grads: named } = tf.tidy(() => {
      const xt = tf.tensor4d(x, [B, hw, hw, 1]);
      return tf.variableGrads(() => model.loss(xt, labels) as Scalar, vars);
    });
    const tg = vars.map((v) => named[v.name]!);
    expect(value.dataSync()[0]).toBeCloseTo(loss, 4);
    names.forEach((n, i) => {
      const expected = tg[i]!.dataSync();
      const got = grads[i]!;
      let maxDiff = 0;
      for (let k = 0; k < got.length; k++)
        maxDiff = Math.max(maxDiff, Math.abs(got[k]! - expected[k]!));
      expect(maxDiff, n).toBeLessThan(1e-4);
      // Not vacuous: every parameter array has a real gradient.
      expect(Math.max(...Array.from(expected, Math.abs)), n).toBeGreaterThan(1e-4);
    });
    tf.dispose([value, ...tg]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
