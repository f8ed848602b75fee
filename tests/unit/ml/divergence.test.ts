import { describe, expect, it } from 'vitest';
import { EXPLODE_FACTOR, EXPLODE_FLOOR, isDiverged } from '../../../src/lib/ml/divergence';

describe('isDiverged', () => {
  it('flags NaN and infinite losses, even without a reference', () => {
    expect(isDiverged(Number.NaN, null)).toBe(true);
    expect(isDiverged(Infinity, 0.7)).toBe(true);
    expect(isDiverged(-Infinity, 0.7)).toBe(true);
  });

  it('flags a loss far above the starting loss, not one that merely wobbles', () => {
    expect(isDiverged(0.69 * EXPLODE_FACTOR + 0.01, 0.69)).toBe(true);
    expect(isDiverged(1.2, 0.69)).toBe(false);
    expect(isDiverged(0.01, 0.69)).toBe(false);
  });

  it('never flags below the floor, and ignores a missing reference for finite losses', () => {
    expect(isDiverged(EXPLODE_FLOOR - 0.1, 0.01)).toBe(false);
    expect(isDiverged(EXPLODE_FLOOR + 0.1, 0.01)).toBe(true);
    expect(isDiverged(1e6, null)).toBe(false);
  });
});
