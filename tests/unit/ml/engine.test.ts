import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/ml/engine';
import { createEngine } from '../../../src/lib/ml/engine';
import type { FromTrainer, MlpConfig, ProgressMessage } from '../../../src/lib/ml/protocol';

export const MLP: MlpConfig = {
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

function harness() {
  const messages: FromTrainer[] = [];
  const waiters: Array<() => void> = [];
  const engine: Engine = createEngine({
    post: (m) => {
      messages.push(m);
      waiters.splice(0).forEach((w) => w());
    },
    sliceMs: 20,
    defer: (fn, ms) => {
      const t = setTimeout(fn, ms);
      return () => clearTimeout(t);
    },
    order: ['cpu'],
  });
  const until = async (
    pred: (m: FromTrainer) => boolean,
    since = 0,
    timeout = 15_000,
  ): Promise<FromTrainer> => {
    const t0 = Date.now();
    for (;;) {
      const hit = messages.slice(since).find(pred);
      if (hit) return hit;
      if (Date.now() - t0 > timeout) throw new Error('timed out');
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 50);
      });
    }
  };
  const lastProgress = () =>
    messages.filter((m): m is ProgressMessage => m.type === 'progress').at(-1)!;
  return { engine, messages, until, lastProgress };
}

describe('training engine (cpu)', () => {
  it('init reports progress on the chosen backend; step(n) runs exactly n steps and lowers the loss', async () => {
    const h = harness();
    await h.engine.handle({
      type: 'init',
      config: MLP,
      seed: 7,
      options: { backend: 'cpu', speed: 0 },
    });
    const first = h.lastProgress();
    expect(first.backend).toBe('cpu');
    expect(first.step).toBe(0);
    await h.engine.handle({ type: 'step', n: 300 });
    await h.until((m) => m.type === 'progress' && m.step === 300);
    const p = h.lastProgress();
    expect(p.step).toBe(300);
    expect(p.trainLoss).toBeLessThan(first.trainLoss);
    await h.engine.handle({ type: 'dispose' });
  });

  it('is deterministic: the same seed gives the same losses; reset repeats them', async () => {
    const run = async (seed: number) => {
      const h = harness();
      await h.engine.handle({
        type: 'init',
        config: MLP,
        seed,
        options: { backend: 'cpu', speed: 0 },
      });
      await h.engine.handle({ type: 'step', n: 50 });
      await h.until((m) => m.type === 'progress' && m.step === 50);
      const loss = h.lastProgress().trainLoss;
      await h.engine.handle({ type: 'reset' });
      const mark = h.messages.length;
      await h.engine.handle({ type: 'step', n: 50 });
      await h.until((m) => m.type === 'progress' && m.step === 50, mark);
      const again = h.lastProgress().trainLoss;
      await h.engine.handle({ type: 'dispose' });
      return { loss, again };
    };
    const a = await run(11);
    const b = await run(11);
    const c = await run(12);
    expect(a.loss).toBe(b.loss);
    expect(a.again).toBe(a.loss);
    expect(c.loss).not.toBe(a.loss);
  });

  it('stops with a diverged message when the learning rate is far too large', async () => {
    const h = harness();
    const config: MlpConfig = { ...MLP, optimizer: 'sgd', activation: 'relu', learningRate: 60 };
    await h.engine.handle({ type: 'init', config, seed: 3, options: { backend: 'cpu', speed: 0 } });
    await h.engine.handle({ type: 'play' });
    const d = await h.until((m) => m.type === 'diverged');
    expect(d.type).toBe('diverged');
    expect(h.lastProgress().playing).toBe(false);
    // play is refused until reset
    await h.engine.handle({ type: 'play' });
    expect(h.lastProgress().playing).toBe(false);
    await h.engine.handle({ type: 'reset' });
    expect(h.lastProgress().step).toBe(0);
    await h.engine.handle({ type: 'dispose' });
  });

  it('answers a snapshot with a probability grid of the requested size', async () => {
    const h = harness();
    await h.engine.handle({
      type: 'init',
      config: MLP,
      seed: 1,
      options: { backend: 'cpu', speed: 0 },
    });
    await h.engine.handle({ type: 'snapshot', request: { id: 9, grid: 20, weights: true } });
    const s = h.messages.find((m) => m.type === 'snapshot');
    if (s?.type !== 'snapshot') throw new Error('no snapshot');
    expect(s.id).toBe(9);
    expect(s.grid?.values.length).toBe(400);
    expect(Math.min(...s.grid!.values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...s.grid!.values)).toBeLessThanOrEqual(1);
    expect(s.weights?.map((w) => w.shape)).toEqual([[2, 8], [8], [8, 8], [8], [8, 1], [1]]);
    await h.engine.handle({ type: 'dispose' });
  });

  it('reports a bad hyperparameter as an error message, not a throw', async () => {
    const h = harness();
    await h.engine.handle({
      type: 'init',
      config: MLP,
      seed: 1,
      options: { backend: 'cpu', speed: 0 },
    });
    await h.engine.handle({ type: 'set', name: 'learningRate', value: Number.NaN });
    expect(h.messages.some((m) => m.type === 'error')).toBe(true);
    await h.engine.handle({ type: 'dispose' });
  });

  it('moves to another backend on request, keeping the step count and weights', async () => {
    const h = harness();
    await h.engine.handle({
      type: 'init',
      config: MLP,
      seed: 5,
      options: { backend: 'cpu', speed: 0 },
    });
    await h.engine.handle({ type: 'step', n: 20 });
    await h.until((m) => m.type === 'progress' && m.step === 20);
    const before = h.lastProgress().trainLoss;
    await h.engine.handle({ type: 'backend', backend: 'webgl' }); // cannot start in Node → cpu
    const p = h.lastProgress();
    expect(p.backend).toBe('cpu');
    expect(p.step).toBe(20);
    expect(p.notice).toMatch(/could not start/);
    expect(p.trainLoss).toBeCloseTo(before, 6);
    await h.engine.handle({ type: 'dispose' });
  });
});
