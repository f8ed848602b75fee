import { describe, it, expect, vi } from 'vitest';
import { createStore } from '../../../src/components/widgets/shared/store.ts';
import { throttle, type Clock } from '../../../src/components/widgets/shared/throttle.ts';

describe('createStore', () => {
  it('merges patches, notifies on change only, and unsubscribes', () => {
    const s = createStore({ a: 1, b: 'x' });
    const seen: Array<[number, number]> = [];
    const off = s.subscribe((st, prev) => seen.push([st.a, prev.a]));
    s.set({ a: 2 });
    s.set({ a: 2 });
    s.set((st) => ({ a: st.a + 1 }));
    off();
    s.set({ a: 10 });
    expect(seen).toEqual([
      [2, 1],
      [3, 2],
    ]);
    expect(s.get()).toEqual({ a: 10, b: 'x' });
  });
  it('calls immediately when asked', () => {
    const s = createStore({ n: 0 });
    const fn = vi.fn();
    s.subscribe(fn, { immediate: true });
    expect(fn).toHaveBeenCalledWith({ n: 0 }, { n: 0 });
  });
});

function fakeClock(): Clock & { advance(ms: number): void } {
  let t = 0;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let next = 1;
  return {
    now: () => t,
    setTimeout(fn, ms) {
      const id = next++;
      timers.push({ at: t + ms, fn, id });
      return id;
    },
    clearTimeout(h) {
      timers = timers.filter((x) => x.id !== h);
    },
    advance(ms) {
      t += ms;
      const due = timers.filter((x) => x.at <= t);
      timers = timers.filter((x) => x.at > t);
      for (const x of due) x.fn();
    },
  };
}

describe('throttle', () => {
  it('runs the first call, merges later ones into one trailing call with the latest args', () => {
    const clock = fakeClock();
    const calls: string[] = [];
    const f = throttle((s: string) => calls.push(s), 100, clock);
    f('a');
    f('b');
    f('c');
    expect(calls).toEqual(['a']);
    clock.advance(100);
    expect(calls).toEqual(['a', 'c']);
    clock.advance(500);
    f('d');
    expect(calls).toEqual(['a', 'c', 'd']);
  });
  it('flushes and cancels pending calls', () => {
    const clock = fakeClock();
    const calls: number[] = [];
    const f = throttle((n: number) => calls.push(n), 100, clock);
    f(1);
    f(2);
    f.flush();
    expect(calls).toEqual([1, 2]);
    f(3);
    f.cancel();
    clock.advance(1000);
    expect(calls).toEqual([1, 2]);
  });
});
