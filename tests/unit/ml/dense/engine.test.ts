// The dense engine against tfjs (cpu backend): same weights and batch → same loss and gradients.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  createNet,
  createWorkspace,
  computeGradients,
  parameters,
  penalty,
  addPenaltyGradient,
  LEAKY_ALPHA,
  type ActivationName,
  type DenseNet,
  type LossName,
  type OutputKind,
  type RegularizationName,
} from '../../../../src/lib/ml/dense/index.ts';
import { createRng } from '../../../../src/lib/ml/rng.ts';

/** A seeded uniform [0, 1) source as a plain function. */
const rand = (seed: number) => {
  const rng = createRng(seed);
  return () => rng.next();
};

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

interface Case {
  sizes: number[];
  activation: ActivationName;
  output: OutputKind;
  loss: LossName;
  reg: RegularizationName;
  rate: number;
}

function batchFor(c: Case, n: number, seed: number) {
  const random = rand(seed);
  const nIn = c.sizes[0]!;
  const inputs = new Float32Array(n * nIn).map(() => random() * 4 - 2);
  const targets = new Float32Array(n).map(() => {
    if (c.output === 'linear') return random() * 2 - 1;
    if (c.output === 'sigmoid') return random() < 0.5 ? 0 : 1;
    return Math.floor(random() * c.sizes[c.sizes.length - 1]!);
  });
  return { inputs, targets };
}

const tfAct = (name: ActivationName, z: tf.Tensor): tf.Tensor =>
  name === 'leaky-relu'
    ? tf.leakyRelu(z, LEAKY_ALPHA)
    : name === 'relu'
      ? tf.relu(z)
      : name === 'tanh'
        ? tf.tanh(z)
        : name === 'sigmoid'
          ? tf.sigmoid(z)
          : z;

/**
 * Loss and gradients computed by tfjs's autodiff for the same network, batch and (optional)
 * dropout masks (one [batch, units] array per hidden layer).
 */
function tfReference(
  net: DenseNet,
  c: Case,
  inputs: Float32Array,
  targets: Float32Array,
  masks?: Float32Array[],
): { loss: number; grads: Float32Array[] } {
  const n = targets.length;
  const L = net.weights.length;
  const nOut = c.sizes[L]!;
  const vars = parameters(net).map((p, k) => {
    const l = Math.floor(k / 2);
    const shape: [number, number] | [number] =
      k % 2 === 0 ? [net.sizes[l + 1]!, net.sizes[l]!] : [net.sizes[l + 1]!];
    return tf.tidy(() => tf.variable(tf.tensor(p, shape), true, `v${k}_${Math.random()}`));
  });
  const result = tf.tidy(() => {
    const x = tf.tensor2d(inputs, [n, net.sizes[0]!]);
    const f = () => {
      let a: tf.Tensor = x;
      let z: tf.Tensor = x;
      for (let l = 0; l < L; l++) {
        z = tf.add(tf.matMul(a, vars[2 * l]!, false, true), vars[2 * l + 1]!);
        if (l < L - 1) {
          a = tfAct(c.activation, z);
          if (masks) a = tf.mul(a, tf.tensor2d(masks[l]!, [n, net.sizes[l + 1]!]));
        }
      }
      let loss: tf.Scalar;
      if (c.output === 'linear') {
        loss = tf.losses.meanSquaredError(tf.tensor2d(targets, [n, 1]), z);
      } else if (c.output === 'sigmoid') {
        const labels = tf.tensor2d(targets, [n, 1]);
        loss =
          c.loss === 'cross-entropy'
            ? tf.losses.sigmoidCrossEntropy(labels, z)
            : tf.losses.meanSquaredError(labels, tf.sigmoid(z));
      } else {
        const onehot = tf.oneHot(tf.tensor1d(targets, 'int32'), nOut).toFloat();
        loss =
          c.loss === 'cross-entropy'
            ? tf.losses.softmaxCrossEntropy(onehot, z)
            : tf.losses.meanSquaredError(onehot, tf.softmax(z));
      }
      if (c.reg !== 'none' && c.rate > 0) {
        const reg =
          c.reg === 'l1' ? tf.regularizers.l1({ l1: c.rate }) : tf.regularizers.l2({ l2: c.rate });
        for (let l = 0; l < L; l++) loss = tf.add(loss, reg.apply(vars[2 * l]!));
      }
      return loss;
    };
    const { value, grads } = tf.variableGrads(f, vars);
    return {
      loss: value.dataSync()[0]!,
      grads: vars.map((v) => grads[v.name]!.dataSync() as Float32Array),
    };
  });
  for (const v of vars) v.dispose();
  return result;
}

function engineGradients(net: DenseNet, c: Case, inputs: Float32Array, targets: Float32Array) {
  const ws = createWorkspace(net);
  const dataLoss = computeGradients(net, ws, inputs, targets, 0, targets.length, {
    loss: c.loss,
    dropout: 0,
  });
  addPenaltyGradient(net, ws.grads, c.reg, c.rate);
  return { loss: dataLoss + penalty(net, c.reg, c.rate), grads: ws.grads };
}

