// Pure: no DOM. A small MLP classifying 2-D points, written with tfjs-core ops and variables so the
// seed fixes every initial weight. Used by the training worker, the main-thread fallback and tests.
import type { Optimizer, Scalar, Tensor, Tensor2D, Variable } from '@tensorflow/tfjs-core';
import type { Point2 } from '../datasets';
import { makeDataset, toArrays, trainTestSplit } from '../datasets';
import type { Activation, MlpConfig, OptimizerName } from '../protocol';
import type { Rng } from '../rng';
import { createRng, permutation } from '../rng';
import type { Tf } from '../tf';
import type { Workload } from './types';
import { initVariable, readVariables, setOptimizerLr, writeVariables } from './types';

/** The decision-boundary grid covers [-GRID_EXTENT, GRID_EXTENT]² (the data sets live in ±1). */
export const GRID_EXTENT = 1.25;

/** Sub-streams of one seed, so changing the architecture never changes the data. */
export function seedStreams(seed: number): { data: Rng; weights: Rng; batches: Rng } {
  return {
    data: createRng(seed),
    weights: createRng(seed ^ 0x5bd1e995),
    batches: createRng(seed ^ 0x27d4eb2f),
  };
}

/** The train/test points a config and seed produce (the page draws the same points). */
export function mlpData(config: MlpConfig, seed: number): { train: Point2[]; test: Point2[] } {
  const rng = seedStreams(seed).data;
  const points = makeDataset(config.dataset, rng, {
    n: config.n,
    noise: config.noise,
    ...(config.turns !== undefined ? { turns: config.turns } : {}),
  });
  return trainTestSplit(points, config.testFraction, rng);
}

export function makeOptimizer(tf: Tf, name: OptimizerName, lr: number): Optimizer {
  switch (name) {
    case 'sgd':
      return tf.train.sgd(lr);
    case 'momentum':
      return tf.train.momentum(lr, 0.9);
    case 'adam':
      return tf.train.adam(lr);
  }
}

function activate(tf: Tf, h: Tensor, a: Activation): Tensor {
  switch (a) {
    case 'tanh':
      return tf.tanh(h);
    case 'relu':
      return tf.relu(h);
    case 'sigmoid':
      return tf.sigmoid(h);
    case 'linear':
      return h;
  }
}

/** Checks an MLP config; throws RangeError with a readable message. */
export function validateMlpConfig(c: MlpConfig): void {
  if (!c.hidden.every((h) => Number.isInteger(h) && h >= 1 && h <= 64)) {
    throw new RangeError('Hidden layer widths must be whole numbers from 1 to 64.');
  }
  if (c.hidden.length > 6) throw new RangeError('At most 6 hidden layers.');
  if (!(c.learningRate > 0 && c.learningRate <= 100)) {
    throw new RangeError('The learning rate must be above 0 and at most 100.');
  }
  if (!(Number.isInteger(c.batchSize) && c.batchSize >= 1)) {
    throw new RangeError('The batch size must be a whole number ≥ 1.');
  }
  if (!(c.l2 >= 0)) throw new RangeError('L2 must be ≥ 0.');
}

