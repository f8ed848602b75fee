import { describe, expect, it } from 'vitest';
import { buildDigitsSet } from '../../../../scripts/data/digits.mjs';
import type { DigitsSet } from '../../../../src/lib/data/digits-format';
import type { FromCnnWorker } from '../../../../src/lib/ml/cnn/protocol';
import { createCnnRunner } from '../../../../src/lib/ml/cnn/runner';
import { createCnnTrainer } from '../../../../src/lib/ml/cnn/trainer';

// A small slice of the real digits keeps these tests quick.
const full = buildDigitsSet();
const data: DigitsSet = {
  train: {
    count: 640,
    images: full.train.images.subarray(0, 640 * 784),
    labels: full.train.labels.subarray(0, 640),
  },
  test: {
    count: 200,
    images: full.test.images.subarray(0, 200 * 784),
    labels: full.test.labels.subarray(0, 200),
  },
};

function runnerWithLog() {
  const log: FromCnnWorker[] = [];
  const runner = createCnnRunner({
    post: (m) => log.push(m),
    loadDigits: () => Promise.resolve(data),
    sliceMs: 5,
  });
  return { runner, log };
}

const until = async (cond: () => boolean, ms = 15_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('CNN runner', () => {
  it('a batch split across a helper (MessageChannel) gives the same weights as one trainer', async () => {
    const seed = 5;
    const ch = new MessageChannel();
    const primary = runnerWithLog();
    const helper = runnerWithLog();
    await helper.runner.handle({ type: 'helper', dataUrl: 'x', port: ch.port2 });
    await primary.runner.handle({
      type: 'init',
      dataUrl: 'x',
      seed,
      batchSize: 16,
      learningRate: 0.003,
      helper: ch.port1,
      evalEveryMs: 0,
    });
    expect(primary.log[0]).toMatchObject({ type: 'ready', workers: 2, trainSize: 640 });
    await primary.runner.handle({ type: 'play', ms: 30 });
    await until(() => primary.log.some((m) => m.type === 'progress' && !m.playing));
    const last = primary.log.filter((m) => m.type === 'progress').pop()!;
    expect(last.type === 'progress' && last.steps).toBeGreaterThan(0);
    await primary.runner.handle({ type: 'getWeights' });
    const w = primary.log.find((m) => m.type === 'weights');
    const steps = last.type === 'progress' ? last.steps : 0;

    const single = createCnnTrainer({ data, seed, batchSize: 16, learningRate: 0.003 });
    for (let s = 0; s < steps; s++) single.step();
    const ref = single.weights();
    expect(w?.type).toBe('weights');
    if (w?.type !== 'weights') return;
    for (const [name, v] of Object.entries(ref)) {
      let max = 0;
      for (let i = 0; i < v.length; i++)
        max = Math.max(max, Math.abs(v[i]! - w.weights[name]![i]!));
      expect(max, name).toBeLessThan(1e-5);
    }
    ch.port1.close();
    ch.port2.close();
  });

  it('pauses, evaluates, takes a new learning rate and reports errors in words', async () => {
    const { runner, log } = runnerWithLog();
    await runner.handle({ type: 'play' });
    expect(log.pop()).toMatchObject({ type: 'error', message: /before it was set up/ });
    await runner.handle({ type: 'init', dataUrl: 'x', seed: 1, evalEveryMs: 1 });
    await runner.handle({ type: 'set', learningRate: 0.01 });
    await runner.handle({ type: 'play' });
    await until(() => log.filter((m) => m.type === 'progress').length >= 2);
    await runner.handle({ type: 'pause' });
    const p = log.find((m) => m.type === 'progress' && m.testAccuracy !== null);
    expect(p).toBeDefined();
    await runner.handle({ type: 'evaluate' });
    const ev = log.find((m) => m.type === 'evaluation');
    expect(ev).toMatchObject({ type: 'evaluation', count: 200 });
    await runner.handle({ type: 'set', learningRate: -1 });
    expect(log.pop()).toMatchObject({ type: 'error', message: /learning rate/ });
  });
});
