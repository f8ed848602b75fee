import { describe, it, expect } from 'vitest';
import {
  POINTS_PER_SET,
  bumpAndDip,
  datasetIds,
  datasets,
  generatePoints,
  noiseLevel,
  regression1d,
  regression2d,
  splitPoints,
  threeClass,
  wave,
} from '../../../src/lib/playground/datasets.ts';
import { createRng } from '../../../src/lib/ml/rng.ts';

describe('playground data sets', () => {
  it('every generated set has its points in range, labels fitting its task, and is seeded', () => {
    for (const id of datasetIds.filter((d) => d !== 'drawn')) {
      const pts = generatePoints(id, 5, 10);
      expect(pts.length).toBe(POINTS_PER_SET);
      expect(generatePoints(id, 5, 10)).toEqual(pts);
      expect(generatePoints(id, 6, 10)).not.toEqual(pts);
      const task = datasets[id].task;
      for (const p of pts) {
        expect(Math.abs(p.x)).toBeLessThan(2);
        if (task === 'binary') expect([0, 1]).toContain(p.label);
        if (task === 'multiclass') expect([0, 1, 2]).toContain(p.label);
      }
    }
  });

  it('drawn points are returned as given (copies)', () => {
    const drawn = [{ x: 0.1, y: 0.2, label: 1 }];
    const out = generatePoints('drawn', 1, 0, drawn);
    expect(out).toEqual(drawn);
    expect(out[0]).not.toBe(drawn[0]);
  });

  it('noise percent maps 0–50 to 0–1 and clamps', () => {
    expect(noiseLevel(0)).toBe(0);
    expect(noiseLevel(25)).toBe(0.5);
    expect(noiseLevel(80)).toBe(1);
  });

  it('three classes come in equal shares around three centres', () => {
    const pts = threeClass(createRng(1), 300, 0);
    for (const c of [0, 1, 2]) {
      const mine = pts.filter((p) => p.label === c);
      expect(mine.length).toBe(100);
      const angle = Math.PI / 2 + (c * 2 * Math.PI) / 3;
      const mx = mine.reduce((s, p) => s + p.x, 0) / 100;
      const my = mine.reduce((s, p) => s + p.y, 0) / 100;
      expect(mx).toBeCloseTo(0.55 * Math.cos(angle), 1);
      expect(my).toBeCloseTo(0.55 * Math.sin(angle), 1);
    }
  });

  it('regression targets follow their functions exactly without noise', () => {
    for (const p of regression1d(createRng(2), 20, 0)) {
      expect(p.label).toBeCloseTo(wave(p.x), 12);
      expect(p.y).toBe(p.label);
    }
    for (const p of regression2d(createRng(2), 20, 0))
      expect(p.label).toBeCloseTo(bumpAndDip(p.x, p.y), 12);
    expect(bumpAndDip(0.35, 0.35)).toBeGreaterThan(0.9);
    expect(bumpAndDip(-0.35, -0.35)).toBeLessThan(-0.9);
  });

  it('splits by the training share, reproducibly, and keeps tiny sets for training', () => {
    const pts = generatePoints('circles', 1, 0);
    const a = splitPoints(pts, 20, 3);
    expect(a.train.length).toBe(60);
    expect(a.test.length).toBe(240);
    expect(splitPoints(pts, 20, 3)).toEqual(a);
    expect(splitPoints(pts, 20, 4)).not.toEqual(a);
    expect(splitPoints([{ x: 0, y: 0, label: 1 }], 50, 1)).toEqual({
      train: [{ x: 0, y: 0, label: 1 }],
      test: [],
    });
  });
});
