// Pure: no DOM. What the LineFit widget shows, computed from the points and the fit state: the
// scatter with the current line (and the best possible line), the loss curve against epochs, and
// the words (status, live summary). The shell calls it at build time, element.ts on every update.
import type { LineFitState, Point } from '../../../lib/ml/linefit.ts';
import { leastSquares, stepsPerEpoch } from '../../../lib/ml/linefit.ts';
import { curvesViewModel, type CurvesViewModel } from '../../../lib/viz/curves.ts';
import { formatNumber, makeScale, plotArea, type Layout } from '../../../lib/viz/scales.ts';

export const SCATTER_LAYOUT: Layout = {
  width: 340,
  height: 280,
  margin: { top: 10, right: 10, bottom: 40, left: 44 },
};
export const LOSS_LAYOUT: Layout = {
  width: 340,
  height: 280,
  margin: { top: 10, right: 14, bottom: 40, left: 58 },
};

/** Batch sizes offered; the last is the whole data set (full batch). */
export const BATCH_SIZES = [1, 4, 10, 40] as const;
/** Learning rates offered. */
export const LEARNING_RATES = [0.01, 0.03, 0.1, 0.3, 1, 1.5] as const;
/** Play stops after this many epochs. */
export const MAX_EPOCHS = 40;

export interface ScatterView {
  readonly points: ReadonlyArray<{ px: number; py: number; inBatch: boolean }>;
  readonly line: { x1: number; y1: number; x2: number; y2: number };
  readonly best: { x1: number; y1: number; x2: number; y2: number };
  readonly xTicks: ReadonlyArray<{ at: number; label: string }>;
  readonly yTicks: ReadonlyArray<{ at: number; label: string }>;
}

/** The scatter of `points`, the line (w, b) and the least-squares line, in SVG units. */
export function scatterView(
  points: readonly Point[],
  w: number,
  b: number,
  batch: ReadonlySet<number> = new Set(),
): ScatterView {
  const area = plotArea(SCATTER_LAYOUT);
  const ys = points.map((p) => p.y);
  const lo = Math.floor(Math.min(...ys)) - 0.5;
  const hi = Math.ceil(Math.max(...ys)) + 0.5;
  const x = makeScale([-1, 1], [area.left, area.right]);
  const y = makeScale([lo, hi], [area.bottom, area.top]);
  // Lines are clamped vertically so a diverging fit does not draw off to infinity.
  const clampY = (v: number): number =>
    Number.isFinite(v)
      ? Math.min(Math.max(y(v), area.top - 2000), area.bottom + 2000)
      : area.bottom;
  const seg = (sw: number, sb: number) => ({
    x1: area.left,
    y1: clampY(-sw + sb),
    x2: area.right,
    y2: clampY(sw + sb),
  });
  const ls = leastSquares(points);
  return {
    points: points.map((p, i) => ({ px: x(p.x), py: y(p.y), inBatch: batch.has(i) })),
    line: seg(w, b),
    best: seg(ls.w, ls.b),
    xTicks: [-1, -0.5, 0, 0.5, 1].map((v) => ({ at: x(v), label: String(v) })),
    yTicks: y.ticks(5).map((v) => ({ at: y(v), label: String(v) })),
  };
}

/** The full-data loss against epochs (log scale), with the best possible loss as a second line. */
export function lossCurve(
  history: readonly number[],
  n: number,
  batchSize: number,
  bestLoss: number,
): CurvesViewModel {
  const per = stepsPerEpoch(n, batchSize);
  const clamp = (v: number): number =>
    Number.isFinite(v) ? Math.min(Math.max(v, 1e-3), 1e6) : 1e6;
  const points = history.map((l, k) => ({ x: k / per, y: clamp(l) }));
  const lastEpoch = points.at(-1)?.x ?? 0;
  const hi = Math.max(...points.map((p) => p.y), bestLoss * 10);
  return curvesViewModel(
    [
      { id: 'loss', label: 'loss', kind: 'train', points },
      {
        id: 'best',
        label: '',
        kind: 'test',
        points: [
          { x: 0, y: bestLoss },
          { x: Math.max(lastEpoch, 1), y: bestLoss },
        ],
      },
    ],
    LOSS_LAYOUT,
    {
      logY: true,
      xDomain: [0, Math.max(1, Math.ceil(lastEpoch))],
      yDomain: [bestLoss / 2, hi * 1.5],
    },
  );
}

/** One sentence on where the fit stands, for the status line and the live region. */
export function describeFit(fit: LineFitState, batchSize: number, bestLoss: number): string {
  const loss = fit.history.at(-1) ?? NaN;
  if (fit.diverged) {
    return `Diverged after ${fit.step} updates: the loss blew up to ${formatNumber(loss)}. The learning rate is too large; press Reset.`;
  }
  const mode = batchSize === 1 ? 'stochastic (batch size 1)' : `mini-batch size ${batchSize}`;
  const done =
    fit.epoch >= MAX_EPOCHS ? ` Finished ${MAX_EPOCHS} epochs; press Reset to run again.` : '';
  return `Epoch ${fit.epoch}, ${fit.step} updates (${mode}): loss ${formatNumber(loss)}, best possible ${formatNumber(bestLoss)}; line ŷ = ${formatNumber(fit.w)}·x + ${formatNumber(fit.b)}.${done}`;
}
