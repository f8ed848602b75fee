import { describe, expect, it } from 'vitest';
import { backward, lessonNet, lossAt, paramNames } from '../../../src/lib/ml/backprop-graph.ts';
import {
  FAIL_ABOVE,
  PASS_BELOW,
  backpropGradient,
  gradientCheck,
  numericGradient,
  relativeError,
} from '../../../src/lib/ml/gradient-check.ts';

describe('gradient checking', () => {
  it('measures relative error without caring about scale', () => {
    expect(relativeError([1, 2], [1, 2])).toBe(0);
    expect(relativeError([0, 0], [0, 0])).toBe(0);
    expect(relativeError([1], [-1])).toBe(1);
    expect(relativeError([1e-8], [1.1e-8])).toBeCloseTo(relativeError([1], [1.1]), 12);
    expect(() => relativeError([1], [1, 2])).toThrow(/length/);
  });

  it('estimates a known derivative with central differences', () => {
    const g = numericGradient((p) => p.w1 ** 3 + 2 * p.b3, lessonNet.params, 1e-4);
    expect(g.w1).toBeCloseTo(3 * 0.4 ** 2, 7);
    expect(g.b3).toBeCloseTo(2, 9);
    expect(g.w2).toBe(0);
    expect(() => numericGradient(() => 0, lessonNet.params, 0)).toThrow(/positive/);
    expect(() => numericGradient(() => 0, lessonNet.params, Number.NaN)).toThrow(/positive/);
  });

  it('passes a correct backward pass at ε = 1e-5 (relative error below 1e-7)', () => {
    const r = gradientCheck(lessonNet, 1e-5);
    expect(r.relError).toBeLessThan(PASS_BELOW);
    expect(r.verdict).toBe('pass');
    expect(r.rows.map((row) => row.name)).toEqual([...paramNames]);
    expect(r.forwardPasses).toBe(18);
    for (const row of r.rows) expect(row.relError).toBeLessThan(1e-6);
  });

  it('gets worse when ε is too large (truncation) or too small (rounding)', () => {
    const best = gradientCheck(lessonNet, 1e-5).relError;
    expect(gradientCheck(lessonNet, 0.5).relError).toBeGreaterThan(100 * best);
    expect(gradientCheck(lessonNet, 1e-12).relError).toBeGreaterThan(100 * best);
  });

  it('fails a backward pass that forgets the sigmoid derivative', () => {
    const r = gradientCheck(lessonNet, 1e-5, 'missing-sigmoid-derivative');
    expect(r.relError).toBeGreaterThan(FAIL_ABOVE);
    expect(r.verdict).toBe('fail');
    // The output layer's gradients do not pass through a hidden σ′, so they still agree.
    const w5 = r.rows.find((row) => row.name === 'w5')!;
    expect(w5.relError).toBeLessThan(1e-6);
    const w1 = r.rows.find((row) => row.name === 'w1')!;
    expect(w1.relError).toBeGreaterThan(0.1);
  });

  it('reports the backprop gradient unchanged without a bug', () => {
    const g = backward(lessonNet);
    const b = backpropGradient(lessonNet);
    for (const n of paramNames) expect(b[n]).toBe(g[n]);
    expect(lossAt(lessonNet)).toBeGreaterThan(0);
  });
});
