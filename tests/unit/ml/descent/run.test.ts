import { describe, it, expect } from 'vitest';
import { bowl, valley, twoMinima, surfaces } from '../../../../src/lib/ml/descent/surfaces.ts';
import { runDescent, judge, verdictText } from '../../../../src/lib/ml/descent/run.ts';
import { createOptimizer, isOptimizerId } from '../../../../src/lib/ml/descent/optimizers.ts';
import { learningRateAt, isDecayKind } from '../../../../src/lib/ml/descent/schedule.ts';

describe('optimizers by hand', () => {
  it('first SGD, momentum, RMSProp and Adam steps match hand-computed values', () => {
    const g = [2, -4];
    const sgd = [1, 1];
    createOptimizer('sgd', 2).step(sgd, g, 0.1);
    expect(sgd).toEqual([0.8, 1.4]);

    const mom = createOptimizer('momentum', 2, { momentum: 0.5 });
    const pm = [0, 0];
    mom.step(pm, [1, 1], 0.1); // a = 1 → −0.1
    mom.step(pm, [1, 1], 0.1); // a = 0.5·1 + 1 = 1.5 → −0.25
    expect(pm[0]).toBeCloseTo(-0.25, 12);
    expect(mom.iterations).toBe(2);

    // RMSProp: s = 0.1·g² = 0.4, step = η·g/√(0.4 + ε)
    const pr = [0, 0];
    createOptimizer('rmsprop', 2).step(pr, [2, 0], 0.01);
    expect(pr[0]).toBeCloseTo(-(0.01 * 2) / Math.sqrt(0.4 + 1e-7), 12);
    expect(pr[1]).toBe(0);

    // Adam's first step is η·sign(g) (bias correction makes m̂ = g, v̂ = g²), minus ε effects.
    const pa = [0, 0];
    createOptimizer('adam', 2).step(pa, [3, -0.5], 0.1);
    expect(pa[0]).toBeCloseTo(-0.1, 6);
    expect(pa[1]).toBeCloseTo(0.1, 6);
  });

  it('recognises optimizer ids and decay kinds', () => {
    expect(isOptimizerId('adam')).toBe(true);
    expect(isOptimizerId('adagrad')).toBe(false);
    expect(isDecayKind('step')).toBe(true);
    expect(isDecayKind('cosine')).toBe(false);
  });
});

describe('learningRateAt', () => {
  it('keeps, steps down or decays exponentially', () => {
    expect(learningRateAt(0.4, 60, { kind: 'none' })).toBe(0.4);
    expect(learningRateAt(0.4, 24, { kind: 'step' })).toBe(0.4);
    expect(learningRateAt(0.4, 25, { kind: 'step' })).toBe(0.2);
    expect(learningRateAt(0.4, 50, { kind: 'step' })).toBe(0.1);
    expect(learningRateAt(0.4, 25, { kind: 'exponential' })).toBeCloseTo(0.2, 12);
    expect(learningRateAt(0.4, 12.5, { kind: 'exponential' })).toBeCloseTo(0.4 / Math.SQRT2, 12);
    expect(learningRateAt(1, 3, { kind: 'step', rate: 0.1, every: 1 })).toBeCloseTo(0.001, 12);
  });
  it('refuses bad rates and intervals', () => {
    expect(() => learningRateAt(1, 1, { kind: 'step', rate: 0 })).toThrow(RangeError);
    expect(() => learningRateAt(1, 1, { kind: 'step', rate: 1.5 })).toThrow(RangeError);
    expect(() => learningRateAt(1, 1, { kind: 'step', every: 0 })).toThrow(RangeError);
  });
});

