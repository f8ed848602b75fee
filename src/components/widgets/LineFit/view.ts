// Redraws the LineFit figure from the model's view-models: moves the line, rings the last
// mini-batch, draws the loss curve (shared curves view) and writes the status and data table.
import { drawCurves } from '../shared/curves-view.ts';
import { renderTable, type LiveSummary } from '../shared/text-alt.ts';
import { formatNumber } from '../../../lib/viz/scales.ts';
import type { LineFitState, Point } from '../../../lib/ml/linefit.ts';
import { stepsPerEpoch } from '../../../lib/ml/linefit.ts';
import { describeFit, lossCurve, scatterView } from './model.ts';

export interface LineFitView {
  readonly root: HTMLElement;
  readonly live: LiveSummary | undefined;
}

const setLine = (
  el: SVGLineElement | null,
  l: { x1: number; y1: number; x2: number; y2: number },
) => {
  if (!el) return;
  el.setAttribute('x1', l.x1.toFixed(1));
  el.setAttribute('y1', l.y1.toFixed(1));
  el.setAttribute('x2', l.x2.toFixed(1));
  el.setAttribute('y2', l.y2.toFixed(1));
};

/** Draws `fit` on `points`; `batch` holds the indices of the points of the last update. */
export function renderFit(
  v: LineFitView,
  points: readonly Point[],
  fit: LineFitState,
  batchSize: number,
  bestLoss: number,
  batch: ReadonlySet<number>,
  playing: boolean,
): void {
  const { root } = v;
  const sv = scatterView(points, fit.w, fit.b, batch);
  setLine(root.querySelector<SVGLineElement>('[data-nb-line]'), sv.line);
  root.querySelectorAll<SVGCircleElement>('[data-nb-points] circle').forEach((c, i) => {
    c.classList.toggle('is-batch', sv.points[i]?.inBatch ?? false);
  });
  const loss = root.querySelector<SVGSVGElement>('[data-nb-loss]');
  if (loss) {
    drawCurves(loss, lossCurve(fit.history, points.length, batchSize, bestLoss), {
      x: 'epoch',
      y: 'loss (MSE)',
    });
  }
  // The status line is the live region: updated at most once a second while playing, at once
  // when the run stops (paused, finished or diverged).
  const status = root.querySelector<HTMLElement>('[data-nb-status]');
  if (status) status.dataset['diverged'] = String(fit.diverged);
  v.live?.update(describeFit(fit, batchSize, bestLoss));
  if (!playing) v.live?.flush();
  const table = root.querySelector<HTMLTableElement>('[data-nb-table]');
  if (table) {
    const per = stepsPerEpoch(points.length, batchSize);
    const rows: string[][] = [];
    for (let e = 0; e * per < fit.history.length; e++) {
      rows.push([String(e), formatNumber(fit.history[e * per]!, 4)]);
    }
    renderTable(table, ['Epoch', 'Loss'], rows);
  }
}
