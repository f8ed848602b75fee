// The memory runner: commands in, states out, training in budgeted slices.
import { describe, expect, it } from 'vitest';
import { createMemoryRunner, type MemoryState } from '../../../src/lib/rnn/memory-runner.ts';
import {
  delayChart,
  describeMemory,
  resultRows,
  trainingChart,
} from '../../../src/lib/rnn/memory-chart.ts';

function harness() {
  const states: MemoryState[] = [];
  let pending: (() => void) | null = null;
  let t = 0;
  const runner = createMemoryRunner({
    post: (m) => states.push(m),
    schedule: (fn) => {
      pending = fn;
      return () => {
        pending = null;
      };
    },
    now: () => (t += 1),
    budgetMs: 3,
    reportMs: 0,
  });
  const tick = (): boolean => {
    const fn = pending;
    pending = null;
    fn?.();
    return fn !== null;
  };
  return { runner, states, tick, last: () => states[states.length - 1]! };
}

describe('createMemoryRunner', () => {
  it('reports the untrained state on init, trains in slices, pauses and resumes', () => {
    const h = harness();
    h.runner.handle({ type: 'init', seed: 4 });
    expect(h.last()).toMatchObject({
      seed: 4,
      running: false,
      finished: false,
      delays: [2, 5, 10, 20, 40],
    });
    expect(describeMemory(h.last())).toMatch(/^Not trained yet \(seed 4, learning rate 0.01\)/);
    h.runner.handle({ type: 'train' });
    expect(h.last().running).toBe(true);
    for (let i = 0; i < 5; i++) h.tick();
    const steps = h.last().curves[0]!.step;
    expect(steps).toBeGreaterThan(0);
    expect(describeMemory(h.last())).toMatch(/^Training delay 2, RNN: step \d+ of 200\.$/);
    h.runner.handle({ type: 'pause' });
    expect(h.last().running).toBe(false);
    expect(h.tick()).toBe(false);
    expect(resultRows(h.last())[0]![1]).toMatch(/^training… \d+%$/);
    h.runner.handle({ type: 'reset', seed: 5, learningRate: 0.03 });
    expect(h.last()).toMatchObject({ seed: 5, learningRate: 0.03, running: false });
    h.runner.handle({ type: 'reset', learningRate: -1 });
    expect(h.last().learningRate).toBe(0.03);
    expect(h.last().curves.every((c) => c.step === 0)).toBe(true);
  });
});

describe('memory charts and rows', () => {
  const curves = [
    {
      cell: 'rnn' as const,
      delay: 20,
      step: 200,
      accuracies: [0.5, 0.5],
      accuracy: 0.5,
      done: true,
    },
    { cell: 'lstm' as const, delay: 20, step: 200, accuracies: [0.5, 1], accuracy: 1, done: true },
  ];
  const state: MemoryState = {
    type: 'state',
    seed: 1,
    learningRate: 0.01,
    running: false,
    finished: true,
    steps: 200,
    delays: [20],
    curves,
  };
  it('plots finished networks per delay and the training curve of one delay', () => {
    const d = delayChart([20], curves);
    expect(d.series.map((s) => s.points.length)).toEqual([1, 1]);
    expect(d.series[1]!.points[0]!.y).toBeLessThan(d.series[0]!.points[0]!.y); // 100% above 50%
    const t = trainingChart(20, 200, curves);
    expect(t.series[1]!.d.startsWith('M')).toBe(true);
    expect(t.xTicks.map((x) => x.label)).toEqual(['0', '50', '100', '150', '200']);
  });
  it('states the result in words', () => {
    expect(resultRows(state)).toEqual([['20', '50%', '100%']]);
    expect(describeMemory(state)).toBe(
      'Done (seed 1, learning rate 0.01, 200 training steps per delay): the RNN remembers at no delay, the longest delay the LSTM remembers (90% or more) is 20.',
    );
  });
});
