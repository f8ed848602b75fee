// The explorer's pure view-model (src/components/widgets/DescentExplorer/model.ts).
import { describe, it, expect } from 'vitest';
import {
  computeRuns,
  surfaceView,
  pathViews,
  lossView,
  describeRuns,
} from '../../../src/components/widgets/DescentExplorer/model.ts';
import { defaultSettings } from '../../../src/lib/ml/descent/settings.ts';

describe('descent explorer view-model', () => {
  const s = defaultSettings();
  it('runs one optimizer, or two in a race from the same start', () => {
    expect(computeRuns(s).b).toBeUndefined();
    const race = computeRuns({ ...s, race: true, optimizerB: 'adam' });
    expect(race.b).toBeDefined();
    expect(race.b!.xs[0]).toBe(race.a.xs[0]);
    expect(race.b!.xs[5]).not.toBe(race.a.xs[5]);
  });
  it('caches the contour view-model per surface', () => {
    expect(surfaceView('bowl')).toBe(surfaceView('bowl'));
    expect(surfaceView('bowl').levels).toHaveLength(14);
  });
  it('shows only the replayed part of the path and loss curve', () => {
    const runs = computeRuns(s);
    const c = surfaceView('bowl');
    expect(pathViews(runs, c).a.points).toHaveLength(51);
    expect(pathViews(runs, c, 3).a.points).toHaveLength(4);
    const loss = lossView(s, runs, 3);
    expect(loss.paths[0]!.end?.value).toBeCloseTo(10.25 * 0.8 ** 6, 6);
    expect(loss.xDomain).toEqual([0, 50]);
    expect(loss.logY).toBe(true);
  });
  it('clamps exploding losses so the log axis stays bounded', () => {
    const bad = { ...s, lr: 10, steps: 200 };
    const loss = lossView(bad, computeRuns(bad));
    expect(loss.yDomain[1]).toBeLessThanOrEqual(2e8);
  });
  it('words the verdicts, the summary and the table', () => {
    const w = describeRuns(s, computeRuns(s));
    expect(w.verdictA).toBe('Converged in 18 steps.');
    expect(w.verdictB).toBeUndefined();
    expect(w.summary).toMatch(
      /^Round bowl, learning rate 0\.1, 50 steps from w₁ = 2\.5, w₂ = 2\. SGD: Converged in 18 steps\./,
    );
    expect(w.columns).toEqual(['Step', 'SGD w₁', 'SGD w₂', 'SGD loss']);
    expect(w.rows).toHaveLength(51);
    expect(w.rows[1]).toEqual(['1', '2', '1.6', '6.56']);
    const race = { ...s, race: true, optimizerB: 'momentum' as const, decay: 'step' as const };
    const r = describeRuns(race, computeRuns(race));
    expect(r.verdictA).toMatch(/^SGD: /);
    expect(r.verdictB).toMatch(/^Momentum: /);
    expect(r.summary).toMatch(/with step decay/);
    expect(r.columns).toHaveLength(7);
  });
});
