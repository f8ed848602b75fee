// Pure: no DOM. Runs gradient descent on an explorer surface and judges the path: converged in N
// steps, oscillating (with swings that shrink, stay or grow), overshooting, diverged, or still
// descending. This is what the widget recomputes on every
// slider move, so it allocates three small typed arrays and nothing per step.
import { createOptimizer, type OptimizerId, type OptimizerSettings } from './optimizers.ts';
import { learningRateAt, type DecaySettings } from './schedule.ts';
import type { Surface } from './surfaces.ts';

export interface DescentSettings {
  readonly optimizer: OptimizerId;
  /** initial learning rate η₀ > 0 */
  readonly lr: number;
  /** number of updates (0…1000) */
  readonly steps: number;
  readonly start: readonly [number, number];
  readonly decay?: DecaySettings;
  readonly optimizerSettings?: Partial<OptimizerSettings>;
}

/** How the size of the swings changes from the first half of a path to the second. */
export type SwingTrend = 'shrinking' | 'steady' | 'growing';

export type Verdict =
  | { readonly kind: 'converged'; readonly step: number; readonly global: boolean }
  /** most steps reverse direction; `trend` compares the step lengths of the two halves */
  | { readonly kind: 'oscillating'; readonly trend: SwingTrend }
  /** not yet within reach of the minimum, but passing back and forth through it (momentum) */
  | { readonly kind: 'overshooting'; readonly trend: SwingTrend }
  | { readonly kind: 'diverged'; readonly step: number }
  | { readonly kind: 'not-converged' };

export interface DescentRun {
  /** parameters after k updates, k = 0…count−1 (index 0 is the start) */
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly losses: Float64Array;
  /** points actually computed: steps + 1, or fewer when the run blew up and stopped */
  readonly count: number;
  readonly verdict: Verdict;
}

/** Beyond this distance from the domain's centre (in domain widths) the run counts as blown up. */
const BLOW_UP = 1e6;

/** Runs `settings.steps` updates from `settings.start` and classifies the path. */
export function runDescent(surface: Surface, settings: DescentSettings): DescentRun {
  const steps = Math.max(0, Math.min(1000, Math.floor(settings.steps)));
  if (!(settings.lr > 0) || !Number.isFinite(settings.lr)) {
    throw new RangeError(`learning rate must be a positive number, got ${settings.lr}`);
  }
  const xs = new Float64Array(steps + 1);
  const ys = new Float64Array(steps + 1);
  const losses = new Float64Array(steps + 1);
  const opt = createOptimizer(settings.optimizer, 2, settings.optimizerSettings);
  const decay = settings.decay ?? { kind: 'none' };
  const span = Math.max(
    surface.domain.x[1] - surface.domain.x[0],
    surface.domain.y[1] - surface.domain.y[0],
  );
  const p = [settings.start[0], settings.start[1]];
  const g = [0, 0];
  xs[0] = p[0]!;
  ys[0] = p[1]!;
  losses[0] = surface.f(p[0]!, p[1]!);
  let count = 1;
  let blewUp = false;
  for (let t = 0; t < steps; t++) {
    const [gx, gy] = surface.grad(p[0]!, p[1]!);
    g[0] = gx;
    g[1] = gy;
    opt.step(p, g, learningRateAt(settings.lr, t, decay));
    const loss = surface.f(p[0]!, p[1]!);
    xs[count] = p[0]!;
    ys[count] = p[1]!;
    losses[count] = loss;
    count++;
    if (!Number.isFinite(loss) || Math.abs(p[0]!) + Math.abs(p[1]!) > BLOW_UP * span) {
      blewUp = true;
      break;
    }
  }
  return {
    xs,
    ys,
    losses,
    count,
    verdict: judge(surface, xs, ys, losses, count, blewUp),
  };
}

/**
 * Classifies a path of `count` points:
 * - diverged: the loss became non-finite or the parameters ran away, or the loss ends more than
 *   ten times further above the minimum than it started; `step` is the first step past that mark;
 * - converged in N steps: from step N on, every point stays within 1% of the domain's width of
 *   the minimum nearest the end (global or not);
 * - oscillating: in the second half of the path most consecutive steps reverse direction; the
 *   trend compares the mean step length of the path's second half with its first half (a ratio
 *   above 1.02 is growing, below 0.98 shrinking): on the valley η = 0.49 shrinks (factor
 *   |1 − 4η| = 0.96 per step), η = 0.501 grows (1.004), the bowl at η = 1 is steady;
 * - overshooting: in at least one coordinate the path has been on both sides of the minimum,
 *   further than the convergence radius each time (it ran past it, as a heavy ball does), with
 *   the same trend;
 * - not-converged: none of these (still descending, usually too slowly).
 */
