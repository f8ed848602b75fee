import { beforeAll, describe, expect, it } from 'vitest';
import type { Tf } from '../../../src/lib/ml/tf';
import { loadTf } from '../../../src/lib/ml/tf';
import { createWorkload, isConv, workloadKey } from '../../../src/lib/ml/workloads';
import {
  createMlp,
  GRID_EXTENT,
  makeOptimizer,
  mlpData,
  seedStreams,
  validateMlpConfig,
} from '../../../src/lib/ml/workloads/mlp';
import { barImages } from '../../../src/lib/ml/workloads/cnn';
import { glorot, setOptimizerLr } from '../../../src/lib/ml/workloads/types';
import { createRng } from '../../../src/lib/ml/rng';
import type { MlpConfig, WorkloadConfig } from '../../../src/lib/ml/protocol';

const MLP: MlpConfig = {
  kind: 'mlp',
  dataset: 'spiral',
  n: 200,
  noise: 0.1,
  testFraction: 0.2,
  hidden: [8, 8],
  activation: 'tanh',
  optimizer: 'adam',
  learningRate: 0.03,
  batchSize: 10,
  l2: 0,
};

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf({ backend: 'cpu' });
});

const run = (w: ReturnType<typeof createWorkload>, steps: number): number => {
  let last = NaN;
  for (let i = 0; i < steps; i++) {
    const l = w.step();
    if (i === steps - 1) last = l.dataSync()[0]!;
    l.dispose();
  }
  return last;
};

