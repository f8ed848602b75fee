// The runner (the worker's loop) with both networks on the real packed digits.
import { describe, expect, it } from 'vitest';
import { packDigits } from '../../../scripts/data/digits.mjs';
import { parseDigits } from '../../../src/lib/data/digits';
import { createDigitModel } from '../../../src/lib/cnn-trainer/engines';
import { createRunner } from '../../../src/lib/cnn-trainer/runner';
import type { FromRunner, RunSettings } from '../../../src/lib/cnn-trainer/protocol';

const data = parseDigits(packDigits().slice().buffer);

function harness() {
  const got: FromRunner[] = [];
  let t = 0;
  const runner = createRunner({
    post: (m) => got.push(m),
    now: () => (t += 1),
    later: () => () => {},
    loadData: () => Promise.resolve(data),
    createModel: (kind, seed) => createDigitModel(kind, seed),
    loadTrained: () => Promise.reject(new Error('no trained model here')),
  });
  const last = <T extends FromRunner['type']>(type: T) =>
    got.filter((m): m is Extract<FromRunner, { type: T }> => m.type === type).pop();
  return { got, runner, last };
}

const settings: RunSettings = {
  kind: 'dense',
  seed: 1,
  learningRate: 0.003,
  batchSize: 32,
  dataUrl: '/data/digits.bin',
  modelUrl: '/models/digits-cnn/',
};

describe('CNN trainer runner', () => {
  it('dense: starts near chance, learns from steps, reports templates and feature maps', async () => {
    const { got, runner, last } = harness();
    await runner.handle({ type: 'init', run: 1, settings });
    const ready = last('ready');
    expect(ready?.testLabels.length).toBe(2000);
    expect(last('evaluation')!.evaluation.accuracy).toBeLessThan(0.3);
    await runner.handle({ type: 'step', batches: 250 });
    const ev = last('evaluation')!.evaluation;
    expect(ev.accuracy).toBeGreaterThan(0.7);
    expect(ev.predicted.length).toBe(2000);
    expect(last('kernels')!.kernels).toMatchObject({ count: 7, height: 28, width: 28 });
    const p = last('progress')!.progress;
    expect(p.batch).toBe(250);
    expect(p.epoch).toBeCloseTo(1, 5);
    expect(p.paramCount).toBe(5575);
    await runner.handle({ type: 'activations', id: 7, index: 3 });
    expect(last('activations')!.layers.map((l) => l.name)).toEqual([
      'input',
      'hidden',
      'dense',
      'output',
    ]);
    expect(got.some((m) => m.type === 'error')).toBe(false);
  });

  it('cnn: maps of every layer and 5×5 kernels (its accuracy: lesson-claims.test.ts)', async () => {
    const { runner, last } = harness();
    await runner.handle({ type: 'init', run: 1, settings: { ...settings, kind: 'cnn' } });
    expect(last('kernels')!.kernels).toMatchObject({ count: 8, height: 5, width: 5 });
    await runner.handle({ type: 'step', batches: 5 });
    expect(last('progress')!.progress.batch).toBe(5);
    await runner.handle({ type: 'activations', id: 1, index: 0 });
    const layers = last('activations')!.layers;
    expect(layers.map((l) => [l.name, l.channels, l.height, l.width])).toEqual([
      ['input', 1, 28, 28],
      ['conv1', 8, 24, 24],
      ['pool1', 8, 12, 12],
      ['conv2', 16, 10, 10],
      ['pool2', 16, 5, 5],
      ['dense', 1, 1, 10],
      ['output', 1, 1, 10],
    ]);
    const probs = layers[layers.length - 1]!.values;
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  });

  it('the same seed gives the same run', async () => {
    const losses = await Promise.all(
      [0, 1].map(async () => {
        const { runner, last } = harness();
        await runner.handle({ type: 'init', run: 1, settings });
        await runner.handle({ type: 'step', batches: 20 });
        return last('progress')!.progress.trainLoss;
      }),
    );
    expect(losses[0]).toBe(losses[1]);
  });

  it('a huge learning rate is reported as diverged', async () => {
    const { runner, last } = harness();
    await runner.handle({ type: 'init', run: 2, settings: { ...settings, learningRate: 1e6 } });
    await runner.handle({ type: 'step', batches: 60 });
    expect(last('progress')!.progress.diverged).toBe(true);
  });
});

describe('CNN trainer runner with a gradient helper (two cores)', () => {
  it('splitting each batch with cnn-core’s helper gives the same training as one worker', async () => {
    const { createCnnRunner } = await import('../../../src/lib/ml/cnn/runner');
    const helperRunner = createCnnRunner({
      post: () => {},
      loadDigits: () => Promise.resolve(data),
    });
    const ch = new MessageChannel();
    await helperRunner.handle({ type: 'helper', dataUrl: '', port: ch.port2 });
    const losses: number[] = [];
    for (const split of [false, true]) {
      const { runner, last } = harness();
      if (split) await runner.handle({ type: 'helper', port: ch.port1 });
      await runner.handle({ type: 'init', run: 1, settings: { ...settings, kind: 'cnn' } });
      await runner.handle({ type: 'step', batches: 4 });
      losses.push(last('progress')!.progress.trainLoss);
    }
    ch.port1.close();
    ch.port2.close();
    expect(Math.abs(losses[0]! - losses[1]!)).toBeLessThan(1e-4);
  });
});
