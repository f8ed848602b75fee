// Pure: no DOM. Contour lines of a 2D loss surface (d3-contour on a sampled grid) and a parameter
// path drawn on the same axes.
import { contours } from 'd3-contour';
import { type ScaleContinuousNumeric } from 'd3-scale';
import { makeScale, plotArea, type Layout } from './scales.ts';
import { gridRange, type Grid } from './grid.ts';

/**
 * `count` contour levels between the grid's minimum and maximum. With `log` (the default, right for
 * losses that grow quadratically) levels are spaced evenly in log(value − min), so the valley floor
 * gets as many lines as the steep walls.
 */
export function contourThresholds(grid: Grid, count = 12, log = true): number[] {
  if (!(count >= 1)) throw new RangeError(`count must be ≥ 1, got ${count}`);
  const [lo, hi] = gridRange(grid);
  if (!(hi > lo)) return [lo];
  const span = hi - lo;
  const out: number[] = [];
  for (let k = 1; k <= count; k++) {
    const t = k / (count + 1);
    out.push(log ? lo + span * Math.pow(1e-3, 1 - t) : lo + span * t);
  }
  return out;
}

export interface ContourLevel {
  readonly value: number;
  /** 0 (lowest level) … 1 (highest), for fill opacity or line weight */
  readonly level: number;
  /** SVG path data of the filled region where the surface is ≥ value */
  readonly d: string;
}

export interface SurfaceScales {
  readonly x: ScaleContinuousNumeric<number, number>;
  readonly y: ScaleContinuousNumeric<number, number>;
}

export interface ContourViewModel {
  readonly layout: Layout;
  readonly scales: SurfaceScales;
  readonly levels: readonly ContourLevel[];
  readonly domain: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
}

/** Scales mapping the grid's domain to the layout's plotting area (y up). */
export function surfaceScales(grid: Pick<Grid, 'x' | 'y'>, layout: Layout): SurfaceScales {
  const area = plotArea(layout);
  return {
    x: makeScale(grid.x, [area.left, area.right]),
    y: makeScale(grid.y, [area.bottom, area.top]),
  };
}

/** Contour regions of the grid at the given thresholds, in SVG units. */
export function contourViewModel(
  grid: Grid,
  layout: Layout,
  thresholds: readonly number[] = contourThresholds(grid),
): ContourViewModel {
  const scales = surfaceScales(grid, layout);
  const { nx, ny } = grid;
  const toX = (u: number) => scales.x(grid.x[0] + (u / nx) * (grid.x[1] - grid.x[0]));
  const toY = (v: number) => scales.y(grid.y[0] + (v / ny) * (grid.y[1] - grid.y[0]));
  // d3-contour returns GeoJSON-like MultiPolygons in grid units; each ring becomes "M…L…Z".
  // (Written out rather than through d3-geo's geoPath, which would add ~15 KB to the page.)
  const path = (m: { coordinates: number[][][][] }): string => {
    let d = '';
    for (const polygon of m.coordinates) {
      for (const ring of polygon) {
        ring.forEach((pt, k) => {
          d += `${k ? 'L' : 'M'}${toX(pt[0]!).toFixed(2)},${toY(pt[1]!).toFixed(2)}`;
        });
        d += 'Z';
      }
    }
    return d;
  };
  // Non-finite samples (overflow far from the minimum) count as very high.
  const values = grid.values.map((v) => (Number.isFinite(v) ? v : Number.MAX_VALUE));
  const gen = contours()
    .size([nx, ny])
    .thresholds([...thresholds]);
  const multi = gen(values);
  const n = Math.max(multi.length - 1, 1);
  return {
    layout,
    scales,
    levels: multi.map((m, k) => ({ value: m.value, level: k / n, d: path(m) })),
    domain: { x: grid.x, y: grid.y },
  };
}

export interface PathPoint {
  readonly px: number;
  readonly py: number;
  /** inside the surface's domain */
  readonly inside: boolean;
}

export interface PathViewModel {
  readonly points: readonly PathPoint[];
  /** SVG path data of the polyline (coordinates clamped to a margin around the plot) */
  readonly d: string;
  readonly start: PathPoint | undefined;
  readonly end: PathPoint | undefined;
  /** some point lies outside the domain */
  readonly leaves: boolean;
}

/**
 * The parameter path (xs[k], ys[k]) for k = 0…count−1 in SVG units. Points far outside the domain
 * are clamped to a band of one plot-size around it so SVG coordinates stay small; non-finite
 * points end the path.
 */
export function pathViewModel(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  scales: SurfaceScales,
  count = Math.min(xs.length, ys.length),
): PathViewModel {
  const [x0, x1] = scales.x.domain() as [number, number];
  const [y0, y1] = scales.y.domain() as [number, number];
  const [r0, r1] = scales.x.range() as [number, number];
  const [b, t] = scales.y.range() as [number, number];
  const w = Math.abs(r1 - r0);
  const h = Math.abs(b - t);
  const clampX = (v: number) => Math.min(Math.max(v, Math.min(r0, r1) - w), Math.max(r0, r1) + w);
  const clampY = (v: number) => Math.min(Math.max(v, Math.min(b, t) - h), Math.max(b, t) + h);
  const points: PathPoint[] = [];
  let leaves = false;
  for (let k = 0; k < count; k++) {
    const x = xs[k] ?? NaN;
    const y = ys[k] ?? NaN;
    if (!Number.isFinite(x) || !Number.isFinite(y)) break;
    const inside =
      x >= Math.min(x0, x1) &&
      x <= Math.max(x0, x1) &&
      y >= Math.min(y0, y1) &&
      y <= Math.max(y0, y1);
    if (!inside) leaves = true;
    points.push({ px: clampX(scales.x(x)), py: clampY(scales.y(y)), inside });
  }
  const d = points.length
    ? points.map((p, k) => `${k ? 'L' : 'M'}${p.px.toFixed(2)},${p.py.toFixed(2)}`).join('')
    : '';
  return { points, d, start: points[0], end: points[points.length - 1], leaves };
}
