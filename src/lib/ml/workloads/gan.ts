// Pure: no DOM. A 2-D GAN: generator 2-16-16-2 against discriminator 2-16-16-1, real data on a
// ring. One step = one discriminator update + one generator update. A throughput workload.
import type { Scalar, Tensor } from '@tensorflow/tfjs-core';
import type { GanConfig } from '../protocol';
import { createRng } from '../rng';
import type { Tf } from '../tf';
import { denseStack } from './dense';
import { readVariables, setOptimizerLr, writeVariables } from './types';
import type { Workload } from './types';

export function createGan(tf: Tf, config: GanConfig, seed: number): Workload {
  const { batchSize } = config;
  const count = 1024;
  const rng = createRng(seed);
  const realArr = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    const t = rng.uniform(0, 2 * Math.PI);
    const r = 0.8 + rng.normal() * 0.05;
    realArr[2 * i] = r * Math.cos(t);
    realArr[2 * i + 1] = r * Math.sin(t);
  }
  const real = tf.tensor2d(realArr, [count, 2]);
  const wr = createRng(seed ^ 0x5bd1e995);
  const noiseRng = createRng(seed ^ 0x27d4eb2f);
  const leaky = (t: Tensor) => tf.leakyRelu(t, 0.2);
  const gen = denseStack(tf, wr, [2, 16, 16, 2], 'g', leaky);
  const disc = denseStack(tf, wr, [2, 16, 16, 1], 'd', leaky);
  let lr = config.learningRate;
  const gOpt = tf.train.adam(lr, 0.5);
  const dOpt = tf.train.adam(lr, 0.5);
  const vars = [...gen.vars, ...disc.vars];
  const noise = (): Float32Array => {
    const z = new Float32Array(batchSize * 2);
    for (let i = 0; i < z.length; i++) z[i] = noiseRng.normal();
    return z;
  };
  const realBatch = (): Int32Array => {
    const idx = new Int32Array(batchSize);
    for (let i = 0; i < batchSize; i++) idx[i] = noiseRng.int(count);
    return idx;
  };
  const bce = (logits: Tensor, target: number): Scalar =>
    tf.losses.sigmoidCrossEntropy<Tensor, Scalar>(tf.fill(logits.shape, target), logits);

  return {
    batchSize,
    trainSize: count,
    step() {
      const z1 = noise();
      const z2 = noise();
      const idx = realBatch();
      return tf.tidy(() => {
        const xr = tf.gather(real, tf.tensor1d(idx, 'int32'));
        const fake = gen.apply(tf.tensor2d(z1, [batchSize, 2]));
        const dLoss = dOpt.minimize(
          () => tf.add<Scalar>(bce(disc.apply(xr), 1), bce(disc.apply(fake), 0)),
          true,
          disc.vars,
        )!;
        const zg = tf.tensor2d(z2, [batchSize, 2]);
        const gLoss = gOpt.minimize(() => bce(disc.apply(gen.apply(zg)), 1), true, gen.vars)!;
        return tf.add(dLoss, gLoss);
      });
    },
    evaluate() {
      const l = tf.tidy(() => {
        const z = tf.tensor2d(noise(), [batchSize, 2]);
        return bce(disc.apply(gen.apply(z)), 1).dataSync()[0]!;
      });
      return { trainLoss: l, testLoss: null, testAccuracy: null };
    },
    snapshot: () => ({}),
    getWeights: () => readVariables(vars),
    setWeights: (v) => writeVariables(tf, vars, v),
    set(name, value) {
      if (name !== 'learningRate') return false;
      lr = value;
      setOptimizerLr(gOpt, lr);
      setOptimizerLr(dOpt, lr);
      return true;
    },
    dispose() {
      gOpt.dispose();
      dOpt.dispose();
      tf.dispose([...vars, real]);
    },
  };
}
