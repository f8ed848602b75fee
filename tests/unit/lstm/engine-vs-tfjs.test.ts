// The typed-array recurrent engine against tfjs (cpu backend): the same weights and batch give the
// same outputs, loss and gradients (tf.layers.lstm / simpleRNN + dense, tf.variableGrads).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  backward,
  createModel,
  forward,
  paramCount,
  recurrentParamCount,
  weightList,
  weightShapes,
  type CellKind,
  type RecurrentModel,
  type SequenceBatch,
} from '../../../src/lib/ml/lstm/index.ts';
import { createRng } from '../../../src/lib/ml/rng.ts';

let tensorsAtStart = 0;
beforeAll(async () => {
  await tf.setBackend('cpu');
  tensorsAtStart = tf.memory().numTensors;
});
// tfjs-layers 4.22 keeps one tensor per recurrent layer it has applied to concrete tensors (its
// cached initial state; measured: a bare tf.layers.lstm + apply leaves exactly one). Everything
// this test allocates itself is disposed.
let layersApplied = 0;
afterAll(() => {
  expect(tf.memory().numTensors).toBe(tensorsAtStart + layersApplied);
});

/** A tfjs model with the engine's weights: recurrent layer (all steps) + dense logits. */
function tfModel(m: RecurrentModel): tf.Sequential {
  const { cell, inputSize, hiddenSize, outputSize } = m.spec;
  const common = { units: hiddenSize, returnSequences: true, inputShape: [null, inputSize] };
  const rec =
    cell === 'lstm'
      ? tf.layers.lstm({ ...common, recurrentActivation: 'sigmoid' })
      : tf.layers.simpleRNN({ ...common, activation: 'tanh' });
  const model = tf.sequential({
    layers: [rec, tf.layers.dense({ units: outputSize, activation: 'linear' })],
  });
  const shapes = weightShapes(m.spec);
  tf.tidy(() => model.setWeights(weightList(m.weights).map((w, i) => tf.tensor(w, shapes[i]))));
  return model;
}

function inputTensor(m: RecurrentModel, batch: SequenceBatch): tf.Tensor3D {
  const { batchSize: B, steps: T } = batch;
  const X = m.spec.inputSize;
  if (batch.features) return tf.tensor3d(batch.features, [B, T, X]);
  const x = new Float32Array(B * T * X);
  for (let n = 0; n < B * T; n++) x[n * X + batch.tokens![n]!] = 1;
  return tf.tensor3d(x, [B, T, X]);
}

