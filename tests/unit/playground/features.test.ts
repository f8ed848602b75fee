import { describe, it, expect } from 'vitest';
import {
  COORD_SCALE,
  canonicalFeatures,
  featureIds,
  featureMatrix,
  features,
  gridCoords,
} from '../../../src/lib/playground/features.ts';

describe('feature transforms', () => {
  it('compute x1, x2, squares, product and sines of the scaled coordinates', () => {
    // Unit point (0.5, -0.25) is (3, -1.5) in feature coordinates.
    const m = featureMatrix([0.5, -0.25], featureIds);
    const [a, b] = [0.5 * COORD_SCALE, -0.25 * COORD_SCALE];
    expect(Array.from(m)).toEqual(
      [a, b, a * a, b * b, a * b, Math.sin(a), Math.sin(b)].map((v) => Math.fround(v)),
    );
  });

  it('lays out n rows of k features and reuses a buffer of the right size', () => {
    const coords = [0, 0, 1, 1, -1, 0.5];
    const m = featureMatrix(coords, ['x1x2', 'x2']);
    expect(m.length).toBe(6);
    expect(m[2]).toBeCloseTo(36); // row 1, x1·x2 = 6·6
    expect(m[5]).toBeCloseTo(3); // row 2, x2 = 0.5·6
    const again = featureMatrix(coords, ['x1x2', 'x2'], m);
    expect(again).toBe(m);
    expect(featureMatrix(coords, ['x1'], m)).not.toBe(m);
  });

  it('marks which features read x2 and has labels for people and screen readers', () => {
    expect(featureIds.filter((f) => !features[f].usesX2)).toEqual(['x1', 'x1sq', 'sinx1']);
    expect(features.x1sq.label).toBe('x₁²');
    expect(features.x1x2.spoken).toBe('x1 times x2');
  });

  it('canonicalFeatures orders and deduplicates', () => {
    expect(canonicalFeatures(['sinx2', 'x1', 'sinx2', 'x1x2'])).toEqual(['x1', 'x1x2', 'sinx2']);
  });

  it('gridCoords samples cell centres row by row from the top', () => {
    const g = gridCoords(2);
    expect(Array.from(g)).toEqual([-0.5, 0.5, 0.5, 0.5, -0.5, -0.5, 0.5, -0.5]);
    expect(gridCoords(50).length).toBe(5000);
    expect(() => gridCoords(1)).toThrow(/≥ 2/);
  });
});
