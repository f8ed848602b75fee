// Pure: no DOM, no tfjs. Mini-batch stochastic gradient descent fitting a line ŷ = w·x + b to
// noisy points, for the LineFit widget of the "Loss and gradient descent" lesson. Every random
// draw comes from the seeded generator in rng.ts: the points from `seed`, and each epoch's shuffle
// from (seed, epoch), so the fit state stays plain data and the same settings give the same run.
import { createRng, permutation } from './rng.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface LineDataOptions {
  readonly seed: number;
  /** Number of points (default 40). */
  readonly n?: number;
  /** The true line's slope (default 1.5) and intercept (default 0.5). */
  readonly slope?: number;
  readonly intercept?: number;
  /** Standard deviation of the Gaussian noise added to y (default 0.3). */
  readonly noise?: number;
}

/** Points with x uniform in [−1, 1] and y = slope·x + intercept + Gaussian noise. */
export function makeLinePoints(opts: LineDataOptions): Point[] {
  const { seed, n = 40, slope = 1.5, intercept = 0.5, noise = 0.3 } = opts;
  if (!Number.isInteger(n) || n < 2) throw new Error('need at least 2 points');
  const rng = createRng(seed);
  const points: Point[] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(-1, 1);
    points.push({ x, y: slope * x + intercept + noise * rng.normal() });
  }
  return points;
}

/** Mean squared error of the line (w, b) on `points`. */
export function lineLoss(points: readonly Point[], w: number, b: number): number {
  if (points.length === 0) throw new Error('no points');
  let sum = 0;
  for (const p of points) sum += (w * p.x + b - p.y) ** 2;
  return sum / points.length;
}

/** Gradient of the mean squared error with respect to w and b. */
export function lineGradient(
  points: readonly Point[],
  w: number,
  b: number,
): { dw: number; db: number } {
  if (points.length === 0) throw new Error('no points');
  let dw = 0;
  let db = 0;
  for (const p of points) {
    const r = w * p.x + b - p.y;
    dw += 2 * r * p.x;
    db += 2 * r;
  }
  return { dw: dw / points.length, db: db / points.length };
}

/** The exact least-squares line: the lowest loss any (w, b) can reach on these points. */
export function leastSquares(points: readonly Point[]): { w: number; b: number; loss: number } {
  const n = points.length;
  if (n < 2) throw new Error('need at least 2 points');
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  if (sxx === 0) throw new Error('all points share one x');
  const w = sxy / sxx;
  const b = my - w * mx;
  return { w, b, loss: lineLoss(points, w, b) };
}

export interface LineFitSettings {
  /** Examples per update: 1 is stochastic, the number of points is full batch. */
  readonly batchSize: number;
  readonly learningRate: number;
}

export interface LineFitState {
  readonly w: number;
  readonly b: number;
  /** Updates made so far. */
  readonly step: number;
  /** Complete passes over the data so far. */
  readonly epoch: number;
  /** The shuffled order of the current epoch and the position in it. */
  readonly order: readonly number[];
  readonly cursor: number;
  /** The seed the shuffles derive from. */
  readonly seed: number;
  /** Full-data loss before the first update and after each update. */
  readonly history: readonly number[];
  /** True once the loss is not finite or has grown past 1e6 times its start. */
  readonly diverged: boolean;
}

function validate(settings: LineFitSettings, n: number): void {
  const { batchSize, learningRate } = settings;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > n) {
    throw new Error(`batch size must be a whole number from 1 to ${n}`);
  }
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new Error('learning rate must be a positive number');
  }
}

/** The shuffled order of epoch `epoch`, derived from the seed alone. */
export function epochOrder(n: number, seed: number, epoch: number): number[] {
  return Array.from(permutation(n, createRng((seed + Math.imul(epoch + 1, 0x9e3779b1)) >>> 0)));
}

/** The starting state: the line w = w0, b = b0 (default 0, 0) and a seeded shuffle. */
export function createLineFit(
  points: readonly Point[],
  seed: number,
  start: { w?: number; b?: number } = {},
): LineFitState {
  const w = start.w ?? 0;
  const b = start.b ?? 0;
  return {
    w,
    b,
    step: 0,
    epoch: 0,
    order: epochOrder(points.length, seed, 0),
    cursor: 0,
    seed,
    history: [lineLoss(points, w, b)],
    diverged: false,
  };
}

/**
 * One mini-batch update w ← w − η·∂L_batch/∂w (and the same for b). The batch is the next
 * `batchSize` points of the shuffled order; a short last batch closes the epoch and the order is
 * reshuffled. A diverged state is returned unchanged.
 */
export function stepLineFit(
  state: LineFitState,
  points: readonly Point[],
  settings: LineFitSettings,
): LineFitState {
  validate(settings, points.length);
  if (state.diverged) return state;
  const end = Math.min(state.cursor + settings.batchSize, points.length);
  const batch = state.order.slice(state.cursor, end).map((i) => points[i]!);
  const { dw, db } = lineGradient(batch, state.w, state.b);
  const w = state.w - settings.learningRate * dw;
  const b = state.b - settings.learningRate * db;
  const loss = lineLoss(points, w, b);
  let { order, epoch } = state;
  let cursor = end;
  if (cursor >= points.length) {
    epoch += 1;
    order = epochOrder(points.length, state.seed, epoch);
    cursor = 0;
  }
  const diverged = !Number.isFinite(loss) || loss > 1e6 * Math.max(state.history[0]!, 1e-12);
  return {
    w,
    b,
    step: state.step + 1,
    epoch,
    order,
    cursor,
    seed: state.seed,
    history: [...state.history, loss],
    diverged,
  };
}

/** Runs `steps` updates (stopping early if the fit diverges). */
export function runLineFit(
  state: LineFitState,
  points: readonly Point[],
  settings: LineFitSettings,
  steps: number,
): LineFitState {
  let s = state;
  for (let i = 0; i < steps && !s.diverged; i++) s = stepLineFit(s, points, settings);
  return s;
}

/** Updates per epoch for a batch size: ⌈n / batchSize⌉. */
export function stepsPerEpoch(n: number, batchSize: number): number {
  return Math.ceil(n / batchSize);
}
