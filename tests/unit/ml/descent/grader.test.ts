import { describe, it, expect } from 'vitest';
import {
  descentReachesTarget,
  asExplorerSettings,
} from '../../../../src/lib/quiz/graders/descent.ts';
import { defaultSettings } from '../../../../src/lib/ml/descent/settings.ts';

const state = (patch: Record<string, unknown> = {}) => ({
  ...defaultSettings(),
  start: [2.5, 2],
  ...patch,
});

describe('descent grader', () => {
  it('passes and fails its own examples', () => {
    for (const e of descentReachesTarget.examples) {
      expect(descentReachesTarget.grade(e.state, e.params ?? {}).pass, e.note).toBe(e.pass);
    }
  });
  it('re-runs the descent for exactly maxSteps updates', () => {
    // lr 0.05 on the bowl: gap = 10.25·0.9^(2n); after 50 steps 2.7e-4, after 20 steps 0.15
    expect(descentReachesTarget.grade(state({ lr: 0.05, steps: 3 }), { maxSteps: 50 }).pass).toBe(
      true,
    );
    expect(descentReachesTarget.grade(state({ lr: 0.05 }), { maxSteps: 20 }).pass).toBe(false);
  });
  it('says so when the choice diverges, or uses the wrong surface or optimizer', () => {
    expect(descentReachesTarget.grade(state({ lr: 2 }), {}).feedback).toMatch(/diverges/);
    expect(descentReachesTarget.grade(state(), { surface: 'valley' }).feedback).toMatch(
      /Elongated valley/,
    );
    expect(descentReachesTarget.grade(state(), { optimizer: 'adam' }).feedback).toMatch(/Adam/);
  });
  it('checks its params', () => {
    expect(descentReachesTarget.checkParams!({})).toEqual([]);
    expect(
      descentReachesTarget.checkParams!({
        maxSteps: 0,
        targetLoss: -1,
        surface: 'x',
        optimizer: 'y',
      }),
    ).toHaveLength(4);
    expect(descentReachesTarget.grade(state(), { maxSteps: 'ten' }).pass).toBe(false);
  });
  it('narrows untrusted states', () => {
    expect(asExplorerSettings(state())).toMatchObject({ surface: 'bowl', lr: 0.1 });
    expect(asExplorerSettings([1, 2])).toBeUndefined();
    expect(asExplorerSettings(state({ lr: 'x' }))).toBeUndefined();
    expect(asExplorerSettings(state({ start: [1] }))).toBeUndefined();
    expect(asExplorerSettings(state({ optimizer: {} }))).toBeUndefined();
  });
});
