// Pure: no DOM. A LeNet-style CNN (conv5×5×6 → pool → conv5×5×16 → pool → 120 → 84 → 10) on
// seeded synthetic 28×28 images whose class is a horizontal bar's position. A throughput workload
// for the bench and the backend probe; learnable, so its loss falls.
import type { Tensor, Tensor4D, Variable } from '@tensorflow/tfjs-core';
import type { CnnConfig } from '../protocol';
import { createRng, permutation } from '../rng';
import type { Tf } from '../tf';
import { denseStack } from './dense';
import { initVariable, readVariables, setOptimizerLr, writeVariables } from './types';
import type { Workload } from './types';

const SIZE = 28;
const CLASSES = 10;

/** `count` images [count, 28, 28, 1] and one-hot labels [count, 10]. */
export function barImages(count: number, seed: number): { xs: Float32Array; ys: Float32Array } {
  const rng = createRng(seed);
  const xs = new Float32Array(count * SIZE * SIZE);
  const ys = new Float32Array(count * CLASSES);
  for (let i = 0; i < count; i++) {
    const label = rng.int(CLASSES);
    ys[i * CLASSES + label] = 1;
    const row = 3 + label * 2;
    for (let p = 0; p < SIZE * SIZE; p++) {
      const r = Math.floor(p / SIZE);
      xs[i * SIZE * SIZE + p] = (r === row ? 0.8 : 0) + rng.next() * 0.3;
    }
  }
  return { xs, ys };
}

export function createCnn(tf: Tf, config: CnnConfig, seed: number): Workload {
  const count = 512;
  const data = barImages(count, seed);
  const x = tf.tensor4d(data.xs, [count, SIZE, SIZE, 1]);
  const y = tf.tensor2d(data.ys, [count, CLASSES]);
  const rng = createRng(seed ^ 0x5bd1e995);
  const batchRng = createRng(seed ^ 0x27d4eb2f);
  const k1 = initVariable(tf, rng, [5, 5, 1, 6], 25, 150, 'c1');
  const b1 = initVariable(tf, rng, [6], 0, 0, 'c1b');
  const k2 = initVariable(tf, rng, [5, 5, 6, 16], 150, 400, 'c2');
  const b2 = initVariable(tf, rng, [16], 0, 0, 'c2b');
  const head = denseStack(tf, rng, [4 * 4 * 16, 120, 84, CLASSES], 'fc');
  const vars: Variable[] = [k1, b1, k2, b2, ...head.vars];
  let lr = config.learningRate;
  const optimizer = tf.train.adam(lr);
  const batchSize = config.batchSize;
  let order = permutation(count, batchRng);
  let cursor = 0;

  const forward = (input: Tensor): Tensor => {
    let h = tf.relu(tf.add(tf.conv2d(input as Tensor4D, k1 as Tensor4D, 1, 'valid'), b1));
    h = tf.maxPool(h as Tensor4D, 2, 2, 'valid');
    h = tf.relu(tf.add(tf.conv2d(h as Tensor4D, k2 as Tensor4D, 1, 'valid'), b2));
    h = tf.maxPool(h as Tensor4D, 2, 2, 'valid');
    return head.apply(tf.reshape(h, [-1, 4 * 4 * 16]));
  };
  const batch = (): Int32Array => {
    const idx = new Int32Array(batchSize);
    for (let i = 0; i < batchSize; i++) {
      if (cursor >= count) {
        order = permutation(count, batchRng);
        cursor = 0;
      }
      idx[i] = order[cursor++]!;
    }
    return idx;
  };

  return {
    batchSize,
    trainSize: count,
    step() {
      const idx = batch();
      return tf.tidy(() => {
        const i = tf.tensor1d(idx, 'int32');
        const xb = tf.gather(x, i);
        const yb = tf.gather(y, i);
        return optimizer.minimize(
          () => tf.losses.softmaxCrossEntropy(yb, forward(xb)),
          true,
          vars,
        )!;
      });
    },
    evaluate() {
      const loss = tf.tidy(
        () =>
          tf.losses
            .softmaxCrossEntropy(tf.slice(y, 0, 64), forward(tf.slice(x, 0, 64)))
            .dataSync()[0]!,
      );
      return { trainLoss: loss, testLoss: null, testAccuracy: null };
    },
    snapshot: () => ({}),
    getWeights: () => readVariables(vars),
    setWeights: (v) => writeVariables(tf, vars, v),
    set(name, value) {
      if (name !== 'learningRate') return false;
      lr = value;
      setOptimizerLr(optimizer, lr);
      return true;
    },
    dispose() {
      optimizer.dispose();
      tf.dispose([...vars, x, y]);
    },
  };
}