export function createMlp(tf: Tf, config: MlpConfig, seed: number): Workload {
  validateMlpConfig(config);
  const streams = seedStreams(seed);
  const { train, test } = mlpData(config, seed);
  const sizes = [2, ...config.hidden, 1];
  const vars: Variable[] = [];
  const weights: Variable[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const fi = sizes[i]!;
    const fo = sizes[i + 1]!;
    const w = initVariable(tf, streams.weights, [fi, fo], fi, fo, `w${i}`);
    weights.push(w);
    vars.push(w, initVariable(tf, streams.weights, [fo], 0, 0, `b${i}`));
  }
  const trainArr = toArrays(train);
  const testArr = toArrays(test);
  const xTrain = tf.tensor2d(trainArr.xs, [train.length, 2]);
  const yTrain = tf.tensor2d(trainArr.ys, [train.length, 1]);
  const xTest = tf.tensor2d(testArr.xs, [test.length, 2]);
  const yTest = tf.tensor2d(testArr.ys, [test.length, 1]);
  let batchSize = Math.min(config.batchSize, train.length);
  let l2 = config.l2;
  let lr = config.learningRate;
  const optimizer = makeOptimizer(tf, config.optimizer, lr);
  let order = permutation(train.length, streams.batches);
  let cursor = 0;

  const logits = (x: Tensor): Tensor2D => {
    let h: Tensor = x;
    for (let i = 0; i < weights.length; i++) {
      h = tf.add(tf.matMul(h as Tensor2D, vars[2 * i]! as Tensor2D), vars[2 * i + 1]!);
      if (i < weights.length - 1) h = activate(tf, h, config.activation);
    }
    return h as Tensor2D;
  };
  const lossOf = (x: Tensor, y: Tensor): Scalar => {
    const base = tf.losses.sigmoidCrossEntropy<Tensor, Scalar>(y, logits(x));
    if (l2 === 0) return base;
    const penalty = weights.reduce<Scalar>((s, w) => tf.add(s, tf.sum(tf.square(w))), tf.scalar(0));
    return tf.add<Scalar>(base, tf.mul(penalty, l2));
  };
  const nextBatch = (): Int32Array => {
    const idx = new Int32Array(batchSize);
    for (let i = 0; i < batchSize; i++) {
      if (cursor >= order.length) {
        order = permutation(train.length, streams.batches);
        cursor = 0;
      }
      idx[i] = order[cursor++]!;
    }
    return idx;
  };

  return {
    get batchSize() {
      return batchSize;
    },
    trainSize: train.length,
    step() {
      const idx = nextBatch();
      return tf.tidy(() => {
        const i = tf.tensor1d(idx, 'int32');
        const xb = tf.gather(xTrain, i);
        const yb = tf.gather(yTrain, i);
        return optimizer.minimize(() => lossOf(xb, yb), true, vars)!;
      });
    },
    evaluate() {
      const [trainLoss, testLoss, acc] = tf.tidy(() => {
        const tl = tf.losses.sigmoidCrossEntropy(yTrain, logits(xTrain));
        const z = logits(xTest);
        const vl = tf.losses.sigmoidCrossEntropy(yTest, z);
        const correct = tf.mean(
          tf.cast(tf.equal(tf.greater(z, 0), tf.greater(yTest, 0.5)), 'float32'),
        );
        return [tl.dataSync()[0]!, vl.dataSync()[0]!, correct.dataSync()[0]!];
      });
      return { trainLoss, testLoss, testAccuracy: acc };
    },
    snapshot(req) {
      const out: ReturnType<Workload['snapshot']> = {};
      if (req.grid) {
        const size = Math.max(2, Math.min(200, Math.round(req.grid)));
        const xs = new Float32Array(size * size * 2);
        const cell = (2 * GRID_EXTENT) / size;
        for (let r = 0; r < size; r++) {
          for (let c = 0; c < size; c++) {
            const k = (r * size + c) * 2;
            xs[k] = -GRID_EXTENT + (c + 0.5) * cell;
            xs[k + 1] = GRID_EXTENT - (r + 0.5) * cell;
          }
        }
        const values = tf.tidy(() =>
          tf.sigmoid(logits(tf.tensor2d(xs, [size * size, 2]))).dataSync(),
        ) as Float32Array;
        out.grid = { size, domain: [-GRID_EXTENT, GRID_EXTENT], values: Float32Array.from(values) };
      }
      if (req.weights) {
        out.weights = vars.map((v) => ({
          shape: [...v.shape],
          values: Float32Array.from(v.dataSync()),
        }));
      }
      return out;
    },
    getWeights: () => readVariables(vars),
    setWeights: (values) => writeVariables(tf, vars, values),
    set(name, value) {
      if (name === 'learningRate') {
        lr = value;
        setOptimizerLr(optimizer, lr);
      } else if (name === 'batchSize') {
        batchSize = Math.max(1, Math.min(train.length, Math.round(value)));
      } else if (name === 'l2') {
        l2 = Math.max(0, value);
      } else return false;
      return true;
    },
    dispose() {
      optimizer.dispose();
      tf.dispose([...vars, xTrain, yTrain, xTest, yTest]);
    },
  };
}
