// Pure: no DOM. One LSTM layer (tf.basicLSTMCell) unrolled over seeded synthetic sequences,
// regressing each sequence's mean. A throughput workload for the bench and the backend probe.
import type { Scalar, Tensor, Tensor1D, Tensor2D, Variable } from '@tensorflow/tfjs-core';
import type { LstmConfig } from '../protocol';
import { createRng, permutation } from '../rng';
import type { Tf } from '../tf';
import { initVariable, readVariables, setOptimizerLr, writeVariables } from './types';
import type { Workload } from './types';

export function createLstm(tf: Tf, config: LstmConfig, seed: number): Workload {
  const { units, seqLength: T, batchSize } = config;
  const count = 256;
  const rng = createRng(seed);
  const xsArr = new Float32Array(count * T);
  const ysArr = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    let s = 0;
    for (let t = 0; t < T; t++) {
      const v = rng.uniform(-1, 1);
      xsArr[i * T + t] = v;
      s += v;
    }
    ysArr[i] = s / T;
  }
  const x = tf.tensor3d(xsArr, [count, T, 1]);
  const y = tf.tensor2d(ysArr, [count, 1]);
  const wr = createRng(seed ^ 0x5bd1e995);
  const br = createRng(seed ^ 0x27d4eb2f);
  const kernel = initVariable(tf, wr, [1 + units, 4 * units], 1 + units, 4 * units, 'lstmk');
  const bias = initVariable(tf, wr, [4 * units], 0, 0, 'lstmb');
  const wOut = initVariable(tf, wr, [units, 1], units, 1, 'lstmo');
  const bOut = initVariable(tf, wr, [1], 0, 0, 'lstmob');
  const vars: Variable[] = [kernel, bias, wOut, bOut];
  const forget = tf.keep(tf.scalar(1));
  let lr = config.learningRate;
  const optimizer = tf.train.adam(lr);
  let order = permutation(count, br);
  let cursor = 0;

  const predict = (input: Tensor): Tensor2D => {
    const n = input.shape[0];
    const steps = tf.unstack(input, 1) as Tensor2D[];
    let c: Tensor2D = tf.zeros([n, units]);
    let h: Tensor2D = tf.zeros([n, units]);
    for (const xt of steps) {
      [c, h] = tf.basicLSTMCell(forget, kernel as Tensor2D, bias as Tensor1D, xt, c, h);
    }
    return tf.add(tf.matMul(h, wOut as Tensor2D), bOut);
  };
  const loss = (input: Tensor, target: Tensor): Scalar =>
    tf.losses.meanSquaredError(target, predict(input));

  return {
    batchSize,
    trainSize: count,
    step() {
      const idx = new Int32Array(batchSize);
      for (let i = 0; i < batchSize; i++) {
        if (cursor >= count) {
          order = permutation(count, br);
          cursor = 0;
        }
        idx[i] = order[cursor++]!;
      }
      return tf.tidy(() => {
        const i = tf.tensor1d(idx, 'int32');
        const xb = tf.gather(x, i);
        const yb = tf.gather(y, i);
        return optimizer.minimize(() => loss(xb, yb), true, vars)!;
      });
    },
    evaluate() {
      const l = tf.tidy(() => loss(tf.slice(x, 0, 64), tf.slice(y, 0, 64)).dataSync()[0]!);
      return { trainLoss: l, testLoss: null, testAccuracy: null };
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
      tf.dispose([...vars, x, y, forget]);
    },
  };
}
