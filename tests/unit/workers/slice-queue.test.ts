// The workers' slice queue (src/workers/slice-queue.ts) on Node's MessageChannel: callbacks run
// after the current task, in order, and a cancelled one never runs.
import { describe, it, expect } from 'vitest';
import { createSliceQueue } from '../../../src/workers/slice-queue.ts';

const drained = (): Promise<void> => new Promise((r) => setTimeout(r, 20));

describe('slice queue', () => {
  it('runs queued callbacks later, in order, and skips cancelled ones', async () => {
    const queue = createSliceQueue();
    const ran: string[] = [];
    queue(() => ran.push('a'));
    const cancelB = queue(() => ran.push('b'));
    queue(() => ran.push('c'));
    cancelB();
    expect(ran).toEqual([]);
    await drained();
    expect(ran).toEqual(['a', 'c']);
  });

  it('a callback can queue the next slice (a chain), and cancelling stops the chain', async () => {
    const queue = createSliceQueue();
    let slices = 0;
    const slice = (): void => {
      slices++;
      if (slices < 5) queue(slice);
    };
    queue(slice);
    await drained();
    expect(slices).toBe(5);
    slices = 0;
    let cancel: () => void;
    const forever = (): void => {
      slices++;
      cancel = queue(forever);
    };
    cancel = queue(forever);
    await new Promise((r) => setTimeout(r, 5));
    cancel();
    const at = slices;
    await drained();
    expect(at).toBeGreaterThan(0);
    expect(slices).toBe(at);
  });
});
