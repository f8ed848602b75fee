// Optimizers against tfjs's, dropout only at training time, L1/L2 terms, activations, losses.
import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  activations,
  activationNames,
  activateInto,
  multiplyByDerivative,
  sigmoid,
  createNet,
  cloneNet,
  createWorkspace,
  computeGradients,
  createOptimizer,
  applyGradients,
  decayedLearningRate,
  parameters,
  parameterCount,
  maxWidth,
  predict,
  predictInto,
  unitOutputs,
  penalty,
  addPenaltyGradient,
  trainStep,
  meanLoss,
  totalLoss,
  outputInto,
  lossAndDelta,
  optimizerNames,
  type DenseNet,
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

const spec = { sizes: [2, 8, 8, 1], activation: 'tanh', output: 'sigmoid' } as const;

function toyBatch(n: number, seed: number) {
  const r = rand(seed);
  const inputs = new Float32Array(n * 2).map(() => r() * 2 - 1);
  const targets = new Float32Array(n).map((_, i) =>
    inputs[2 * i]! * inputs[2 * i + 1]! > 0 ? 1 : 0,
  );
  return { inputs, targets };
}

describe('optimizers follow tfjs 4.22 step for step', () => {
  for (const name of optimizerNames) {
    it(name, () => {
      const lr = name === 'sgd' || name === 'momentum' ? 0.1 : 0.01;
      const net = createNet(spec, rand(5));
      const tfNet = cloneNet(net);
      const opt = createOptimizer(name, parameters(net));
      const vars = parameters(tfNet).map((p, k) => {
        const l = Math.floor(k / 2);
        const shape: [number, number] | [number] =
          k % 2 === 0 ? [tfNet.sizes[l + 1]!, tfNet.sizes[l]!] : [tfNet.sizes[l + 1]!];
        return tf.tidy(() => tf.variable(tf.tensor(p, shape)));
      });
      const tfOpt =
        name === 'sgd'
          ? tf.train.sgd(lr)
          : name === 'momentum'
            ? tf.train.momentum(lr, 0.9)
            : name === 'rmsprop'
              ? tf.train.rmsprop(lr)
              : tf.train.adam(lr);
      const ws = createWorkspace(net);
      let afterFirstStep = 0;
      for (let step = 0; step < 6; step++) {
        if (step === 1) afterFirstStep = tf.memory().numTensors; // slots exist from step 1 on
        const { inputs, targets } = toyBatch(10, 20 + step);
        computeGradients(net, ws, inputs, targets, 0, 10, { loss: 'cross-entropy', dropout: 0 });
        applyGradients(opt, parameters(net), ws.grads, lr);
        tf.tidy(() => {
          const x = tf.tensor2d(inputs, [10, 2]);
          const y = tf.tensor2d(targets, [10, 1]);
          tfOpt.minimize(
            () => {
              const h1 = tf.tanh(tf.add(tf.matMul(x, vars[0]!, false, true), vars[1]!));
              const h2 = tf.tanh(tf.add(tf.matMul(h1, vars[2]!, false, true), vars[3]!));
              const z = tf.add(tf.matMul(h2, vars[4]!, false, true), vars[5]!);
              return tf.losses.sigmoidCrossEntropy(y, z);
            },
            false,
            vars,
          );
        });
      }
      let worst = 0;
      let moved = 0;
      const start = parameters(createNet(spec, rand(5)));
      parameters(net).forEach((p, k) => {
        const ref = vars[k]!.dataSync();
        p.forEach((v, i) => {
          worst = Math.max(worst, Math.abs(v - ref[i]!));
          moved = Math.max(moved, Math.abs(v - start[k]![i]!));
        });
      });
      expect(worst).toBeLessThanOrEqual(1e-5);
      expect(moved).toBeGreaterThan(1e-3); // the weights really changed
      expect(opt.iterations).toBe(6);
      // The reference itself does not leak tensors step to step.
      expect(tf.memory().numTensors).toBe(afterFirstStep);
      tfOpt.dispose();
      for (const v of vars) v.dispose();
    });
  }

  it('decays the learning rate as lr / (1 + decay·epoch)', () => {
    expect(decayedLearningRate(0.1, 0, 50)).toBe(0.1);
    expect(decayedLearningRate(0.1, 1, 1)).toBeCloseTo(0.05, 12);
    expect(decayedLearningRate(0.3, 0.5, 4)).toBeCloseTo(0.1, 12);
  });
});

