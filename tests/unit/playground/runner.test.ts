import { describe, it, expect } from 'vitest';
import { createRunner, SNAPSHOT_MS, type RunnerHost } from '../../../src/lib/playground/runner.ts';
import {
  historyPoints,
  type FromRunner,
  type Snapshot,
} from '../../../src/lib/playground/protocol.ts';
import { defaults } from '../../../src/lib/playground/state.ts';
import { findPreset, presetState } from '../../../src/lib/playground/presets.ts';
import { createTrainer } from '../../../src/lib/playground/trainer.ts';

/** A host with a fake clock: each `later` callback runs when `tick` advances time. */
function fakeHost() {
  let now = 0;
  const queue: Array<() => void> = [];
  const posted: FromRunner[] = [];
  const host: RunnerHost = {
    post: (m) => posted.push(m),
    now: () => now,
    later: (fn) => {
      queue.push(fn);
      return () => {
        const i = queue.indexOf(fn);
        if (i >= 0) queue.splice(i, 1);
      };
    },
  };
  return {
    host,
    posted,
    snapshots: () =>
      posted
        .filter((m): m is { type: 'snapshot'; snapshot: Snapshot } => m.type === 'snapshot')
        .map((m) => m.snapshot),
    /** Advances the clock by ms, running scheduled slices (each slice "takes" 1 ms per call to now). */
    tick(ms: number) {
      const end = now + ms;
      while (now < end && queue.length) {
        now += 4;
        queue.shift()!();
      }
      now = Math.max(now, end);
    },
  };
}

describe('runner', () => {
  it('posts a snapshot on init, trains on play within the speed limit, pauses', () => {
    const f = fakeHost();
    const r = createRunner(f.host, { sliceMs: 12 });
    r.handle({ type: 'init', run: 1, state: defaults(), stepsPerSecond: 1000 });
    expect(f.snapshots()).toHaveLength(1);
    expect(f.snapshots()[0]!.step).toBe(0);
    r.handle({ type: 'play' });
    f.tick(500);
    const last = f.snapshots().at(-1)!;
    expect(last.playing).toBe(true);
    expect(last.step).toBeGreaterThan(0);
    expect(last.step).toBeLessThanOrEqual(500 + 32); // ≈ 1000 steps/s for 0.5 s
    r.handle({ type: 'pause' });
    const paused = f.snapshots().at(-1)!;
    expect(paused.playing).toBe(false);
    f.tick(500);
    expect(f.snapshots().at(-1)!.step).toBe(paused.step);
  });

  it('snapshots carry copies of the weights and the history, at most every SNAPSHOT_MS', () => {
    const f = fakeHost();
    const r = createRunner(f.host, { sliceMs: 12 });
    r.handle({ type: 'init', run: 7, state: defaults(), stepsPerSecond: 100000 });
    r.handle({ type: 'play' });
    f.tick(1000);
    const snaps = f.snapshots();
    expect(snaps.length).toBeLessThanOrEqual(2 + Math.ceil(1000 / SNAPSHOT_MS));
    const s = snaps.at(-1)!;
    expect(s.run).toBe(7);
    expect(s.weights.map((w) => w.length)).toEqual([8, 8, 2]);
    const points = historyPoints(s.history);
    expect(points[0]!.step).toBe(0);
    expect(points.at(-1)!.step).toBeLessThanOrEqual(s.step);
  });

  it('step runs exactly one epoch; set changes live settings; the result matches a plain trainer', () => {
    const f = fakeHost();
    const r = createRunner(f.host, { sliceMs: 12 });
    r.handle({ type: 'init', run: 1, state: defaults(), stepsPerSecond: 1000 });
    r.handle({ type: 'step' });
    const s = f.snapshots().at(-1)!;
    expect(s.epoch).toBe(1);
    expect(s.step).toBe(15);
    const t = createTrainer(defaults());
    t.runEpoch();
    expect(Array.from(s.weights[0]!)).toEqual(Array.from(t.net.weights[0]!));
    r.handle({ type: 'set', live: { learningRate: 0.3 } });
    expect(f.snapshots().at(-1)!.learningRate).toBeCloseTo(0.3);
  });

  it('stops by itself on divergence and says so', () => {
    const f = fakeHost();
    const r = createRunner(f.host, { sliceMs: 12 });
    r.handle({
      type: 'init',
      run: 1,
      state: presetState(findPreset('too-fast')!),
      stepsPerSecond: 100000,
    });
    r.handle({ type: 'play' });
    f.tick(2000);
    const s = f.snapshots().at(-1)!;
    expect(s.diverged).not.toBeNull();
    expect(s.stopped).toBe(true);
    expect(s.playing).toBe(false);
    r.handle({ type: 'play' }); // refused: a diverged run needs Reset
    expect(f.snapshots().at(-1)!.playing).toBe(false);
  });

  it('reports errors instead of throwing, and ignores messages after dispose', () => {
    const f = fakeHost();
    const r = createRunner(f.host, { sliceMs: 12 });
    r.handle({ type: 'init', run: 3, state: { ...defaults(), hidden: [0] }, stepsPerSecond: 10 });
    expect(f.posted.at(-1)).toMatchObject({ type: 'error', run: 3 });
    r.handle({ type: 'dispose' });
    const n = f.posted.length;
    r.handle({ type: 'play' });
    r.handle({ type: 'speed', stepsPerSecond: 5 });
    expect(f.posted.length).toBe(n);
  });
});