describe('runDescent', () => {
  it('follows x ← (1 − 2η)·x on the bowl', () => {
    const r = runDescent(bowl, { optimizer: 'sgd', lr: 0.1, steps: 3, start: [2.5, 2] });
    expect(r.count).toBe(4);
    expect(r.xs[3]).toBeCloseTo(2.5 * 0.8 ** 3, 12);
    expect(r.ys[3]).toBeCloseTo(2 * 0.8 ** 3, 12);
    expect(r.losses[0]).toBe(10.25);
  });

  it('says lr = 0.1 on the bowl converges in 18 steps and lr = 2 diverges at step 2', () => {
    const ok = runDescent(bowl, { optimizer: 'sgd', lr: 0.1, steps: 50, start: bowl.start });
    expect(ok.verdict).toEqual({ kind: 'converged', step: 18, global: true });
    const bad = runDescent(bowl, { optimizer: 'sgd', lr: 2, steps: 50, start: bowl.start });
    expect(bad.verdict).toEqual({ kind: 'diverged', step: 2 });
  });

  it('stops early once the parameters blow up', () => {
    const r = runDescent(bowl, { optimizer: 'sgd', lr: 10, steps: 200, start: bowl.start });
    expect(r.count).toBeLessThan(201);
    expect(r.verdict.kind).toBe('diverged');
  });

  it('calls lr = 1 on the bowl oscillating and lr = 0.001 not converged', () => {
    expect(
      runDescent(bowl, { optimizer: 'sgd', lr: 1, steps: 50, start: bowl.start }).verdict,
    ).toEqual({
      kind: 'oscillating',
      trend: 'steady',
    });
    expect(
      runDescent(bowl, { optimizer: 'sgd', lr: 0.001, steps: 50, start: bowl.start }).verdict,
    ).toEqual({ kind: 'not-converged' });
  });

  it('zigzags across the valley at lr = 0.5 while momentum converges at 0.1', () => {
    expect(
      runDescent(valley, { optimizer: 'sgd', lr: 0.5, steps: 100, start: valley.start }).verdict
        .kind,
    ).toBe('oscillating');
    const m = runDescent(valley, {
      optimizer: 'momentum',
      lr: 0.1,
      steps: 200,
      start: valley.start,
    });
    const s = runDescent(valley, { optimizer: 'sgd', lr: 0.1, steps: 200, start: valley.start });
    expect(m.verdict.kind).toBe('converged');
    expect(s.verdict.kind).toBe('converged');
    if (m.verdict.kind === 'converged' && s.verdict.kind === 'converged')
      expect(m.verdict.step).toBeLessThan(s.verdict.step);
  });

  it('marks a local minimum as not global', () => {
    const r = runDescent(twoMinima, {
      optimizer: 'sgd',
      lr: 0.1,
      steps: 100,
      start: twoMinima.start,
    });
    expect(r.verdict).toMatchObject({ kind: 'converged', global: false });
  });

  it('slows down with decay', () => {
    const plain = runDescent(bowl, { optimizer: 'sgd', lr: 0.02, steps: 100, start: bowl.start });
    const decayed = runDescent(bowl, {
      optimizer: 'sgd',
      lr: 0.02,
      steps: 100,
      start: bowl.start,
      decay: { kind: 'exponential' },
    });
    expect(decayed.losses[100]!).toBeGreaterThan(plain.losses[100]!);
  });

  it('refuses a non-positive learning rate and clamps steps', () => {
    expect(() => runDescent(bowl, { optimizer: 'sgd', lr: 0, steps: 5, start: [1, 1] })).toThrow(
      RangeError,
    );
    expect(() => runDescent(bowl, { optimizer: 'sgd', lr: NaN, steps: 5, start: [1, 1] })).toThrow(
      RangeError,
    );
    expect(runDescent(bowl, { optimizer: 'sgd', lr: 0.1, steps: -3, start: [1, 1] }).count).toBe(1);
  });

  it('recomputes a 200-step path quickly (pure arithmetic, no allocation per step)', () => {
    const t0 = performance.now();
    for (let i = 0; i < 100; i++)
      runDescent(surfaces.regression, { optimizer: 'adam', lr: 0.1, steps: 200, start: [0, 0] });
    // Generous bound: this only catches an accidental O(n²) or tfjs call, not speed regressions.
    expect((performance.now() - t0) / 100).toBeLessThan(5);
  });
});

