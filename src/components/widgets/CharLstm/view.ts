// Draws the character model's loss chart (training loss solid, held-out dashed) with the shared
// curve view, and its text alternative.
import { curvesViewModel, type Series, type SeriesBuffer } from '../../../lib/viz/curves.ts';
import type { Layout } from '../../../lib/viz/scales.ts';
import { drawCurves } from '../shared/curves-view.ts';

const LAYOUT: Layout = {
  width: 480,
  height: 190,
  margin: { top: 12, right: 70, bottom: 36, left: 44 },
};

export function lossSeries(train: SeriesBuffer, held: SeriesBuffer): Series[] {
  return [
    { id: 'train', label: 'training', kind: 'train', points: train.points() },
    { id: 'held', label: 'held-out', kind: 'test', points: held.points() },
  ];
}

export function drawLoss(svg: SVGSVGElement, series: Series[]): void {
  const pts = series.flatMap((s) => s.points);
  const maxX = pts.reduce((m, p) => Math.max(m, p.x), 1);
  const minX = pts.reduce((m, p) => Math.min(m, p.x), maxX);
  const maxY = pts.reduce((m, p) => Math.max(m, p.y), 1);
  const vm = curvesViewModel(series, LAYOUT, {
    xDomain: [minX, Math.max(maxX, minX + 10)],
    yDomain: [0, Math.max(3, Math.ceil(maxY * 2) / 2)],
    xTickCount: 4,
  });
  drawCurves(svg, vm, { x: 'step', y: 'loss (nats/char)' });
}

/** Rows for the data table: at most `max` evenly spaced training points. */
export function lossRows(series: Series[], max = 30): string[][] {
  const pts = series[0]!.points;
  const every = Math.max(1, Math.ceil(pts.length / max));
  return pts
    .filter((_, i) => i % every === 0 || i === pts.length - 1)
    .map((p) => [String(p.x), p.y.toFixed(3)]);
}
