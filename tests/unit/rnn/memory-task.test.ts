// The memory task: batches hold what the lesson says, and the seeded run reproduces the lesson's
// claims (seed 1: both networks remember at delays 2–10, only the LSTM at 20, neither at 40).
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/lib/ml/rng.ts';
import {
  accuracyTable,
  createMemoryRun,
  memoryBatch,
  memoryDefaults,
} from '../../../src/lib/rnn/memory-task.ts';

describe('memoryBatch', () => {
  it('marks step 1, puts ±1 there, noise later, and the target on the last step only', () => {
    const b = memoryBatch(createRng(3), 4, 50, 2);
    expect(b.steps).toBe(5);
    const f = b.features!;
    const targets = b.targets!;
    let big = 0;
    for (let s = 0; s < 50; s++) {
      const first = f[s * 5 * 2]!;
      expect(Math.abs(first)).toBe(1);
      expect(f[s * 5 * 2 + 1]).toBe(1);
      for (let t = 1; t < 5; t++) {
        expect(f[(s * 5 + t) * 2 + 1]).toBe(0);
        if (Math.abs(f[(s * 5 + t) * 2]!) > 1) big++;
      }
      for (let t = 0; t < 4; t++) expect(targets[s * 5 + t]).toBe(-1);
      expect(targets[s * 5 + 4]).toBe(first > 0 ? 1 : 0);
    }
    expect(big / 200).toBeGreaterThan(0.5); // most distractors are larger than the value
  });
});

describe('the seeded run the lesson describes (seed 1, 200 steps per delay)', () => {
  // One full run (about 5 s on this machine) checks every claim of the lesson at once.
  const task = createMemoryRun(memoryDefaults);
  const run = task.run;
  let finished = false;
  let table: ReturnType<typeof accuracyTable> = [];
  beforeAll(() => {
    finished = task.advance(() => true);
    table = accuracyTable(run);
  }, 60_000);
  const row = (d: number) => table.find((r) => r.delay === d)!;

  it('finishes every delay of both networks', () => {
    expect(finished).toBe(true);
    expect(table.map((r) => r.delay)).toEqual([2, 5, 10, 20, 40]);
  });
  it('both networks reach 100% at delays 2, 5 and 10', () => {
    for (const d of [2, 5, 10]) {
      expect(row(d).rnn).toBe(1);
      expect(row(d).lstm).toBe(1);
    }
  });
  it('at delay 20 the RNN stays at chance throughout while the LSTM reaches 100% within 50 steps', () => {
    expect(row(20).lstm).toBe(1);
    expect(row(20).rnn!).toBeLessThan(0.6);
    const rnn = run.curves.find((c) => c.cell === 'rnn' && c.delay === 20)!;
    const lstm = run.curves.find((c) => c.cell === 'lstm' && c.delay === 20)!;
    expect(Math.max(...rnn.accuracies)).toBeLessThan(0.6);
    expect(lstm.accuracies[2]).toBeGreaterThanOrEqual(0.9); // after 50 steps
  });
  it('at delay 40 neither learns within 200 steps', () => {
    expect(row(40).rnn!).toBeLessThan(0.6);
    expect(row(40).lstm!).toBeLessThan(0.6);
  });
});

describe('advance', () => {
  it('stops when the budget says so and resumes where it stopped, reproducing the same result', () => {
    const settings = { ...memoryDefaults, delays: [3], steps: 30, testSize: 32 };
    const a = createMemoryRun(settings);
    let calls = 0;
    while (!a.advance(() => ++calls % 7 !== 0));
    const b = createMemoryRun(settings);
    b.advance(() => true);
    expect(a.run.curves.map((c) => c.accuracies)).toEqual(b.run.curves.map((c) => c.accuracies));
    expect(a.run.current).toBe(2);
  });
});