export function judge(
  surface: Surface,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  losses: ArrayLike<number>,
  count: number,
  blewUp = false,
): Verdict {
  const lmin = Math.min(...surface.minima.map((m) => m.loss));
  const gap0 = Math.max((losses[0] ?? 0) - lmin, 1e-12);
  const last = count - 1;
  const lastLoss = losses[last] ?? NaN;
  if (blewUp || !Number.isFinite(lastLoss) || lastLoss - lmin > 10 * gap0) {
    let step = last;
    for (let k = 1; k <= last; k++) {
      const l = losses[k] ?? NaN;
      if (!Number.isFinite(l) || l - lmin > 10 * gap0) {
        step = k;
        break;
      }
    }
    return { kind: 'diverged', step };
  }
  const span = Math.max(
    surface.domain.x[1] - surface.domain.x[0],
    surface.domain.y[1] - surface.domain.y[0],
  );
  const radius = 0.01 * span;
  const ex = xs[last] ?? NaN;
  const ey = ys[last] ?? NaN;
  let nearest = surface.minima[0]!;
  let best = Infinity;
  for (const m of surface.minima) {
    const d = Math.hypot(ex - m.x, ey - m.y);
    if (d < best) {
      best = d;
      nearest = m;
    }
  }
  if (best < radius) {
    let k = last;
    while (
      k > 0 &&
      Math.hypot((xs[k - 1] ?? NaN) - nearest.x, (ys[k - 1] ?? NaN) - nearest.y) < radius
    )
      k--;
    return { kind: 'converged', step: k, global: nearest.global };
  }
  const from = Math.max(1, Math.floor(last / 2));
  let reversals = 0;
  let pairs = 0;
  for (let k = from + 1; k <= last; k++) {
    const dx1 = (xs[k - 1] ?? 0) - (xs[k - 2] ?? 0);
    const dy1 = (ys[k - 1] ?? 0) - (ys[k - 2] ?? 0);
    const dx2 = (xs[k] ?? 0) - (xs[k - 1] ?? 0);
    const dy2 = (ys[k] ?? 0) - (ys[k - 1] ?? 0);
    pairs++;
    if (dx1 * dx2 + dy1 * dy2 < 0) reversals++;
  }
  if (pairs >= 2 && reversals / pairs >= 0.5)
    return { kind: 'oscillating', trend: swingTrend(xs, ys, count) };
  // Which sides of the minimum (beyond the convergence radius) each coordinate has visited.
  let below = 0;
  let above = 0;
  for (let k = 0; k <= last; k++) {
    const ox = (xs[k] ?? 0) - nearest.x;
    const oy = (ys[k] ?? 0) - nearest.y;
    if (ox < -radius) below |= 1;
    if (ox > radius) above |= 1;
    if (oy < -radius) below |= 2;
    if (oy > radius) above |= 2;
  }
  const passes = below & above;
  if (passes !== 0) return { kind: 'overshooting', trend: swingTrend(xs, ys, count) };
  return { kind: 'not-converged' };
}

/**
 * Compares the mean step length in the second half of a path with the first half: 'growing'
 * above a ratio of 1.02, 'shrinking' below 0.98, otherwise 'steady'.
 */
export function swingTrend(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  count: number,
): SwingTrend {
  const steps = count - 1;
  if (steps < 2) return 'steady';
  const half = Math.floor(steps / 2);
  const mean = (from: number, to: number): number => {
    let sum = 0;
    for (let k = from; k <= to; k++)
      sum += Math.hypot((xs[k] ?? 0) - (xs[k - 1] ?? 0), (ys[k] ?? 0) - (ys[k - 1] ?? 0));
    return sum / Math.max(1, to - from + 1);
  };
  const first = mean(1, half);
  const second = mean(steps - half + 1, steps);
  if (!(first > 0)) return 'steady';
  const ratio = second / first;
  return ratio > 1.02 ? 'growing' : ratio < 0.98 ? 'shrinking' : 'steady';
}

/** Words for a verdict, e.g. "Converged in 18 steps." */
export function verdictText(v: Verdict, steps: number): string {
  switch (v.kind) {
    case 'converged':
      return v.global
        ? `Converged in ${v.step} ${v.step === 1 ? 'step' : 'steps'}.`
        : `Converged in ${v.step} ${v.step === 1 ? 'step' : 'steps'}, to a local minimum (not the lowest one).`;
    case 'oscillating':
      return v.trend === 'shrinking'
        ? `Oscillating, with shrinking swings: each step overshoots the minimum but lands a little closer. Not converged after ${steps} ${steps === 1 ? 'step' : 'steps'}; more steps or a slightly smaller learning rate would get there.`
        : v.trend === 'growing'
          ? 'Oscillating, with growing swings: each step overshoots the minimum and lands further away, so the descent is slowly diverging. Try a smaller learning rate.'
          : 'Oscillating: each step overshoots the minimum and the path bounces across it without getting closer. Try a smaller learning rate.';
    case 'overshooting':
      return v.trend === 'growing'
        ? 'Overshooting: the path runs past the minimum and swings back and forth around it, further each time. Try a smaller learning rate.'
        : `Not converged after ${steps} ${steps === 1 ? 'step' : 'steps'}: overshooting. The path has run past the minimum and swings back and forth around it${v.trend === 'shrinking' ? ', in shrinking swings' : ''}. More steps or a smaller learning rate let it settle.`;
    case 'diverged':
      return `Diverged at step ${v.step}: the loss grew instead of shrinking. Try a smaller learning rate.`;
    case 'not-converged':
      return `Not converged after ${steps} ${steps === 1 ? 'step' : 'steps'}: still descending. Try a larger learning rate or more steps.`;
  }
}
