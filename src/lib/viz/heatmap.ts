// Pure: no DOM. The decision-boundary heatmap: a grid of predicted probabilities drawn as cells
// whose opacity grows with the model's confidence, plus the data points marked by class with
// different shapes (so class never rests on colour alone).
import { makeScale, plotArea, type Layout } from './scales.ts';
import type { Grid } from './grid.ts';

export interface HeatCell {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** the grid value (a probability of class 1 in 0…1) */
  readonly value: number;
  /** 0 or 1: the predicted class */
  readonly cls: 0 | 1;
  /** 0…1: how far the value is from 0.5, for fill opacity */
  readonly strength: number;
}

export interface LabelledPoint {
  readonly x: number;
  readonly y: number;
  readonly label: 0 | 1;
}

export interface HeatPoint extends LabelledPoint {
  readonly px: number;
  readonly py: number;
}

export interface HeatmapViewModel {
  readonly layout: Layout;
  readonly cells: readonly HeatCell[];
  readonly points: readonly HeatPoint[];
  /** share of grid cells predicted as class 1 */
  readonly share1: number;
}

/**
 * Cells (in SVG units, y up) for a grid of class-1 probabilities, and the data points placed on
 * the same axes. Values are clamped to 0…1; non-finite values count as 0.5 (undecided).
 */
export function heatmapViewModel(
  grid: Grid,
  points: readonly LabelledPoint[],
  layout: Layout,
): HeatmapViewModel {
  const area = plotArea(layout);
  const sx = makeScale(grid.x, [area.left, area.right]);
  const sy = makeScale(grid.y, [area.bottom, area.top]);
  const w = (area.right - area.left) / grid.nx;
  const h = (area.bottom - area.top) / grid.ny;
  const cells: HeatCell[] = [];
  let ones = 0;
  for (let j = 0; j < grid.ny; j++) {
    for (let i = 0; i < grid.nx; i++) {
      const raw = grid.values[j * grid.nx + i] ?? 0.5;
      const v = Number.isFinite(raw) ? Math.min(Math.max(raw, 0), 1) : 0.5;
      const cls = v >= 0.5 ? 1 : 0;
      ones += cls;
      cells.push({
        x: area.left + i * w,
        y: area.bottom - (j + 1) * h,
        w,
        h,
        value: v,
        cls,
        strength: Math.abs(v - 0.5) * 2,
      });
    }
  }
  return {
    layout,
    cells,
    points: points.map((p) => ({ ...p, px: sx(p.x), py: sy(p.y) })),
    share1: cells.length ? ones / cells.length : 0,
  };
}

/** Accuracy of the grid's prediction at each point's nearest cell (0…1; NaN with no points). */
export function gridAccuracy(grid: Grid, points: readonly LabelledPoint[]): number {
  if (!points.length) return NaN;
  let right = 0;
  for (const p of points) {
    const i = Math.min(
      grid.nx - 1,
      Math.max(0, Math.floor(((p.x - grid.x[0]) / (grid.x[1] - grid.x[0])) * grid.nx)),
    );
    const j = Math.min(
      grid.ny - 1,
      Math.max(0, Math.floor(((p.y - grid.y[0]) / (grid.y[1] - grid.y[0])) * grid.ny)),
    );
    const v = grid.values[j * grid.nx + i] ?? 0.5;
    if ((v >= 0.5 ? 1 : 0) === p.label) right++;
  }
  return right / points.length;
}
