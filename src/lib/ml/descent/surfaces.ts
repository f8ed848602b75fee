// Pure: no DOM. The loss surfaces of the gradient-descent explorer: a function of two parameters,
// its exact gradient, a domain to draw, a default start and the minima. Runs in pages, Node tests
// and graders; every function is O(1) per call so a 200-step path costs microseconds.
import { createRng } from '../rng.ts';

export const surfaceIds = ['bowl', 'valley', 'two-minima', 'regression'] as const;
export type SurfaceId = (typeof surfaceIds)[number];

export interface Minimum {
  readonly x: number;
  readonly y: number;
  readonly loss: number;
  /** the lowest minimum of the surface */
  readonly global: boolean;
}

export interface Surface {
  readonly id: SurfaceId;
  /** short name for menus, e.g. "Round bowl" */
  readonly label: string;
  /** names of the two parameters, e.g. ["w₁", "w₂"] or ["w", "b"] */
  readonly params: readonly [string, string];
  /** the loss at (x, y) */
  readonly f: (x: number, y: number) => number;
  /** the gradient ∂L/∂x, ∂L/∂y at (x, y) */
  readonly grad: (x: number, y: number) => [number, number];
  readonly domain: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  readonly start: readonly [number, number];
  readonly minima: readonly Minimum[];
}

/** L = x² + y²: every direction curves equally, so the gradient points straight at the minimum. */
export const bowl: Surface = {
  id: 'bowl',
  label: 'Round bowl',
  params: ['w₁', 'w₂'],
  f: (x, y) => x * x + y * y,
  grad: (x, y) => [2 * x, 2 * y],
  domain: { x: [-3, 3], y: [-3, 3] },
  start: [2.5, 2],
  minima: [{ x: 0, y: 0, loss: 0, global: true }],
};

/** L = 0.1·x² + 2·y²: twenty times steeper across the valley than along it. */
export const valley: Surface = {
  id: 'valley',
  label: 'Elongated valley',
  params: ['w₁', 'w₂'],
  f: (x, y) => 0.1 * x * x + 2 * y * y,
  grad: (x, y) => [0.2 * x, 4 * y],
  domain: { x: [-3, 3], y: [-3, 3] },
  start: [-2.5, 1.5],
  minima: [{ x: 0, y: 0, loss: 0, global: true }],
};

// Two minima: a tilted double well in x, a parabola in y, shifted so the global minimum is 0.
const TILT = 0.4;
const wellRaw = (x: number) => x ** 4 - 2 * x * x + TILT * x;
const wellSlope = (x: number) => 4 * x ** 3 - 4 * x + TILT;

/** A root of the well's slope by Newton's method from x0 (exact enough for minima positions). */
function slopeRoot(x0: number): number {
  let x = x0;
  for (let k = 0; k < 50; k++) x -= wellSlope(x) / (12 * x * x - 4);
  return x;
}
const leftMin = slopeRoot(-1);
const rightMin = slopeRoot(1);
const SHIFT = -wellRaw(leftMin);

/**
 * L = x⁴ − 2x² + 0.4x + y² (+ a constant so the lower minimum is 0): a deep minimum on the left
 * and a shallower one on the right, with a ridge between them.
 */
export const twoMinima: Surface = {
  id: 'two-minima',
  label: 'Two minima',
  params: ['w₁', 'w₂'],
  f: (x, y) => wellRaw(x) + y * y + SHIFT,
  grad: (x, y) => [wellSlope(x), 2 * y],
  domain: { x: [-2, 2], y: [-2, 2] },
  start: [1.6, 1.5],
  minima: [
    { x: leftMin, y: 0, loss: 0, global: true },
    { x: rightMin, y: 0, loss: wellRaw(rightMin) + SHIFT, global: false },
  ],
};

/** The points behind the regression surface: y = 1.5·x − 0.5 + noise, x uniform in [−1, 1]. */
export interface RegressionData {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
}

/** `n` points from a seeded generator: the same seed always gives the same points. */
export function regressionPoints(seed = 7, n = 30, noise = 0.3): RegressionData {
  if (!(Number.isInteger(n) && n >= 2)) throw new RangeError(`need at least 2 points, got ${n}`);
  const rng = createRng(seed);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(-1, 1);
    xs.push(x);
    ys.push(1.5 * x - 0.5 + noise * rng.normal());
  }
  return { xs, ys };
}

/**
 * The mean squared error of the line y = w·x + b on `data`, as a surface over (w, b). It uses the
 * data's means (x̄, ȳ, mean x², mean xy, mean y²), so each evaluation is O(1):
 * L = w²·mean(x²) + 2wb·x̄ + b² − 2w·mean(xy) − 2b·ȳ + mean(y²).
 */
export function regressionSurface(data: RegressionData = regressionPoints()): Surface {
  const n = data.xs.length;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const x = data.xs[i]!;
    const y = data.ys[i]!;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
    syy += y * y;
  }
  sx /= n;
  sy /= n;
  sxx /= n;
  sxy /= n;
  syy /= n;
  const f = (w: number, b: number) =>
    w * w * sxx + 2 * w * b * sx + b * b - 2 * w * sxy - 2 * b * sy + syy;
  // Least squares: the normal equations [sxx sx; sx 1]·[w b] = [sxy sy].
  const det = sxx - sx * sx;
  const wStar = (sxy - sx * sy) / det;
  const bStar = sy - wStar * sx;
  return {
    id: 'regression',
    label: 'Linear regression (MSE)',
    params: ['w', 'b'],
    f,
    grad: (w, b) => [2 * (w * sxx + b * sx - sxy), 2 * (w * sx + b - sy)],
    domain: { x: [wStar - 3, wStar + 3], y: [bStar - 3, bStar + 3] },
    start: [wStar - 2.5, bStar + 2.5],
    minima: [{ x: wStar, y: bStar, loss: f(wStar, bStar), global: true }],
  };
}

const regression = regressionSurface();

/** Every surface by id (the regression one on its default seeded points). */
export const surfaces: Readonly<Record<SurfaceId, Surface>> = {
  bowl,
  valley,
  'two-minima': twoMinima,
  regression,
};

/** Type guard for surface ids from untrusted input (props, URL, quiz state). */
export function isSurfaceId(v: unknown): v is SurfaceId {
  return typeof v === 'string' && (surfaceIds as readonly string[]).includes(v);
}

/** The lowest loss on the surface (its global minimum's loss). */
export function minimumLoss(s: Surface): number {
  return Math.min(...s.minima.map((m) => m.loss));
}
