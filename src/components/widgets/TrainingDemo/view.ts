// Draws the TrainingDemo's two charts from view-models (lib/viz): the decision-boundary heatmap
// with the data points, and the train/test loss curves. No training logic here.
import { drawCurves } from '../shared/curves-view.ts';
import { drawHeatmap } from '../shared/heatmap-view.ts';
import { curvesViewModel, type Series } from '../../../lib/viz/curves.ts';
import { heatmapViewModel, type LabelledPoint } from '../../../lib/viz/heatmap.ts';
import type { Grid } from '../../../lib/viz/grid.ts';
import type { Layout } from '../../../lib/viz/scales.ts';
import type { SnapshotMessage } from '../../../lib/ml/protocol.ts';

const HEAT: Layout = { width: 300, height: 300, margin: { top: 6, right: 6, bottom: 6, left: 6 } };
const CURVES: Layout = {
  width: 360,
  height: 240,
  margin: { top: 12, right: 70, bottom: 34, left: 48 },
};

/** The snapshot's top-down rows as a lib/viz Grid (rows bottom-up); a flat 0.5 grid when absent. */
export function snapshotGrid(grid: SnapshotMessage['grid'] | undefined, extent = 1.25): Grid {
  if (!grid)
    return {
      nx: 2,
      ny: 2,
      x: [-extent, extent],
      y: [-extent, extent],
      values: [0.5, 0.5, 0.5, 0.5],
    };
  const { size, domain, values } = grid;
  const out = new Array<number>(size * size);
  for (let r = 0; r < size; r++) {
    const j = size - 1 - r;
    for (let c = 0; c < size; c++) out[j * size + c] = values[r * size + c]!;
  }
  return { nx: size, ny: size, x: domain, y: domain, values: out };
}

/** Draws the data points and frame (call when the points change). */
export function drawPoints(svg: SVGSVGElement, grid: Grid, points: readonly LabelledPoint[]): void {
  drawHeatmap(svg, { ...heatmapViewModel(grid, points, HEAT), cells: [] }, 3.5);
}

/**
 * Paints the predicted class per cell into a small canvas under the SVG (opacity by confidence,
 * as the shared heatmap does) and returns the share of the plane predicted as class 1. Repainting
 * hundreds of SVG rects several times a second cost the main thread 50–100 ms per frame on a busy
 * machine; one putImageData costs well under a millisecond. `colours` are [class 0, class 1].
 */
export function paintCells(
  canvas: HTMLCanvasElement,
  grid: Grid,
  colours: readonly [[number, number, number], [number, number, number]],
): number {
  if (canvas.width !== grid.nx) canvas.width = grid.nx;
  if (canvas.height !== grid.ny) canvas.height = grid.ny;
  const ctx = canvas.getContext('2d');
  let ones = 0;
  const img = ctx?.createImageData(grid.nx, grid.ny);
  for (let j = 0; j < grid.ny; j++) {
    for (let i = 0; i < grid.nx; i++) {
      const raw = grid.values[j * grid.nx + i] ?? 0.5;
      const v = Number.isFinite(raw) ? Math.min(Math.max(raw, 0), 1) : 0.5;
      const cls = v >= 0.5 ? 1 : 0;
      ones += cls;
      if (!img) continue;
      const c = colours[cls];
      const k = ((grid.ny - 1 - j) * grid.nx + i) * 4; // bitmap rows run top-down
      img.data[k] = c[0];
      img.data[k + 1] = c[1];
      img.data[k + 2] = c[2];
      img.data[k + 3] = Math.round(255 * (0.08 + 0.5 * Math.abs(v - 0.5) * 2));
    }
  }
  if (ctx && img) ctx.putImageData(img, 0, 0);
  return ones / (grid.nx * grid.ny);
}

/** The two class colours of the current theme, read from the chart's CSS variables. */
export function classColours(el: Element): [[number, number, number], [number, number, number]] {
  const style = getComputedStyle(el);
  const rgb = (name: string, fallback: string) =>
    parseHex(style.getPropertyValue(name).trim() || fallback);
  return [rgb('--nb-class-0', '#005a8c'), rgb('--nb-class-1', '#a84600')];
}

export function parseHex(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  const n = m ? parseInt(m[1]!, 16) : 0x808080;
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function drawLosses(svg: SVGSVGElement, series: readonly Series[], lastStep: number): void {
  const vm = curvesViewModel(series, CURVES, { logY: true, xDomain: [0, Math.max(10, lastStep)] });
  drawCurves(svg, vm, { x: 'step', y: 'loss' });
}

/** Predicted class of the grid cell containing (x, y). */
export function predictAt(grid: Grid, x: number, y: number): 0 | 1 {
  const i = Math.min(
    grid.nx - 1,
    Math.max(0, Math.floor(((x - grid.x[0]) / (grid.x[1] - grid.x[0])) * grid.nx)),
  );
  const j = Math.min(
    grid.ny - 1,
    Math.max(0, Math.floor(((y - grid.y[0]) / (grid.y[1] - grid.y[0])) * grid.ny)),
  );
  return (grid.values[j * grid.nx + i] ?? 0.5) >= 0.5 ? 1 : 0;
}