describe('dropout is active only at training time', () => {
  const drop = { sizes: [2, 8, 8, 1], activation: 'relu', output: 'sigmoid' } as const;

  it('prediction and evaluation ignore dropout and are deterministic', () => {
    const net = createNet(drop, rand(1));
    const { inputs, targets } = toyBatch(20, 2);
    const a = meanLoss(net, inputs, targets, 20, 'cross-entropy');
    const ws = createWorkspace(net);
    computeGradients(net, ws, inputs, targets, 0, 20, {
      loss: 'cross-entropy',
      dropout: 0.5,
      random: rand(3),
    });
    expect(meanLoss(net, inputs, targets, 20, 'cross-entropy')).toBe(a);
    expect(predict(net, [0.3, -0.2])[0]).toBe(predict(net, [0.3, -0.2])[0]);
  });

  it('training passes drop about `rate` of the hidden units and scale the rest by 1/(1−rate)', () => {
    const net = createNet(drop, rand(1));
    const { inputs, targets } = toyBatch(1, 2);
    const ws = createWorkspace(net);
    const random = rand(8);
    let zeros = 0;
    let total = 0;
    const seen = new Set<number>();
    for (let k = 0; k < 200; k++) {
      computeGradients(net, ws, inputs, targets, 0, 1, {
        loss: 'cross-entropy',
        dropout: 0.25,
        random,
      });
      for (const l of [1, 2]) {
        for (let j = 0; j < 8; j++) {
          const m = ws.mask[l]![j]!;
          seen.add(Math.round(m * 1e6) / 1e6);
          if (m === 0) zeros++;
          total++;
          expect(ws.a[l]![j]).toBeCloseTo(ws.h[l]![j]! * m, 6);
        }
      }
    }
    expect([...seen].sort()).toEqual([0, 1.333333]);
    expect(zeros / total).toBeGreaterThan(0.2);
    expect(zeros / total).toBeLessThan(0.3);
  });

  it('with dropout 0 no random numbers are drawn and the gradient is the plain one', () => {
    const net = createNet(drop, rand(1));
    const { inputs, targets } = toyBatch(5, 2);
    const ws = createWorkspace(net);
    let calls = 0;
    computeGradients(net, ws, inputs, targets, 0, 5, {
      loss: 'squared',
      dropout: 0,
      random: () => (calls++, 0.5),
    });
    expect(calls).toBe(0);
    expect(() =>
      computeGradients(net, ws, inputs, targets, 0, 5, { loss: 'squared', dropout: 0.5 }),
    ).toThrow(/random/);
  });

  it('the expected training output equals the test-time output (inverted dropout)', () => {
    // One hidden layer of linear units: E[mask·h] = h, so the mean output over many masks is
    // the no-dropout output.
    const net = createNet({ sizes: [2, 8, 1], activation: 'linear', output: 'linear' }, rand(4));
    const x = new Float32Array([0.7, -0.4]);
    const plain = predict(net, x)[0]!;
    const ws = createWorkspace(net);
    const random = rand(6);
    let sum = 0;
    const N = 4000;
    for (let k = 0; k < N; k++) {
      computeGradients(net, ws, x, new Float32Array([0]), 0, 1, {
        loss: 'squared',
        dropout: 0.5,
        random,
      });
      sum += ws.a[2]![0]!;
    }
    expect(sum / N).toBeCloseTo(plain, 1);
  });
});

