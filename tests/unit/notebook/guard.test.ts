import { describe, it, expect } from 'vitest';
import { createLoopGuard, LoopStoppedError } from '../../../src/lib/notebook/loop-guard.ts';
import { applyEdits, loopGuardEdits } from '../../../src/lib/notebook/instrument.ts';
import { parseCell, walk } from '@observablehq/parser';

/** A manual clock and task queue, so the tests decide when "the event loop" runs. */
function fakeTime() {
  let t = 0;
  const tasks: Array<() => void> = [];
  return {
    now: () => t,
    advance: (ms: number) => (t += ms),
    schedule: (f: () => void) => tasks.push(f),
    runTasks: () => tasks.splice(0).forEach((f) => f()),
    pendingTasks: () => tasks.length,
  };
}

describe('createLoopGuard', () => {
  it('lets a loop run within its budget and stops it after', () => {
    const time = fakeTime();
    const guard = createLoopGuard({ budgetMs: 1000, ...time });
    const s = guard.loop();
    time.advance(999);
    expect(() => guard.check(s)).not.toThrow();
    time.advance(2);
    expect(() => guard.check(s)).toThrow(LoopStoppedError);
    try {
      guard.check(s);
    } catch (e) {
      expect((e as Error).message).toMatch(/^Loop stopped after 1001 ms/);
      expect((e as LoopStoppedError).elapsedMs).toBe(1001);
    }
  });

  it('restarts the budget after the loop yields to the event loop (generators, awaits)', () => {
    const time = fakeTime();
    const guard = createLoopGuard({ budgetMs: 100, ...time });
    const s = guard.loop();
    for (let frame = 0; frame < 50; frame++) {
      time.advance(60);
      expect(() => guard.check(s)).not.toThrow();
      time.runTasks(); // a task boundary: the page was not blocked
    }
  });

  it('schedules at most one pending task however often it is checked', () => {
    const time = fakeTime();
    const guard = createLoopGuard({ budgetMs: 100, ...time });
    const s = guard.loop();
    for (let i = 0; i < 10; i++) guard.check(s);
    expect(time.pendingTasks()).toBe(1);
  });

  it('gives each loop its own start time', () => {
    const time = fakeTime();
    const guard = createLoopGuard({ budgetMs: 100, ...time });
    const a = guard.loop();
    time.advance(90);
    const b = guard.loop();
    time.advance(20);
    expect(() => guard.check(a)).toThrow(LoopStoppedError);
    expect(() => guard.check(b)).not.toThrow();
  });
});

describe('applyEdits', () => {
  it('orders insertions at one position: closings before openings, nesting respected', () => {
    const out = applyEdits('abc', [
      { start: 1, end: 1, text: '(', kind: 'open', depth: 2 },
      { start: 1, end: 1, text: '[', kind: 'open', depth: 1 },
      { start: 1, end: 1, text: ')', kind: 'close', depth: 3 },
      { start: 1, end: 1, text: ']', kind: 'close', depth: 4 },
      { start: 2, end: 3, text: 'X', kind: 'replace', depth: 0 },
    ]);
    expect(out).toBe('a])[(bX');
  });

  it('refuses overlapping replacements', () => {
    expect(() =>
      applyEdits('abcdef', [
        { start: 1, end: 4, text: 'x', kind: 'replace', depth: 0 },
        { start: 2, end: 5, text: 'y', kind: 'replace', depth: 0 },
      ]),
    ).toThrow(/Overlapping/);
  });
});

describe('loopGuardEdits', () => {
  it('wraps each loop with its labels and opens its body with a check, from AST positions', () => {
    const src = '{ a: while (x) y(); for (;;) {} }';
    const cell = parseCell(src);
    const out = applyEdits(src, loopGuardEdits(cell.body!, walk));
    expect(out).toBe(
      '{ { const __nbLoop0 = __nbGuard.loop(); a: while (x) { __nbGuard.check(__nbLoop0); y(); } } ' +
        '{ const __nbLoop1 = __nbGuard.loop(); for (;;) { __nbGuard.check(__nbLoop1);} } }',
    );
  });

  it('finds no loops in loop-free code and ignores loop-like text in strings', () => {
    const src = '"while (true) {}" + `for (;;)`';
    expect(loopGuardEdits(parseCell(src).body!, walk)).toEqual([]);
  });
});