function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-5) {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k]! - b[k]!));
  expect(worst).toBeLessThanOrEqual(tol);
}

const cases: Case[] = [];
for (const activation of ['relu', 'tanh', 'sigmoid', 'linear', 'leaky-relu'] as const) {
  cases.push({
    sizes: [2, 8, 8, 1],
    activation,
    output: 'sigmoid',
    loss: 'cross-entropy',
    reg: 'none',
    rate: 0,
  });
}
cases.push(
  {
    sizes: [2, 8, 8, 1],
    activation: 'tanh',
    output: 'sigmoid',
    loss: 'squared',
    reg: 'l2',
    rate: 0.01,
  },
  {
    sizes: [7, 6, 5, 4, 3],
    activation: 'relu',
    output: 'softmax',
    loss: 'cross-entropy',
    reg: 'l1',
    rate: 0.003,
  },
  {
    sizes: [3, 5, 3],
    activation: 'sigmoid',
    output: 'softmax',
    loss: 'squared',
    reg: 'none',
    rate: 0,
  },
  { sizes: [2, 4, 1], activation: 'tanh', output: 'linear', loss: 'squared', reg: 'l2', rate: 0.1 },
  {
    sizes: [4, 1],
    activation: 'tanh',
    output: 'sigmoid',
    loss: 'cross-entropy',
    reg: 'l1',
    rate: 0.05,
  },
  {
    sizes: [2, 8, 8, 8, 8, 8, 8, 1],
    activation: 'tanh',
    output: 'sigmoid',
    loss: 'cross-entropy',
    reg: 'none',
    rate: 0,
  },
);

describe('dense engine gradients match tfjs', () => {
  for (const [i, c] of cases.entries()) {
    it(`${c.sizes.join('-')} ${c.activation} → ${c.output}, ${c.loss}, ${c.reg} ${c.rate}`, () => {
      const net = createNet(c, rand(100 + i));
      // Non-zero biases so every term of the gradient is exercised.
      const r = rand(7 + i);
      for (const b of net.biases) b.forEach((_, k) => (b[k] = r() - 0.5));
      const { inputs, targets } = batchFor(c, 10, 50 + i);
      const mine = engineGradients(net, c, inputs, targets);
      const ref = tfReference(net, c, inputs, targets);
      expect(Math.abs(mine.loss - ref.loss)).toBeLessThanOrEqual(1e-5);
      mine.grads.forEach((g, k) => expectClose(g, ref.grads[k]!));
    });
  }

  it('the gradients are not trivially zero (the comparison can fail)', () => {
    const c = cases[1]!;
    const net = createNet(c, rand(3));
    const { inputs, targets } = batchFor(c, 10, 4);
    const { grads } = engineGradients(net, c, inputs, targets);
    expect(Math.max(...grads.map((g) => Math.max(...g.map(Math.abs))))).toBeGreaterThan(1e-3);
    // A deliberately wrong network (one weight changed) gives different gradients.
    const other = createNet(c, rand(3));
    other.weights[0]![0] = other.weights[0]![0]! + 0.5;
    const wrong = engineGradients(other, c, inputs, targets);
    const diff = Math.max(...grads[0]!.map((g, k) => Math.abs(g - wrong.grads[0]![k]!)));
    expect(diff).toBeGreaterThan(1e-4);
  });
});

describe('dropout gradients match tfjs with the same masks', () => {
  it('2-8-8-1 tanh, rate 0.5', () => {
    const c: Case = {
      sizes: [2, 8, 8, 1],
      activation: 'tanh',
      output: 'sigmoid',
      loss: 'cross-entropy',
      reg: 'none',
      rate: 0,
    };
    const net = createNet(c, rand(11));
    const { inputs, targets } = batchFor(c, 10, 12);
    const ws = createWorkspace(net);
    const loss = computeGradients(net, ws, inputs, targets, 0, 10, {
      loss: c.loss,
      dropout: 0.5,
      random: rand(99),
    });
    // Rebuild the masks from the same stream: example by example, layer by layer, unit by unit.
    const r = rand(99);
    const masks = [new Float32Array(10 * 8), new Float32Array(10 * 8)];
    for (let e = 0; e < 10; e++)
      for (const m of masks) for (let j = 0; j < 8; j++) m[e * 8 + j] = r() < 0.5 ? 0 : 2;
    expect(masks[0]!.filter((v) => v === 0).length).toBeGreaterThan(10);
    const ref = tfReference(net, c, inputs, targets, masks);
    expect(Math.abs(loss - ref.loss)).toBeLessThanOrEqual(1e-5);
    ws.grads.forEach((g, k) => expectClose(g, ref.grads[k]!));
  });
});
