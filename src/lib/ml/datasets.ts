// Pure: no DOM. Small 2-D data sets for widgets, the training worker and tests. Every generator
// takes an Rng, so a seed fixes the data.
import type { Rng } from './rng';
import { permutation } from './rng';

/** A 2-D point with a class label (0 or 1). */
export interface Point2 {
  x: number;
  y: number;
  label: number;
}

/** A point of a 1-D regression problem: input x, target y. */
export interface RegressionPoint {
  x: number;
  y: number;
}

export const DATASET_NAMES = ['spiral', 'xor', 'circles', 'gaussians'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export interface DatasetOptions {
  /** Number of points (default 200). */
  n?: number;
  /** Noise level, 0 (none) to 1 (heavy); default 0.1. Scaled to each set's geometry. */
  noise?: number;
}

/** Spiral options: how many turns each arm makes (default 1). */
export interface SpiralOptions extends DatasetOptions {
  turns?: number;
}

function checkN(n: number): number {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`n must be an integer ≥ 2, got ${n}`);
  return n;
}

function checkNoise(noise: number): number {
  if (!Number.isFinite(noise) || noise < 0) throw new RangeError(`noise must be ≥ 0, got ${noise}`);
  return noise;
}

/** Two interleaved spiral arms in [-1, 1]², labels 0 and 1 alternating. */
export function spiral(
  rng: Rng,
  { n = 200, noise = 0.1, turns = 1 }: SpiralOptions = {},
): Point2[] {
  checkN(n);
  checkNoise(noise);
  const out: Point2[] = [];
  const perArm = Math.ceil(n / 2);
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const k = Math.floor(i / 2);
    const r = (k / perArm) * 0.9 + 0.05;
    const t = turns * (k / perArm) * 2 * Math.PI + label * Math.PI;
    out.push({
      x: r * Math.sin(t) + rng.uniform(-1, 1) * noise * 0.5,
      y: r * Math.cos(t) + rng.uniform(-1, 1) * noise * 0.5,
      label,
    });
  }
  return out;
}

/** XOR: label 1 where x and y have the same sign, in [-1, 1]², with a gap around the axes. */
export function xor(rng: Rng, { n = 200, noise = 0.1 }: DatasetOptions = {}): Point2[] {
  checkN(n);
  checkNoise(noise);
  const out: Point2[] = [];
  for (let i = 0; i < n; i++) {
    const pad = 0.05;
    let x = rng.uniform(pad, 1);
    let y = rng.uniform(pad, 1);
    if (rng.next() < 0.5) x = -x;
    if (rng.next() < 0.5) y = -y;
    const label = x * y > 0 ? 1 : 0;
    out.push({
      x: x + rng.uniform(-1, 1) * noise * 0.5,
      y: y + rng.uniform(-1, 1) * noise * 0.5,
      label,
    });
  }
  return out;
}

/** An inner disc (label 1) inside a ring (label 0). */
export function circles(rng: Rng, { n = 200, noise = 0.1 }: DatasetOptions = {}): Point2[] {
  checkN(n);
  checkNoise(noise);
  const out: Point2[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2 === 0 ? 1 : 0;
    const r = label === 1 ? rng.uniform(0, 0.4) : rng.uniform(0.6, 0.95);
    const t = rng.uniform(0, 2 * Math.PI);
    out.push({
      x: r * Math.cos(t) + rng.normal() * noise * 0.2,
      y: r * Math.sin(t) + rng.normal() * noise * 0.2,
      label,
    });
  }
  return out;
}

/** Two gaussian clusters centred at (±0.45, ±0.45). */
export function gaussians(rng: Rng, { n = 200, noise = 0.1 }: DatasetOptions = {}): Point2[] {
  checkN(n);
  checkNoise(noise);
  const out: Point2[] = [];
  const sd = 0.12 + noise * 0.5;
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const c = label === 1 ? 0.45 : -0.45;
    out.push({ x: c + rng.normal() * sd, y: c + rng.normal() * sd, label });
  }
  return out;
}

/** Generates a named 2-D classification set. */
export function makeDataset(name: DatasetName, rng: Rng, opts: SpiralOptions = {}): Point2[] {
  switch (name) {
    case 'spiral':
      return spiral(rng, opts);
    case 'xor':
      return xor(rng, opts);
    case 'circles':
      return circles(rng, opts);
    case 'gaussians':
      return gaussians(rng, opts);
  }
}

export interface LinearOptions {
  n?: number;
  slope?: number;
  intercept?: number;
  /** Standard deviation of the gaussian noise added to y (default 0.1). */
  noise?: number;
  /** Inputs are uniform in [xMin, xMax] (default [-1, 1]). */
  xMin?: number;
  xMax?: number;
}

/** Points y = slope·x + intercept + noise for linear regression. */
export function linearPoints(
  rng: Rng,
  { n = 50, slope = 2, intercept = -0.5, noise = 0.1, xMin = -1, xMax = 1 }: LinearOptions = {},
): RegressionPoint[] {
  checkN(n);
  checkNoise(noise);
  const out: RegressionPoint[] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(xMin, xMax);
    out.push({ x, y: slope * x + intercept + rng.normal() * noise });
  }
  return out;
}

/**
 * Shuffles with `rng` and splits: the first round(n·testFraction) points (at least one on each side
 * when n ≥ 2) become the test set.
 */
export function trainTestSplit<T>(
  points: readonly T[],
  testFraction: number,
  rng: Rng,
): { train: T[]; test: T[] } {
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new RangeError(`testFraction must be in (0, 1), got ${testFraction}`);
  }
  const order = permutation(points.length, rng);
  const shuffled = Array.from(order, (i) => points[i]!);
  const nTest = Math.min(points.length - 1, Math.max(1, Math.round(points.length * testFraction)));
  return { test: shuffled.slice(0, nTest), train: shuffled.slice(nTest) };
}

/** Packs points into row-major inputs [n, 2] and labels [n] for tensors. */
export function toArrays(points: readonly Point2[]): { xs: Float32Array; ys: Float32Array } {
  const xs = new Float32Array(points.length * 2);
  const ys = new Float32Array(points.length);
  points.forEach((p, i) => {
    xs[2 * i] = p.x;
    xs[2 * i + 1] = p.y;
    ys[i] = p.label;
  });
  return { xs, ys };
}