describe('L1 and L2 terms', () => {
  function tiny(): DenseNet {
    const net = createNet({ sizes: [2, 2, 1], activation: 'tanh', output: 'sigmoid' }, rand(1));
    net.weights[0]!.set([1, -2, 0, 0.5]);
    net.weights[1]!.set([-1, 3]);
    net.biases[0]!.set([10, 10]); // biases are never penalised
    return net;
  }

  it('penalty is rate·Σ|w| or rate·Σw² over weights only', () => {
    const net = tiny();
    expect(penalty(net, 'l1', 0.1)).toBeCloseTo(0.1 * (1 + 2 + 0 + 0.5 + 1 + 3), 6);
    expect(penalty(net, 'l2', 0.1)).toBeCloseTo(0.1 * (1 + 4 + 0 + 0.25 + 1 + 9), 6);
    expect(penalty(net, 'none', 0.1)).toBe(0);
    expect(penalty(net, 'l2', 0)).toBe(0);
    expect(totalLoss(0.5, net, 'l1', 0.1)).toBeCloseTo(0.5 + 0.75, 6);
  });

  it('gradient adds rate·sign(w) (0 at 0) or 2·rate·w to weights and nothing to biases', () => {
    const net = tiny();
    const grads = parameters(net).map((p) => new Float32Array(p.length));
    addPenaltyGradient(net, grads, 'l1', 0.1);
    expect([...grads[0]!].map((v) => +v.toFixed(6))).toEqual([0.1, -0.1, 0, 0.1]);
    expect([...grads[1]!]).toEqual([0, 0]);
    const g2 = parameters(net).map((p) => new Float32Array(p.length));
    addPenaltyGradient(net, g2, 'l2', 0.1);
    expect([...g2[2]!].map((v) => +v.toFixed(6))).toEqual([-0.2, 0.6]);
    expect([...g2[3]!]).toEqual([0]);
  });

  it('L2 shrinks weights during training compared with no regularization', () => {
    const train = (reg: 'none' | 'l2') => {
      const net = createNet(spec, rand(9));
      const opt = createOptimizer('sgd', parameters(net));
      const ws = createWorkspace(net);
      const { inputs, targets } = toyBatch(50, 4);
      for (let s = 0; s < 300; s++) {
        trainStep(net, opt, ws, inputs, targets, (s % 5) * 10, 10, {
          loss: 'cross-entropy',
          learningRate: 0.3,
          regularization: reg,
          regularizationRate: 0.01,
          dropout: 0,
        });
      }
      return penalty(net, 'l2', 1);
    };
    expect(train('l2')).toBeLessThan(train('none') * 0.8);
  });
});

describe('activations and losses', () => {
  it('each derivative matches a finite difference', () => {
    for (const name of activationNames) {
      const f = activations[name];
      for (const z of [-2.3, -0.4, 0.3, 1.7]) {
        const numeric = (f.output(z + 1e-5) - f.output(z - 1e-5)) / 2e-5;
        expect(f.derivative(z, f.output(z))).toBeCloseTo(numeric, 5);
      }
    }
    expect(activations.relu.derivative(0, 0)).toBe(0);
  });

  it('vector forms agree with the scalar forms', () => {
    const z = new Float32Array([-1, 0.5, 2]);
    for (const name of activationNames) {
      const a = new Float32Array(3);
      activateInto(name, z, a, 3);
      const d = new Float32Array([1, 1, 1]);
      multiplyByDerivative(name, z, a, d, 3);
      for (let i = 0; i < 3; i++) {
        expect(a[i]).toBeCloseTo(activations[name].output(z[i]!), 6);
        expect(d[i]).toBeCloseTo(activations[name].derivative(z[i]!, a[i]!), 6);
      }
    }
  });

  it('sigmoid and softmax do not overflow', () => {
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    const y = new Float32Array(3);
    outputInto('softmax', new Float32Array([1000, 1000, -1000]), y, 3);
    expect([...y]).toEqual([0.5, 0.5, 0]);
  });

  it('cross-entropy refuses a linear output', () => {
    const z = new Float32Array([0]);
    expect(() => lossAndDelta('linear', 'cross-entropy', z, z, 0, new Float32Array(1), 1)).toThrow(
      /sigmoid or softmax/,
    );
  });
});