describe('judge and verdictText', () => {
  it('converged at step 0 when starting at the minimum', () => {
    expect(judge(bowl, [0, 0], [0, 0], [0, 0], 2)).toEqual({
      kind: 'converged',
      step: 0,
      global: true,
    });
  });
  it('diverged when the loss becomes non-finite', () => {
    expect(judge(bowl, [1, 2, NaN], [1, 2, NaN], [2, 8, NaN], 3)).toEqual({
      kind: 'diverged',
      step: 2,
    });
  });
  it('words every verdict', () => {
    expect(verdictText({ kind: 'converged', step: 1, global: true }, 5)).toBe(
      'Converged in 1 step.',
    );
    expect(verdictText({ kind: 'converged', step: 9, global: false }, 5)).toMatch(/local minimum/);
    expect(verdictText({ kind: 'diverged', step: 2 }, 5)).toMatch(/^Diverged at step 2/);
    expect(verdictText({ kind: 'oscillating', trend: 'steady' }, 5)).toMatch(/^Oscillating:/);
    expect(verdictText({ kind: 'oscillating', trend: 'shrinking' }, 5)).toMatch(
      /^Oscillating, with shrinking swings/,
    );
    expect(verdictText({ kind: 'oscillating', trend: 'growing' }, 5)).toMatch(
      /^Oscillating, with growing swings.*slowly diverging/,
    );
    expect(verdictText({ kind: 'overshooting', trend: 'shrinking' }, 50)).toMatch(
      /^Not converged after 50 steps: overshooting\..*shrinking swings/,
    );
    expect(verdictText({ kind: 'overshooting', trend: 'growing' }, 50)).toMatch(/^Overshooting/);
    expect(verdictText({ kind: 'not-converged' }, 1)).toMatch(/^Not converged after 1 step:/);
  });
});

// The lesson's claims about shrinking and growing oscillation on the valley (issue 11, items 4
// and 5), the overshoot of momentum and Adam (item 6, issue 16), checked in Node.
describe('oscillation trends and overshooting (the lesson text)', () => {
  const valleyRun = (lr: number, steps = 50, optimizer: 'sgd' | 'adam' = 'sgd') =>
    runDescent(valley, { optimizer, lr, steps, start: valley.start });

  it('tells shrinking from growing oscillation on the valley: 0.49, 0.5, 0.501, 0.513', () => {
    expect(valleyRun(0.479).verdict).toMatchObject({ kind: 'converged', step: 41 });
    expect(valleyRun(0.49).verdict).toEqual({ kind: 'oscillating', trend: 'shrinking' });
    expect(valleyRun(0.5).verdict).toEqual({ kind: 'oscillating', trend: 'steady' });
    expect(valleyRun(0.501).verdict).toEqual({ kind: 'oscillating', trend: 'growing' });
    expect(valleyRun(0.513).verdict).toMatchObject({ kind: 'diverged' });
    // the factors the text quotes
    expect(Math.abs(1 - 4 * 0.49)).toBeCloseTo(0.96, 12);
    expect(Math.abs(1 - 4 * 0.501)).toBeCloseTo(1.004, 12);
  });

  it('η = 0.49 on the valley converges without decay after 79 steps', () => {
    expect(valleyRun(0.49, 200).verdict).toEqual({ kind: 'converged', step: 79, global: true });
  });

  it('the bowl: η = 1 bounces steadily, just above it the swings grow', () => {
    const run = (lr: number) =>
      runDescent(bowl, { optimizer: 'sgd', lr, steps: 50, start: bowl.start });
    expect(run(1).verdict).toEqual({ kind: 'oscillating', trend: 'steady' });
    expect(run(1.01).verdict).toEqual({ kind: 'oscillating', trend: 'growing' });
  });

  it('momentum at η = 0.3 on the bowl overshoots (not "still descending")', () => {
    const m = runDescent(bowl, { optimizer: 'momentum', lr: 0.3, steps: 50, start: bowl.start });
    expect(m.verdict).toEqual({ kind: 'overshooting', trend: 'shrinking' });
    expect(verdictText(m.verdict, 50)).toMatch(/overshooting/);
    expect(verdictText(m.verdict, 50)).not.toMatch(/still descending/);
  });

  it('Adam at η = 0.1 on the valley overshoots: crosses w₁ = 0 near step 31, loss lowest at 43', () => {
    const a = valleyRun(0.1, 50, 'adam');
    expect(a.verdict.kind).toBe('overshooting');
    expect(a.xs[31]!).toBeLessThan(0);
    expect(a.xs[32]!).toBeGreaterThan(0);
    const maxW1 = Math.max(...Array.from(a.xs));
    expect(maxW1).toBeCloseTo(0.22, 2);
    let best = 0;
    for (let k = 1; k <= 50; k++) if (a.losses[k]! < a.losses[best]!) best = k;
    expect(best).toBe(43);
    for (let k = 44; k <= 50; k++) expect(a.losses[k]!).toBeGreaterThan(a.losses[k - 1]!);
  });

  it('plain SGD at η = 0.1 on the valley is still descending (no overshoot)', () => {
    expect(valleyRun(0.1).verdict).toEqual({ kind: 'not-converged' });
  });
});

