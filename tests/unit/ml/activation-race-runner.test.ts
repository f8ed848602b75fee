import { describe, it, expect } from 'vitest';
import { createRaceRunner, type RaceMessage } from '../../../src/lib/ml/activation-race-runner.ts';
import { createRace, raceDefaults, runRace } from '../../../src/lib/ml/activation-race.ts';

/** A runner with a manual scheduler and a clock that advances 1 ms per read. */
function harness(budgetMs = 5) {
  const messages: RaceMessage[] = [];
  let pending: (() => void) | null = null;
  let t = 0;
  const runner = createRaceRunner({
    post: (m) => messages.push(m),
    schedule: (fn) => {
      pending = fn;
      return () => {
        pending = null;
      };
    },
    now: () => t++,
    budgetMs,
  });
  const tick = (): boolean => {
    const fn = pending;
    pending = null;
    fn?.();
    return pending !== null;
  };
  const states = () => messages.filter((m) => m.type === 'state');
  const last = () => states().at(-1)!;
  return { runner, messages, tick, states, last, hasPending: () => pending !== null };
}

describe('activation race runner', () => {
  it('sends the data and the untrained state on init', () => {
    const h = harness();
    h.runner.handle({ type: 'init', seed: null, total: 5, grid: 4 });
    expect(h.messages[0]!.type).toBe('data');
    const s = h.last();
    expect(s).toMatchObject({ epoch: 0, running: false, settled: false });
    expect(s.lanes.map((l) => l.activation)).toEqual([
      'relu',
      'leaky-relu',
      'tanh',
      'sigmoid',
      'linear',
    ]);
    expect(s.lanes[0]!.grid).toHaveLength(16);
  });

  it('trains in slices to the last epoch with the same numbers as the race itself', () => {
    const h = harness(3);
    h.runner.handle({ type: 'init', seed: null, total: 6, grid: 4 });
    h.runner.handle({ type: 'train' });
    expect(h.last().running).toBe(true);
    let slices = 0;
    while (h.tick()) slices++;
    const end = h.last();
    expect(slices).toBeGreaterThan(0);
    expect(end).toMatchObject({ epoch: 6, running: false, settled: true });
    const direct = runRace(createRace(raceDefaults), 6);
    expect(end.lanes[0]!.losses).toEqual(direct.lanes[0]!.losses);
    expect(end.lanes[1]!.accuracies).toEqual(direct.lanes[1]!.accuracies);
  });

  it('pauses part way and resumes from there', () => {
    const h = harness(2);
    h.runner.handle({ type: 'init', seed: null, total: 50, grid: 2 });
    h.runner.handle({ type: 'train' });
    h.tick();
    h.runner.handle({ type: 'pause' });
    const at = h.last().epoch;
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(50);
    expect(h.last().running).toBe(false);
    expect(h.hasPending()).toBe(false);
    h.runner.handle({ type: 'step' });
    expect(h.last()).toMatchObject({ epoch: at + 1, settled: true });
  });

  it('resets to epoch 0 and restarts a finished race on train', () => {
    const h = harness(1000);
    h.runner.handle({ type: 'init', seed: 5, total: 2, grid: 2 });
    h.runner.handle({ type: 'train' });
    while (h.tick());
    expect(h.last().epoch).toBe(2);
    h.runner.handle({ type: 'train' });
    expect(h.last()).toMatchObject({ epoch: 0, running: true });
    h.runner.handle({ type: 'reset' });
    expect(h.last()).toMatchObject({ epoch: 0, running: false, settled: true });
  });

  it('ignores commands before init', () => {
    const h = harness();
    h.runner.handle({ type: 'train' });
    h.runner.handle({ type: 'step' });
    expect(h.messages).toEqual([]);
  });
});
