// The GAN's hand-written passes against tfjs (cpu backend): on the same weights, real batch and
// noise, the losses equal their formulas and the gradients equal tf.grads' within 1e-4.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  createGan,
  discriminatorGradients,
  generatorGradients,
  pointGradients,
  type Gan,
  type GeneratorLoss,
} from '../../../src/lib/gan/gan.ts';
import { parameters, type DenseNet } from '../../../src/lib/ml/dense/network.ts';
import { createRng } from '../../../src/lib/ml/rng.ts';

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

/** The network as a tf function of its input and its parameters (W transposed for matMul). */
function tfNet(net: DenseNet, x: tf.Tensor2D, params: tf.Tensor[]): tf.Tensor2D {
  let h = x;
  const L = net.weights.length;
  for (let l = 0; l < L; l++) {
    const W = params[2 * l]!.reshape([net.sizes[l + 1]!, net.sizes[l]!]);
    h = tf.add(tf.matMul(h, W, false, true), params[2 * l + 1]!);
    if (l < L - 1) h = net.activation === 'tanh' ? tf.tanh(h) : tf.relu(h);
  }
  return h;
}

const tensors = (net: DenseNet) => parameters(net).map((p) => tf.tensor1d(p));

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

function setup(activation: 'relu' | 'tanh', noiseDim: number, m: number) {
  const rng = createRng(7);
  const gan: Gan = createGan(
    { noiseDim, dataDim: 2, genHidden: [6, 5], discHidden: [7, 4], activation },
    'adam',
    () => rng.next(),
  );
  // Non-zero biases so their gradients are tested too.
  for (const b of [...gan.G.biases, ...gan.D.biases])
    for (let i = 0; i < b.length; i++) b[i] = rng.uniform(-0.3, 0.3);
  const real = new Float32Array(2 * m).map(() => rng.uniform(-1, 1));
  const noise = new Float32Array(noiseDim * m).map(() => rng.normal());
  return { gan, real, noise };
}

describe.each(['relu', 'tanh'] as const)('GAN gradients equal tf.grads (%s)', (activation) => {
  const m = 9;
  it('discriminator: loss formula and gradients', () => {
    const { gan, real, noise } = setup(activation, 3, m);
    const r = discriminatorGradients(gan, real, m, createRng(0), noise);
    tf.tidy(() => {
      const dParams = tensors(gan.D);
      const gParams = tensors(gan.G);
      const xr = tf.tensor2d(real, [m, 2]);
      const z = tf.tensor2d(noise, [m, 3]);
      const lossFn = (...p: tf.Tensor[]) => {
        const fake = tfNet(gan.G, z, gParams);
        const lr = tfNet(gan.D, xr, p);
        const lf = tfNet(gan.D, fake, p);
        // −mean log σ(l_real) − mean log(1 − σ(l_fake))
        return tf.add<tf.Scalar>(tf.mean(tf.softplus(tf.neg(lr))), tf.mean(tf.softplus(lf)));
      };
      const g = tf.grads(lossFn)(dParams);
      const tfLoss = lossFn(...dParams);
      expect(Math.abs(tfLoss.dataSync()[0]! - r.loss)).toBeLessThan(1e-5);
      g.forEach((t, i) => expect(maxDiff(t.dataSync(), gan.dws.grads[i]!)).toBeLessThan(1e-4));
      // The mean D outputs are the formula's σ(logit) means.
      const pr = tf.mean(tf.sigmoid(tfNet(gan.D, xr, dParams)));
      expect(Math.abs(pr.dataSync()[0]! - r.dReal)).toBeLessThan(1e-5);
    });
  });

  it.each(['nonsaturating', 'saturating'] as GeneratorLoss[])(
    'generator (%s): loss and gradients',
    (loss) => {
      const { gan, noise } = setup(activation, 2, m);
      const r = generatorGradients(gan, m, loss, createRng(0), noise);
      tf.tidy(() => {
        const dParams = tensors(gan.D);
        const gParams = tensors(gan.G);
        const z = tf.tensor2d(noise, [m, 2]);
        const lossFn = (...p: tf.Tensor[]) => {
          const l = tfNet(gan.D, tfNet(gan.G, z, p), dParams);
          // non-saturating: −mean log σ(l); saturating: mean log(1 − σ(l)) = −mean softplus(l)
          return (
            loss === 'nonsaturating'
              ? tf.mean(tf.softplus(tf.neg(l)))
              : tf.neg(tf.mean(tf.softplus(l)))
          ) as tf.Scalar;
        };
        const g = tf.grads(lossFn)(gParams);
        const tfLoss = lossFn(...gParams);
        expect(Math.abs(tfLoss.dataSync()[0]! - r.loss)).toBeLessThan(1e-5);
        g.forEach((t, i) => expect(maxDiff(t.dataSync(), gan.gws.grads[i]!)).toBeLessThan(1e-4));
      });
    },
  );

  it('point gradients are −∂ℓ/∂x of the per-sample generator loss', () => {
    const { gan, real } = setup(activation, 2, m);
    tf.tidy(() => {
      const dParams = tensors(gan.D);
      const x = tf.tensor2d(real, [m, 2]);
      const ours = pointGradients(gan, real, m, 'nonsaturating');
      const g = tf.grad((xx: tf.Tensor) =>
        tf.sum(tf.softplus(tf.neg(tfNet(gan.D, xx as tf.Tensor2D, dParams)))),
      )(x);
      const theirs = g.dataSync().map((v) => -v);
      expect(maxDiff(ours, theirs)).toBeLessThan(1e-4);
    });
  });
});