/** Mean softmax cross-entropy over steps with target ≥ 0. */
function tfLoss(logits: tf.Tensor, targets: ArrayLike<number>, V: number): tf.Scalar {
  const t = Array.from(targets);
  const mask = tf.tensor1d(t.map((v) => (v >= 0 ? 1 : 0)));
  const oneHot = tf.oneHot(
    tf.tensor1d(
      t.map((v) => Math.max(v, 0)),
      'int32',
    ),
    V,
  );
  const logp = tf.logSoftmax(tf.reshape(logits, [-1, V]));
  const per = tf.neg(tf.sum(tf.mul(oneHot, logp), 1));
  return tf.div(tf.sum(tf.mul(per, mask)), tf.sum(mask));
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

interface Case {
  cell: CellKind;
  input: 'tokens' | 'features';
  targets: 'all' | 'last';
}
const cases: Case[] = [
  { cell: 'lstm', input: 'tokens', targets: 'all' },
  { cell: 'lstm', input: 'features', targets: 'last' },
  { cell: 'rnn', input: 'tokens', targets: 'last' },
  { cell: 'rnn', input: 'features', targets: 'all' },
];

describe('recurrent engine = tfjs', () => {
  it.each(cases)('$cell, $input inputs, targets at $targets steps', ({ cell, input, targets }) => {
    const spec = { cell, inputSize: 5, hiddenSize: 6, outputSize: 4 };
    const rng = createRng(cell === 'lstm' ? 7 : 8);
    const m = createModel(spec, rng);
    // Non-zero biases everywhere so every gradient path is exercised.
    for (const w of [m.weights.bias, m.weights.outBias]) {
      for (let i = 0; i < w.length; i++) w[i] = w[i]! + rng.uniform(-0.5, 0.5);
    }
    const B = 3;
    const T = 7;
    const batch: SequenceBatch = {
      batchSize: B,
      steps: T,
      ...(input === 'tokens'
        ? { tokens: Int32Array.from({ length: B * T }, () => rng.int(5)) }
        : { features: Float32Array.from({ length: B * T * 5 }, () => rng.uniform(-2, 2)) }),
      targets: Int32Array.from({ length: B * T }, (_, n) =>
        targets === 'all' || n % T === T - 1 ? rng.int(4) : -1,
      ),
    };
    const cache = forward(m, batch);
    const { grads } = backward(m, batch, cache);

    const model = tfModel(m);
    const x = inputTensor(m, batch);
    // Hidden states: engine's cache.hidden (time-major, h₀ first) vs the LSTM layer's sequence.
    layersApplied++;
    const hs = tf.tidy(() => model.layers[0]!.apply(x) as tf.Tensor).arraySync() as number[][][];
    const hidden = new Float32Array(B * T * 6);
    for (let b = 0; b < B; b++)
      for (let t = 0; t < T; t++)
        for (let k = 0; k < 6; k++)
          hidden[(b * T + t) * 6 + k] = cache.hidden[((t + 1) * B + b) * 6 + k]!;
    expect(maxAbsDiff(hidden, hs.flat(2))).toBeLessThan(1e-5);

    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads: tg } = tf.variableGrads(
      () => tfLoss(model.apply(x) as tf.Tensor, batch.targets!, 4),
      vars,
    );
    expect(Math.abs(value.dataSync()[0]! - cache.loss)).toBeLessThan(1e-5);
    const ours = weightList(grads);
    vars.forEach((v, i) => {
      expect(maxAbsDiff(ours[i]!, tg[v.name]!.dataSync())).toBeLessThan(1e-4);
    });
    tf.dispose([value, x, ...Object.values(tg)]);
    model.dispose();
  });
});

describe('parameter count', () => {
  it('is 4·(h·(h + x) + h) for an LSTM layer and matches tfjs', () => {
    for (const [h, x] of [
      [6, 5],
      [64, 80],
    ] as const) {
      const spec = { cell: 'lstm' as const, inputSize: x, hiddenSize: h, outputSize: 3 };
      expect(recurrentParamCount(spec)).toBe(4 * (h * (h + x) + h));
      const m = createModel(spec, createRng(1));
      expect(weightList(m.weights).reduce((s, w) => s + w.length, 0)).toBe(paramCount(spec));
      const layer = tf.layers.lstm({
        units: h,
        inputShape: [null, x],
        recurrentInitializer: 'zeros',
      });
      const model = tf.sequential({ layers: [layer] });
      expect(layer.countParams()).toBe(recurrentParamCount(spec));
      model.dispose();
    }
  });
});

describe('character model on tfjs = typed-array engine', () => {
  it('same loss and, after two Adam steps with clipping, the same weights', async () => {
    const { createTfCharTrainer } = await import('../../../src/lib/charlm/tf-model.ts');
    const { createTrainer } = await import('../../../src/lib/ml/lstm/index.ts');
    const spec = { cell: 'lstm' as const, inputSize: 6, hiddenSize: 5, outputSize: 6 };
    const rng = createRng(11);
    const m = createModel(spec, rng);
    const B = 2;
    const T = 4;
    const batch = {
      batchSize: B,
      steps: T,
      tokens: Int32Array.from({ length: B * T }, () => rng.int(6)),
      targets: Int32Array.from({ length: B * T }, () => rng.int(6)),
    };
    const tfTrainer = createTfCharTrainer(tf, m, 0.01, 0.5);
    const ours = createTrainer({
      spec,
      seed: 0,
      model: createModel(spec, createRng(11)),
      learningRate: 0.01,
      clipNorm: 0.5,
    });
    for (let k = 0; k < 2; k++) {
      const a = tfTrainer.step(batch);
      const b = ours.step(batch);
      expect(Math.abs(a - b.loss)).toBeLessThan(1e-5);
    }
    const tw = tfTrainer.weights();
    weightList(ours.model.weights).forEach((w, i) => {
      expect(maxAbsDiff(w, tw[i]!)).toBeLessThan(1e-4);
    });
    tfTrainer.dispose();
  });
});