// The condition-number paragraph and the guided μ task of the loss lesson (issue 11).
describe('momentum and the condition number of the valley', () => {
  const mom = (lr: number, mu: number, steps = 200) =>
    runDescent(valley, {
      optimizer: 'momentum',
      lr,
      steps,
      start: valley.start,
      optimizerSettings: { momentum: mu },
    }).verdict;

  it('κ = 20, best plain rate 2/(λmin + λmax) ≈ 0.476, factors 0.905 and 0.635', () => {
    // curvatures: the valley's second derivatives along w₁ and w₂
    const h = 1e-4;
    const d2 = (f: (t: number) => number) => (f(h) - 2 * f(0) + f(-h)) / (h * h);
    const lmin = d2((t) => valley.f(t, 0));
    const lmax = d2((t) => valley.f(0, t));
    expect(lmin).toBeCloseTo(0.2, 4);
    expect(lmax).toBeCloseTo(4, 4);
    const kappa = lmax / lmin;
    expect(kappa).toBeCloseTo(20, 3);
    expect(2 / (lmin + lmax)).toBeCloseTo(0.476, 3);
    const gd = (kappa - 1) / (kappa + 1);
    const hb = (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1);
    expect(gd).toBeCloseTo(0.905, 3);
    expect(hb).toBeCloseTo(0.635, 3);
    expect(Math.log(10) / -Math.log(gd)).toBeCloseTo(23, 0);
    expect(Math.log(10) / -Math.log(hb)).toBeCloseTo(5, 0);
  });

  it('guided task: η = 0.1, 200 steps — μ = 0 needs 185, μ = 0.9 needs 73, μ = 0.99 still swings', () => {
    expect(mom(0.1, 0)).toEqual({ kind: 'converged', step: 185, global: true });
    expect(mom(0.1, 0.9)).toEqual({ kind: 'converged', step: 73, global: true });
    expect(mom(0.1, 0.99)).toMatchObject({ kind: 'overshooting' });
  });

  it('at η = 0.479: plain descent 41 steps, momentum μ = 0.5 14 steps', () => {
    expect(mom(0.479, 0)).toEqual({ kind: 'converged', step: 41, global: true });
    expect(mom(0.479, 0.5)).toEqual({ kind: 'converged', step: 14, global: true });
  });
});