describe('network helpers', () => {
  it('creates Glorot-uniform weights, zero biases, and rejects bad sizes', () => {
    const net = createNet(spec, rand(2));
    expect(parameterCount(net)).toBe(2 * 8 + 8 + 8 * 8 + 8 + 8 + 1);
    expect(maxWidth(net)).toBe(8);
    const limit = Math.sqrt(6 / 10);
    expect(Math.max(...net.weights[0]!.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(net.biases.every((b) => b.every((v) => v === 0))).toBe(true);
    expect(() => createNet({ ...spec, sizes: [2] }, Math.random)).toThrow();
    expect(() => createNet({ ...spec, sizes: [2, 0, 1] }, Math.random)).toThrow(/≥ 1/);
    const again = createNet(spec, rand(2));
    expect([...again.weights[1]!]).toEqual([...net.weights[1]!]);
  });

  it('cloneNet copies and does not share memory', () => {
    const net = createNet(spec, rand(2));
    const copy = cloneNet(net);
    copy.weights[0]![0] = 42;
    expect(net.weights[0]![0]).not.toBe(42);
  });

  it('unitOutputs matches predict for the last layer and exposes hidden units', () => {
    const net = createNet({ sizes: [2, 3, 2, 3], activation: 'tanh', output: 'softmax' }, rand(3));
    const inputs = new Float32Array([0.1, 0.2, -1, 2, 0.5, -0.5]);
    const units = unitOutputs(net, inputs, 3);
    expect(units.map((l) => l.length)).toEqual([3, 2, 3]);
    for (let p = 0; p < 3; p++) {
      const y = predict(net, inputs.subarray(2 * p, 2 * p + 2));
      for (let k = 0; k < 3; k++) expect(units[2]![k]![p]).toBeCloseTo(y[k]!, 6);
      expect(Math.abs(units[0]![0]![p]!)).toBeLessThanOrEqual(1);
    }
    const again = unitOutputs(net, inputs, 3, units);
    expect(again).toBe(units);
    const y = new Float32Array(3);
    const zOut = new Float32Array(3);
    predictInto(net, inputs.subarray(0, 2), y, undefined, zOut);
    expect(y[0]).toBeCloseTo(units[2]![0]![0]!, 6);
  });

  it('trainStep lowers the loss on a seeded toy problem', () => {
    const net = createNet(spec, rand(12));
    const opt = createOptimizer('adam', parameters(net));
    const ws = createWorkspace(net);
    const { inputs, targets } = toyBatch(100, 13);
    const before = meanLoss(net, inputs, targets, 100, 'cross-entropy');
    for (let s = 0; s < 500; s++) {
      trainStep(net, opt, ws, inputs, targets, (s % 10) * 10, 10, {
        loss: 'cross-entropy',
        learningRate: 0.03,
        regularization: 'none',
        regularizationRate: 0,
        dropout: 0,
      });
    }
    expect(meanLoss(net, inputs, targets, 100, 'cross-entropy')).toBeLessThan(before * 0.5);
    expect(meanLoss(net, inputs, targets, 0, 'cross-entropy')).toBeNaN();
  });

  it('trainStep reads the batch through a shuffled order', () => {
    const net = createNet(spec, rand(12));
    const copy = cloneNet(net);
    const { inputs, targets } = toyBatch(4, 1);
    const opts = {
      loss: 'squared',
      learningRate: 0.1,
      regularization: 'none',
      regularizationRate: 0,
      dropout: 0,
    } as const;
    trainStep(
      net,
      createOptimizer('sgd', parameters(net)),
      createWorkspace(net),
      inputs,
      targets,
      0,
      2,
      opts,
      [3, 2, 1, 0],
    );
    const swapped = {
      inputs: new Float32Array([...inputs.slice(6, 8), ...inputs.slice(4, 6)]),
      targets: new Float32Array([targets[3]!, targets[2]!]),
    };
    trainStep(
      copy,
      createOptimizer('sgd', parameters(copy)),
      createWorkspace(copy),
      swapped.inputs,
      swapped.targets,
      0,
      2,
      opts,
    );
    expect([...net.weights[0]!]).toEqual([...copy.weights[0]!]);
  });
});
