// The trainer's main chart: test accuracy by epoch for each network (the one being trained solid,
// the other's last run dashed), redrawn at most every CHART_MS, with its live summary and table.
import { createSeriesBuffer, type Series, type SeriesBuffer } from '../../../lib/viz/curves.ts';
import { curvesSummary, curvesTable } from '../../../lib/viz/summary.ts';
import type { ModelKind } from '../../../lib/cnn-trainer/model.ts';
import type { Progress } from '../../../lib/cnn-trainer/protocol.ts';
import { createLiveSummary, renderTable, type LiveSummary } from '../shared/text-alt.ts';
import { describeProgress } from './readouts.ts';
import { drawAccuracy } from './view.ts';

const CHART_MS = 250;

export class AccuracyChart {
  readonly curves: Record<ModelKind, SeriesBuffer> = {
    cnn: createSeriesBuffer(300),
    dense: createSeriesBuffer(300),
  };
  #live: LiveSummary;
  #timer = 0;
  #last = -Infinity;

  constructor(
    private readonly svg: SVGSVGElement,
    live: HTMLElement,
    private readonly table: HTMLTableElement | null,
  ) {
    this.#live = createLiveSummary(live, 1500);
  }

  /** Redraws soon (at most every CHART_MS). */
  schedule(kind: ModelKind, progress: Progress | null, playing: boolean): void {
    if (this.#timer) return;
    const wait = Math.max(0, this.#last + CHART_MS - performance.now());
    this.#timer = window.setTimeout(() => {
      this.#timer = 0;
      this.#last = performance.now();
      const series = this.series(kind);
      const maxEpoch = Math.max(0, ...series.flatMap((x) => x.points.map((p) => p.x)));
      drawAccuracy(this.svg, series, maxEpoch);
      this.#live.update(describeProgress(progress, kind, curvesSummary(series, 'epoch')));
      if (this.table && !playing) {
        const t = curvesTable(series, 40);
        renderTable(this.table, ['Epoch', ...t.columns.slice(1)], t.rows);
      }
    }, wait);
  }

  /** CNN first and dense second (fixed colours); the network being trained solid, the other dashed. */
  series(kind: ModelKind): Series[] {
    return (['cnn', 'dense'] as const)
      .map((k): Series => ({
        id: k,
        label: k === 'cnn' ? 'CNN' : 'dense',
        kind: k === kind ? 'train' : 'test',
        points: this.curves[k].points(),
      }))
      .filter((x) => x.id === kind || x.points.length > 0);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#live.dispose();
  }
}
