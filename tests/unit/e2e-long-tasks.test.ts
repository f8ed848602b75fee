// The @timing tests' long-task helper (tests/e2e/support/long-tasks.ts), driven in Node by a fake
// page whose windows return scripted durations.
import { describe, it, expect } from 'vitest';
import type { Page } from '@playwright/test';
import { firstCleanWindow } from '../e2e/support/long-tasks.ts';

/** A page whose successive windows record `windows[0]`, `windows[1]`, … (ms). */
function fakePage(windows: number[][]): { page: Page; asked: number[] } {
  const asked: number[] = [];
  const page = {
    evaluate: (_fn: unknown, ms: number) => {
      asked.push(ms);
      return Promise.resolve(windows.shift() ?? []);
    },
  } as unknown as Page;
  return { page, asked };
}

describe('firstCleanWindow', () => {
  it('stops at the first window without a long task', async () => {
    const { page, asked } = fakePage([[80], [], [120]]);
    expect(await firstCleanWindow(page, { ms: 5000 })).toEqual([]);
    expect(asked).toEqual([5000, 5000]);
  });

  it('returns the last window when none is clean, after `attempts` windows', async () => {
    const { page, asked } = fakePage([[80], [90], [100], []]);
    expect(await firstCleanWindow(page, { ms: 2000 })).toEqual([100]);
    expect(asked).toHaveLength(3);
  });

  it('uses the caller’s idea of clean, and runs `before` ahead of every window', async () => {
    const { page } = fakePage([[70], [50], [40]]);
    let before = 0;
    const long = await firstCleanWindow(page, {
      ms: 5000,
      attempts: 5,
      before: () => Promise.resolve(void before++),
      clean: (l) => l.every((d) => d <= 50),
    });
    expect(long).toEqual([50]);
    expect(before).toBe(2);
  });
});
