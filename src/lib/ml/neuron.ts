// Pure: no DOM. A single artificial neuron in two dimensions: weighted sum, output, the line
// where the weighted sum is zero, and a grid of outputs for a heatmap. Used by the neuron
// explorer, the perceptron trainer and unit tests.
import { activations, type ActivationName } from './activations.ts';

/** A labelled point in the plane; `label` is 1 or 0. */
export interface LabelledPoint {
  readonly x: number;
  readonly y: number;
  readonly label: 0 | 1;
}

/** The parameters of a two-input neuron. */
export interface Neuron2 {
  readonly w1: number;
  readonly w2: number;
  readonly b: number;
}

/** A rectangle of the plane: [xMin, xMax] × [yMin, yMax]. */
export interface Bounds {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/**
 * The weighted sum z = Σ w_i x_i + b.
 * @throws RangeError when the weight and input vectors differ in length
 */
export function weightedSum(w: readonly number[], x: readonly number[], b: number): number {
  if (w.length !== x.length) {
    throw new RangeError(`weights (${w.length}) and inputs (${x.length}) differ in length`);
  }
  let z = b;
  for (let i = 0; i < w.length; i++) z += w[i]! * x[i]!;
  return z;
}

/** The neuron's output f(w·x + b) for an activation name. */
export function neuronOutput(
  w: readonly number[],
  x: readonly number[],
  b: number,
  activation: ActivationName,
): number {
  return activations[activation].f(weightedSum(w, x, b));
}

/** The class a neuron gives a point: 1 where w1·x + w2·y + b ≥ 0, else 0. */
export function classify(n: Neuron2, x: number, y: number): 0 | 1 {
  return n.w1 * x + n.w2 * y + n.b >= 0 ? 1 : 0;
}

/** How many points the neuron puts in their own class, and the indices of those it gets wrong. */
export function score(
  n: Neuron2,
  points: readonly LabelledPoint[],
): { correct: number; total: number; wrong: number[] } {
  const wrong: number[] = [];
  points.forEach((p, i) => {
    if (classify(n, p.x, p.y) !== p.label) wrong.push(i);
  });
  return { correct: points.length - wrong.length, total: points.length, wrong };
}

/**
 * The decision line w1·x + w2·y + b = 0 clipped to `bounds`, as its two end points, or null
 * when the line misses the box or does not exist (w1 = w2 = 0: then every point gets the same
 * class). The weight vector (w1, w2) is perpendicular to the line and points to class 1.
 */
export function decisionLine(
  n: Neuron2,
  bounds: Bounds,
): { x1: number; y1: number; x2: number; y2: number } | null {
  const { w1, w2, b } = n;
  if (w1 === 0 && w2 === 0) return null;
  const { xMin, xMax, yMin, yMax } = bounds;
  const hits: Array<[number, number]> = [];
  const eps = 1e-12;
  const add = (x: number, y: number): void => {
    if (x < xMin - eps || x > xMax + eps || y < yMin - eps || y > yMax + eps) return;
    if (hits.some(([hx, hy]) => Math.abs(hx - x) < 1e-9 && Math.abs(hy - y) < 1e-9)) return;
    hits.push([x, y]);
  };
  if (w2 !== 0) {
    add(xMin, -(w1 * xMin + b) / w2);
    add(xMax, -(w1 * xMax + b) / w2);
  }
  if (w1 !== 0) {
    add(-(w2 * yMin + b) / w1, yMin);
    add(-(w2 * yMax + b) / w1, yMax);
  }
  if (hits.length < 2) return null;
  const [p, q] = [hits[0]!, hits[1]!];
  return { x1: p[0], y1: p[1], x2: q[0], y2: q[1] };
}

/** A row-major grid of values over a rectangle: values[j * cols + i] at (xs[i], ys[j]). */
export interface Grid {
  readonly cols: number;
  readonly rows: number;
  readonly xs: number[];
  readonly ys: number[];
  readonly values: Float64Array;
}

/**
 * The neuron's output at the centre of each cell of a cols × rows grid over `bounds`
 * (ys run from yMax at row 0 down to yMin, like the screen), for a heatmap.
 */
export function neuronGrid(
  n: Neuron2,
  activation: ActivationName,
  bounds: Bounds,
  cols = 40,
  rows = cols,
): Grid {
  if (!(cols >= 1 && rows >= 1)) throw new RangeError('a grid needs at least one cell');
  const f = activations[activation].f;
  const xs = Array.from(
    { length: cols },
    (_, i) => bounds.xMin + ((i + 0.5) * (bounds.xMax - bounds.xMin)) / cols,
  );
  const ys = Array.from(
    { length: rows },
    (_, j) => bounds.yMax - ((j + 0.5) * (bounds.yMax - bounds.yMin)) / rows,
  );
  const values = new Float64Array(cols * rows);
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      values[j * cols + i] = f(n.w1 * xs[i]! + n.w2 * ys[j]! + n.b);
    }
  }
  return { cols, rows, xs, ys, values };
}

/** A seeded pseudo-random generator (mulberry32) giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Linearly separable points: uniform in `bounds`, labelled by the side of the line
 * `truth` (class 1 where truth's weighted sum ≥ 0), keeping only points at least `margin` away
 * from that line. Same seed → same points.
 */
export function separablePoints(
  seed: number,
  count: number,
  truth: Neuron2,
  bounds: Bounds,
  margin = 0.15,
): LabelledPoint[] {
  const rand = mulberry32(seed);
  const norm = Math.hypot(truth.w1, truth.w2);
  if (norm === 0) throw new RangeError('the true line needs a non-zero weight');
  const out: LabelledPoint[] = [];
  for (let tries = 0; out.length < count && tries < count * 1000; tries++) {
    const x = bounds.xMin + rand() * (bounds.xMax - bounds.xMin);
    const y = bounds.yMin + rand() * (bounds.yMax - bounds.yMin);
    const z = truth.w1 * x + truth.w2 * y + truth.b;
    if (Math.abs(z) / norm < margin) continue;
    out.push({ x: round3(x), y: round3(y), label: z >= 0 ? 1 : 0 });
  }
  if (out.length < count) throw new RangeError('could not place that many points with that margin');
  return out;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** The four XOR points on the unit square: class 1 where exactly one coordinate is 1. */
export function xorPoints(): LabelledPoint[] {
  return [
    { x: 0, y: 0, label: 0 },
    { x: 0, y: 1, label: 1 },
    { x: 1, y: 0, label: 1 },
    { x: 1, y: 1, label: 0 },
  ];
}
