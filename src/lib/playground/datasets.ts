// Pure: no DOM. The playground's data sets. The four binary sets come from the runtime's
// src/lib/ml/datasets.ts (seeded); the three-class set, the two regression sets and drawn points
// are the playground's own. All points live in [-1, 1]².
import { circles, gaussians, spiral, trainTestSplit, xor } from '../ml/datasets.ts';
import { createRng, type Rng } from '../ml/rng.ts';

export const datasetIds = [
  'circles',
  'xor',
  'gaussians',
  'spiral',
  'three-class',
  'regression-1d',
  'regression-2d',
  'drawn',
] as const;
export type DatasetId = (typeof datasetIds)[number];

/** What the network predicts: one of two classes, one of three, or a number. */
export type Task = 'binary' | 'multiclass' | 'regression';

export interface DatasetInfo {
  readonly id: DatasetId;
  readonly label: string;
  readonly task: Task;
  /** Number of output units: 1 (binary, regression) or 3. */
  readonly outputs: number;
  /** 1-D regression: the input is x only, and a point's y is its target. */
  readonly oneD: boolean;
}

export const datasets: Readonly<Record<DatasetId, DatasetInfo>> = {
  circles: { id: 'circles', label: 'Circles', task: 'binary', outputs: 1, oneD: false },
  xor: { id: 'xor', label: 'XOR', task: 'binary', outputs: 1, oneD: false },
  gaussians: {
    id: 'gaussians',
    label: 'Gaussian clusters',
    task: 'binary',
    outputs: 1,
    oneD: false,
  },
  spiral: { id: 'spiral', label: 'Spiral', task: 'binary', outputs: 1, oneD: false },
  'three-class': {
    id: 'three-class',
    label: 'Three classes',
    task: 'multiclass',
    outputs: 3,
    oneD: false,
  },
  'regression-1d': {
    id: 'regression-1d',
    label: '1-D regression',
    task: 'regression',
    outputs: 1,
    oneD: true,
  },
  'regression-2d': {
    id: 'regression-2d',
    label: '2-D regression',
    task: 'regression',
    outputs: 1,
    oneD: false,
  },
  drawn: { id: 'drawn', label: 'Your own points', task: 'binary', outputs: 1, oneD: false },
};

/**
 * A point of the plane with its label: a class (0, 1 or 2) or, for regression, the target value
 * (for 1-D regression, y is the target too, so the point plots at (input, target)).
 */
export interface LabelledPoint {
  x: number;
  y: number;
  label: number;
}

/** Points generated per data set (drawn sets have as many as the reader drew). */
export const POINTS_PER_SET = 300;

/** Maps the noise slider (0–50 %) to the generators' noise level (0–1). */
export function noiseLevel(percent: number): number {
  return Math.max(0, Math.min(50, percent)) / 50;
}

/** Three gaussian blobs at 90°, 210° and 330°, labels 0, 1, 2 in turn. */
export function threeClass(rng: Rng, n: number, noise: number): LabelledPoint[] {
  const sd = 0.12 + noise * 0.35;
  return Array.from({ length: n }, (_, i) => {
    const label = i % 3;
    const angle = Math.PI / 2 + (label * 2 * Math.PI) / 3;
    return {
      x: 0.55 * Math.cos(angle) + rng.normal() * sd,
      y: 0.55 * Math.sin(angle) + rng.normal() * sd,
      label,
    };
  });
}

/** The 1-D target: one and a half waves of a sine over [-1, 1]. */
export function wave(x: number): number {
  return 0.8 * Math.sin(3 * x);
}

/** The 2-D target: a bump at (0.35, 0.35) and a dip at (−0.35, −0.35). */
export function bumpAndDip(x: number, y: number): number {
  const g = (dx: number, dy: number) => Math.exp(-(dx * dx + dy * dy) / 0.18);
  return g(x - 0.35, y - 0.35) - g(x + 0.35, y + 0.35);
}

/** 1-D regression: inputs uniform in [-1, 1], targets wave(x) plus gaussian noise. */
export function regression1d(rng: Rng, n: number, noise: number): LabelledPoint[] {
  return Array.from({ length: n }, () => {
    const x = rng.uniform(-1, 1);
    const t = wave(x) + rng.normal() * noise * 0.3;
    return { x, y: t, label: t };
  });
}

/** 2-D regression: points uniform in the square, targets bumpAndDip plus gaussian noise. */
export function regression2d(rng: Rng, n: number, noise: number): LabelledPoint[] {
  return Array.from({ length: n }, () => {
    const x = rng.uniform(-1, 1);
    const y = rng.uniform(-1, 1);
    return { x, y, label: bumpAndDip(x, y) + rng.normal() * noise * 0.3 };
  });
}

/**
 * The points of a data set for a seed and noise percentage (0–50). `drawn` is returned as given
 * (copied) for the hand-drawn set.
 */
export function generatePoints(
  id: DatasetId,
  seed: number,
  noisePercent: number,
  drawn: readonly LabelledPoint[] = [],
): LabelledPoint[] {
  const rng = createRng(seed);
  const noise = noiseLevel(noisePercent);
  const opts = { n: POINTS_PER_SET, noise };
  switch (id) {
    case 'circles':
      return circles(rng, opts);
    case 'xor':
      return xor(rng, opts);
    case 'gaussians':
      return gaussians(rng, opts);
    case 'spiral':
      return spiral(rng, opts);
    case 'three-class':
      return threeClass(rng, POINTS_PER_SET, noise);
    case 'regression-1d':
      return regression1d(rng, POINTS_PER_SET, noise);
    case 'regression-2d':
      return regression2d(rng, POINTS_PER_SET, noise);
    case 'drawn':
      return drawn.map((p) => ({ ...p }));
  }
}

/**
 * Splits points into training and test sets with `trainPercent` (10–90) of them for training.
 * Fewer than two points all go to training.
 */
export function splitPoints(
  points: readonly LabelledPoint[],
  trainPercent: number,
  seed: number,
): { train: LabelledPoint[]; test: LabelledPoint[] } {
  if (points.length < 2) return { train: points.map((p) => ({ ...p })), test: [] };
  const testFraction = 1 - Math.max(10, Math.min(90, trainPercent)) / 100;
  return trainTestSplit(points, testFraction, createRng(seed));
}
