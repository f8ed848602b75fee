// The explorer's plain-arithmetic optimizers against tfjs's own (tf.train.*) on the cpu backend,
// with gradients from tf.grads of the same surfaces written in tensor ops.
import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  bowl,
  valley,
  twoMinima,
  regressionPoints,
  regressionSurface,
  type Surface,
} from '../../../../src/lib/ml/descent/surfaces.ts';
import { optimizerIds, type OptimizerId } from '../../../../src/lib/ml/descent/optimizers.ts';
import { runDescent } from '../../../../src/lib/ml/descent/run.ts';
import { learningRateAt, type DecaySettings } from '../../../../src/lib/ml/descent/schedule.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const data = regressionPoints();
const regression = regressionSurface(data);

let kept: { xs: tf.Tensor1D; ys: tf.Tensor1D } | undefined;
/** The regression points as tensors, created once for the whole file. */
function dataTensors(): { xs: tf.Tensor1D; ys: tf.Tensor1D } {
  kept ??= { xs: tf.tensor1d(data.xs as number[]), ys: tf.tensor1d(data.ys as number[]) };
  return kept;
}

/** Each surface's loss written in tensor ops, for tf.grads. */
function tfLoss(surface: Surface): (w1: tf.Scalar, w2: tf.Scalar) => tf.Scalar {
  switch (surface.id) {
    case 'bowl':
      return (x, y) => tf.add(tf.square(x), tf.square(y));
    case 'valley':
      return (x, y) => tf.add(tf.mul(0.1, tf.square(x)), tf.mul(2, tf.square(y)));
    case 'two-minima': {
      const shift = surface.f(0, 0); // f(0,0) = shift
      return (x, y) =>
        tf.addN([
          tf.pow(x, 4),
          tf.mul(-2, tf.square(x)),
          tf.mul(0.4, x),
          tf.square(y),
          tf.scalar(shift),
        ]) as tf.Scalar;
    }
    case 'regression': {
      const { xs, ys } = dataTensors();
      return (w, b) => tf.mean(tf.square(tf.sub(tf.add(tf.mul(w, xs), b), ys)));
    }
  }
}

function tfOptimizer(id: OptimizerId, lr: number): tf.Optimizer {
  switch (id) {
    case 'sgd':
      return tf.train.sgd(lr);
    case 'momentum':
      return tf.train.momentum(lr, 0.9);
    case 'rmsprop':
      return tf.train.rmsprop(lr);
    case 'adam':
      return tf.train.adam(lr);
  }
}

function setLr(opt: tf.Optimizer, id: OptimizerId, lr: number): void {
  if (id === 'sgd' || id === 'momentum') (opt as tf.SGDOptimizer).setLearningRate(lr);
  // RMSProp and Adam read their public learningRate field on every step.
  else (opt as unknown as { learningRate: number }).learningRate = lr;
}

let serial = 0;

/** The path tfjs takes: `steps` updates from `start`, gradients by tf.grads. */
function tfPath(
  surface: Surface,
  id: OptimizerId,
  lr: number,
  steps: number,
  decay: DecaySettings = { kind: 'none' },
): Array<[number, number]> {
  const loss = tfLoss(surface);
  const [w1, w2] = tf.tidy(() => [
    tf.variable(tf.scalar(surface.start[0]), true, `w1-${++serial}`),
    tf.variable(tf.scalar(surface.start[1]), true, `w2-${serial}`),
  ]);
  const opt = tfOptimizer(id, lr);
  const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) => loss(a as tf.Scalar, b as tf.Scalar));
  const out: Array<[number, number]> = [[surface.start[0], surface.start[1]]];
  for (let t = 0; t < steps; t++) {
    setLr(opt, id, learningRateAt(lr, t, decay));
    tf.tidy(() => {
      const [g1, g2] = grads([w1, w2]);
      opt.applyGradients({ [w1.name]: g1!, [w2.name]: g2! });
    });
    out.push([w1.dataSync()[0]!, w2.dataSync()[0]!]);
  }
  opt.dispose();
  // tfjs 4.22's MomentumOptimizer.dispose() does not call SGDOptimizer.dispose(), so the
  // learning-rate scalar `c` it inherits would leak; dispose it here.
  if (id === 'momentum') (opt as unknown as { c: tf.Scalar }).c.dispose();
  w1.dispose();
  w2.dispose();
  return out;
}

const surfaceList: Surface[] = [bowl, valley, twoMinima, regression];
const lrFor: Record<OptimizerId, number> = { sgd: 0.05, momentum: 0.02, rmsprop: 0.05, adam: 0.1 };

describe('gradients', () => {
  it.each(surfaceList.map((s) => [s.id, s] as const))(
    '%s: the analytic gradient equals tf.grads at sample points',
    (_, surface) => {
      const loss = tfLoss(surface);
      const grads = tf.grads((a: tf.Tensor, b: tf.Tensor) => loss(a as tf.Scalar, b as tf.Scalar));
      for (const [x, y] of [
        [0.3, -1.2],
        [1.7, 0.4],
        [-2.2, 2.5],
      ] as const) {
        const [gx, gy] = surface.grad(x, y);
        const [tx, ty] = tf.tidy(() =>
          grads([tf.scalar(x), tf.scalar(y)]).map((g) => g.dataSync()[0]!),
        );
        expect(gx).toBeCloseTo(tx!, 3);
        expect(gy).toBeCloseTo(ty!, 3);
        const tl = tf.tidy(() => loss(tf.scalar(x), tf.scalar(y)).dataSync()[0]!);
        expect(surface.f(x, y)).toBeCloseTo(tl, 3);
      }
    },
  );
});

describe('optimizer updates match tf.train', () => {
  for (const surface of surfaceList) {
    for (const id of optimizerIds) {
      it(`${id} on ${surface.id}: 25 steps follow tfjs's path`, () => {
        dataTensors();
        const before = tf.memory().numTensors;
        const lr = lrFor[id];
        const expected = tfPath(surface, id, lr, 25);
        const run = runDescent(surface, { optimizer: id, lr, steps: 25, start: surface.start });
        expect(run.count).toBe(26);
        for (let k = 0; k <= 25; k++) {
          const [ex, ey] = expected[k]!;
          // float32 in tfjs vs float64 here
          expect(Math.abs(run.xs[k]! - ex)).toBeLessThan(1e-4 * (1 + Math.abs(ex)));
          expect(Math.abs(run.ys[k]! - ey)).toBeLessThan(1e-4 * (1 + Math.abs(ey)));
        }
        expect(tf.memory().numTensors).toBe(before);
      });
    }
  }

  it.each([
    ['step', 'momentum'],
    ['exponential', 'adam'],
    ['step', 'rmsprop'],
    ['exponential', 'sgd'],
  ] as const)('%s decay with %s matches tfjs with its learning rate set every step', (kind, id) => {
    const decay: DecaySettings = { kind, rate: 0.5, every: 5 };
    const expected = tfPath(bowl, id, 0.2, 20, decay);
    const run = runDescent(bowl, { optimizer: id, lr: 0.2, steps: 20, start: bowl.start, decay });
    for (let k = 0; k <= 20; k++) {
      expect(run.xs[k]).toBeCloseTo(expected[k]![0], 4);
      expect(run.ys[k]).toBeCloseTo(expected[k]![1], 4);
    }
  });
});