describe('MLP workload', () => {
  it('the seed fixes data and initial weights; the architecture does not change the data', () => {
    const a = createMlp(tf, MLP, 4);
    const b = createMlp(tf, MLP, 4);
    const c = createMlp(tf, MLP, 5);
    expect(a.getWeights()).toEqual(b.getWeights());
    expect(c.getWeights()).not.toEqual(a.getWeights());
    expect(mlpData({ ...MLP, hidden: [3] }, 4)).toEqual(mlpData(MLP, 4));
    [a, b, c].forEach((w) => w.dispose());
  });

  it('loss falls on the seeded spiral (500 steps, Adam 0.03)', () => {
    const w = createMlp(tf, MLP, 1);
    const before = w.evaluate();
    run(w, 500);
    const after = w.evaluate();
    expect(before.trainLoss).toBeGreaterThan(0.6);
    expect(after.trainLoss).toBeLessThan(0.3);
    expect(after.testAccuracy!).toBeGreaterThan(0.85);
    w.dispose();
  });

  it('one plain SGD step equals w − lr·∂L/∂w computed separately', () => {
    const config: MlpConfig = {
      ...MLP,
      optimizer: 'sgd',
      learningRate: 0.5,
      batchSize: 160,
      hidden: [3],
    };
    const w = createMlp(tf, config, 2);
    const w0 = w.getWeights();
    // Full batch (160 = the whole training set), so the batch order does not matter for the sum.
    const { train } = mlpData(config, 2);
    const grads = tf.tidy(() => {
      const x = tf.tensor2d(
        train.flatMap((p) => [p.x, p.y]),
        [train.length, 2],
      );
      const y = tf.tensor2d(
        train.map((p) => p.label),
        [train.length, 1],
      );
      const vars = w0.map((v, i) =>
        tf.tensor(v, i === 0 ? [2, 3] : i === 1 ? [3] : i === 2 ? [3, 1] : [1]),
      );
      const f = (...v: ReturnType<typeof tf.tensor>[]) => {
        const h = tf.tanh(tf.add(tf.matMul(x, v[0] as never), v[1]!));
        return tf.losses.sigmoidCrossEntropy(y, tf.add(tf.matMul(h, v[2] as never), v[3]!));
      };
      return tf
        .grads(f)(vars)
        .map((g) => Float32Array.from(g.dataSync()));
    });
    run(w, 1);
    const w1 = w.getWeights();
    w1.forEach((arr, i) =>
      arr.forEach((v, k) => expect(v).toBeCloseTo(w0[i]![k]! - 0.5 * grads[i]![k]!, 5)),
    );
    w.dispose();
  });

  it('snapshot grid covers the plane top-down with probabilities', () => {
    const w = createMlp(tf, MLP, 1);
    const s = w.snapshot({ id: 1, grid: 8, weights: true });
    expect(s.grid?.size).toBe(8);
    expect(s.grid?.domain).toEqual([-GRID_EXTENT, GRID_EXTENT]);
    expect(s.grid?.values.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(s.weights).toHaveLength(6);
    w.dispose();
  });

  it('set changes learning rate, batch size and L2; unknown knobs are refused', () => {
    const w = createMlp(tf, MLP, 1);
    expect(w.set('learningRate', 0.1)).toBe(true);
    expect(w.set('batchSize', 25)).toBe(true);
    expect(w.batchSize).toBe(25);
    expect(w.set('l2', 0.01)).toBe(true);
    expect(w.set('speed', 3)).toBe(false);
    expect(Number.isFinite(run(w, 3))).toBe(true);
    w.dispose();
  });

  it('setWeights restores weights exactly', () => {
    const w = createMlp(tf, MLP, 1);
    const saved = w.getWeights();
    run(w, 20);
    expect(w.getWeights()).not.toEqual(saved);
    w.setWeights(saved);
    expect(w.getWeights()).toEqual(saved);
    expect(() => w.setWeights(saved.slice(1))).toThrow(/Weight count/);
    w.dispose();
  });

  it('rejects a bad config with a readable message', () => {
    expect(() => validateMlpConfig({ ...MLP, hidden: [0] })).toThrow(/Hidden layer/);
    expect(() => validateMlpConfig({ ...MLP, learningRate: -1 })).toThrow(/learning rate/);
    expect(() => validateMlpConfig({ ...MLP, batchSize: 0 })).toThrow(/batch size/);
  });

  it('numTensors stays flat over 10,000 steps (after Adam creates its slots)', () => {
    const w = createMlp(tf, MLP, 3);
    run(w, 5);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 10_000; i++) w.step().dispose();
    w.evaluate();
    w.snapshot({ id: 1, grid: 10, weights: true });
    expect(tf.memory().numTensors).toBe(before);
    w.dispose();
  }, 120_000);

  it('dispose frees every tensor it made', () => {
    const start = tf.memory().numTensors;
    const w = createMlp(tf, MLP, 3);
    run(w, 5);
    w.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('bench workloads (cnn, lstm, gan)', () => {
  const configs: WorkloadConfig[] = [
    { kind: 'cnn', batchSize: 2, learningRate: 0.003 },
    { kind: 'lstm', units: 8, seqLength: 5, batchSize: 8, learningRate: 0.01 },
    { kind: 'gan', batchSize: 16, learningRate: 0.002 },
  ];
  it.each(configs)(
    '$kind: finite loss, weights move, no tensor growth, full disposal',
    (config) => {
      const start = tf.memory().numTensors;
      const w = createWorkload(tf, config, 1);
      const w0 = w.getWeights();
      run(w, 2);
      const mid = tf.memory().numTensors;
      const loss = run(w, config.kind === 'cnn' ? 3 : 20);
      expect(Number.isFinite(loss)).toBe(true);
      expect(tf.memory().numTensors).toBe(mid);
      expect(w.getWeights()).not.toEqual(w0);
      expect(Number.isFinite(w.evaluate().trainLoss)).toBe(true);
      expect(w.set('learningRate', 0.001)).toBe(true);
      expect(w.set('l2', 1)).toBe(false);
      w.dispose();
      expect(tf.memory().numTensors).toBe(start);
    },
    60_000,
  );

  it('barImages is deterministic and one-hot', () => {
    const a = barImages(4, 1);
    expect(barImages(4, 1)).toEqual(a);
    for (let i = 0; i < 4; i++)
      expect(a.ys.slice(i * 10, i * 10 + 10).reduce((s, v) => s + v, 0)).toBe(1);
  });
});

describe('helpers', () => {
  it('workloadKey names the size; isConv only for the CNN', () => {
    expect(workloadKey(MLP)).toBe('mlp:2-8-8-1:b10');
    expect(
      workloadKey({ kind: 'lstm', units: 32, seqLength: 20, batchSize: 32, learningRate: 0.01 }),
    ).toBe('lstm:32x20:b32');
    expect(isConv({ kind: 'cnn', batchSize: 64, learningRate: 0.01 })).toBe(true);
    expect(isConv(MLP)).toBe(false);
  });

  it('glorot draws within ±sqrt(6/(fanIn+fanOut)), deterministically', () => {
    const v = glorot(createRng(1), 1000, 2, 8);
    const limit = Math.sqrt(6 / 10);
    expect(v.every((x) => Math.abs(x) <= limit)).toBe(true);
    expect(glorot(createRng(1), 1000, 2, 8)).toEqual(v);
  });

  it('seedStreams are independent streams of one seed', () => {
    const s = seedStreams(1);
    expect(s.data.next()).not.toBe(s.weights.next());
    expect(seedStreams(1).batches.next()).toBe(seedStreams(1).batches.next());
  });

  it('makeOptimizer and setOptimizerLr change the rate in place', () => {
    for (const name of ['sgd', 'momentum', 'adam'] as const) {
      const opt = makeOptimizer(tf, name, 0.1);
      setOptimizerLr(opt, 0.5);
      expect((opt as unknown as { learningRate: number }).learningRate).toBe(0.5);
      opt.dispose();
    }
  });
});
