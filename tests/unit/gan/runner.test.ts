// The 2-D GAN runner with a fake clock: init posts a snapshot, slow-motion steps change one
// network each and say so, play trains in slices, and the text helpers describe what changed.
import { describe, it, expect } from 'vitest';
import { createGanRunner } from '../../../src/lib/gan/runner.ts';
import type { FromGanRunner, GanSnapshot } from '../../../src/lib/gan/protocol.ts';
import { defaultSettings } from '../../../src/lib/gan/settings.ts';
import { describeGan, trackCollapse } from '../../../src/lib/gan/describe.ts';

function harness() {
  let t = 0;
  const queue: Array<() => void> = [];
  const snaps: GanSnapshot[] = [];
  const runner = createGanRunner(
    {
      post: (m: FromGanRunner) => {
        if (m.type === 'error') throw new Error(m.message);
        snaps.push(m.snapshot);
      },
      now: () => (t += 0.5),
      later: (fn) => {
        queue.push(fn);
        return () => queue.splice(queue.indexOf(fn), 1);
      },
    },
    { sliceMs: 5 },
  );
  return { runner, snaps, queue };
}

describe('GAN runner', () => {
  it('slow motion: a D step moves no generated point; a G step changes no D output', () => {
    const { runner, snaps } = harness();
    runner.handle({ type: 'init', run: 1, settings: defaultSettings(), itersPerSecond: 100 });
    expect(snaps.at(-1)!.iteration).toBe(0);
    runner.handle({ type: 'step', which: 'd' });
    const d = snaps.at(-1)!;
    expect(d.changed?.which).toBe('d');
    expect([...d.fake]).toEqual([...d.changed!.beforeFake]);
    expect([...d.heat]).not.toEqual([...d.changed!.beforeHeat]);
    expect(describeGan(defaultSettings(), d).slow).toMatch(/One discriminator step/);
    runner.handle({ type: 'step', which: 'g' });
    const g = snaps.at(-1)!;
    expect(g.changed?.which).toBe('g');
    expect(g.iteration).toBe(1);
    expect([...g.heat]).toEqual([...g.changed!.beforeHeat]);
    expect([...g.fake]).not.toEqual([...g.changed!.beforeFake]);
    expect(describeGan(defaultSettings(), g).slow).toMatch(/One generator step/);
  });

  it('play trains in slices until paused', () => {
    const { runner, snaps, queue } = harness();
    runner.handle({ type: 'init', run: 2, settings: defaultSettings(), itersPerSecond: 1e6 });
    runner.handle({ type: 'play' });
    for (let i = 0; i < 5 && queue.length; i++) queue.shift()!();
    runner.handle({ type: 'pause' });
    const last = snaps.at(-1)!;
    expect(last.playing).toBe(false);
    expect(last.iteration).toBeGreaterThan(0);
    expect(last.run).toBe(2);
    expect(last.heat.length).toBe(40 * 40);
  });

  it('counts a collapse only on the mixture, after 1,500 iterations, at ≤ 3 modes', () => {
    const snap = (iteration: number, modes: number) => ({ iteration, modes }) as GanSnapshot;
    const none = { collapsedSeen: false };
    expect(trackCollapse(none, 'gaussians', snap(1000, 1)).collapsedSeen).toBe(false);
    expect(trackCollapse(none, 'gaussians', snap(1600, 4)).collapsedSeen).toBe(false);
    expect(trackCollapse(none, 'ring', snap(1600, 1)).collapsedSeen).toBe(false);
    expect(trackCollapse(none, 'gaussians', snap(1600, 2)).collapsedSeen).toBe(true);
  });
});
