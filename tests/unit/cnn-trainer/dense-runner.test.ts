// The runner (the worker's loop) with the dense comparison model on the real packed digits.
import { describe, expect, it } from 'vitest';
import { packDigits } from '../../../scripts/data/digits.mjs';
import { parseDigits } from '../../../src/lib/data/digits';
import {
  createDenseModel,
  denseParamCount,
  hiddenForParams,
} from '../../../src/lib/cnn-trainer/dense-model';
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
    createModel: (_kind, seed) => Promise.resolve(createDenseModel(16, seed)),
    loadTrained: () => Promise.reject(new Error('no trained dense model')),
  });
  return { got, runner };
}

const settings: RunSettings = {
  kind: 'dense',
  seed: 1,
  learningRate: 0.003,
  batchSize: 32,
  dataUrl: '/data/digits.bin',
  modelUrl: '/models/digits-cnn/',
};

describe('dense comparison model', () => {
  it('counts its parameters and picks a width for a budget', () => {
    expect(denseParamCount(16)).toBe(784 * 16 + 16 + 16 * 10 + 10);
    expect(createDenseModel(16, 1).paramCount).toBe(denseParamCount(16));
    expect(denseParamCount(hiddenForParams(12_000))).toBeGreaterThan(11_000);
    expect(denseParamCount(hiddenForParams(12_000))).toBeLessThan(13_000);
  });

  it('runner: starts at chance, learns from steps, reports kernels and a confusion', async () => {
    const { got, runner } = harness();
    await runner.handle({ type: 'init', run: 1, settings });
    const ready = got.find((m) => m.type === 'ready');
    expect(ready && ready.type === 'ready' && ready.testLabels.length).toBe(2000);
    const first = got.find((m) => m.type === 'evaluation');
    expect(first?.type === 'evaluation' && first.evaluation.accuracy).toBeLessThan(0.3);
    await runner.handle({ type: 'step', batches: 250 });
    const evals = got.filter((m) => m.type === 'evaluation');
    const last = evals[evals.length - 1]!;
    expect(last.type === 'evaluation' && last.evaluation.accuracy).toBeGreaterThan(0.8);
    expect(last.type === 'evaluation' && last.evaluation.predicted.length).toBe(2000);
    const k = got.filter((m) => m.type === 'kernels').pop();
    expect(k?.type === 'kernels' && k.kernels.count).toBe(16);
    const p = got.filter((m) => m.type === 'progress').pop();
    expect(p?.type === 'progress' && p.progress.batch).toBe(250);
    expect(p?.type === 'progress' && p.progress.epoch).toBeCloseTo(1, 5);
    await runner.handle({ type: 'activations', id: 7, index: 3 });
    const a = got.find((m) => m.type === 'activations');
    expect(a?.type === 'activations' && a.layers.map((l) => l.name)).toEqual([
      'input',
      'hidden',
      'output',
    ]);
  });

  it('same seed, same run; load-trained is refused for the dense model with an error', async () => {
    const runs = await Promise.all(
      [0, 1].map(async () => {
        const { got, runner } = harness();
        await runner.handle({ type: 'init', run: 1, settings });
        await runner.handle({ type: 'step', batches: 20 });
        const p = got.filter((m) => m.type === 'progress').pop();
        return p?.type === 'progress' ? p.progress.trainLoss : NaN;
      }),
    );
    expect(runs[0]).toBe(runs[1]);
  });

  it('a huge learning rate is reported as diverged', async () => {
    const { got, runner } = harness();
    await runner.handle({ type: 'init', run: 2, settings: { ...settings, learningRate: 1e6 } });
    await runner.handle({ type: 'step', batches: 50 });
    const p = got.filter((m) => m.type === 'progress').pop();
    expect(p?.type === 'progress' && p.progress.diverged).toBe(true);
  });
});
