// Pure: no DOM. The schematic "performance vs amount of data" curves for the first lesson's
// figure, computed at build time. The shapes are illustrative, not measurements.
import { scaleLinear } from 'd3-scale';
import { line, curveMonotoneX } from 'd3-shape';

export interface SchematicSeries {
  readonly id: 'classical' | 'deep';
  readonly label: string;
  /** Points (x = relative amount of data 0–1, y = relative performance 0–1). */
  readonly points: ReadonlyArray<readonly [number, number]>;
}

/** Classical ML: rises quickly, then plateaus. */
export function classicalCurve(x: number): number {
  return 0.62 * (1 - Math.exp(-6 * x)) + 0.05;
}

/** Deep learning: worse with little data, keeps improving as data grows. */
export function deepCurve(x: number): number {
  return 0.95 / (1 + Math.exp(-8 * (x - 0.45))) + 0.02;
}

/** Samples both curves at `n` evenly spaced points from 0 to 1 (n ≥ 2). */
export function schematicSeries(n = 41): SchematicSeries[] {
  if (n < 2) throw new RangeError(`schematicSeries needs n ≥ 2, got ${n}`);
  const xs = Array.from({ length: n }, (_, i) => i / (n - 1));
  return [
    {
      id: 'classical',
      label: 'Classical machine learning',
      points: xs.map((x) => [x, classicalCurve(x)] as const),
    },
    { id: 'deep', label: 'Deep learning', points: xs.map((x) => [x, deepCurve(x)] as const) },
  ];
}

/** The data amount beyond which the deep curve is above the classical one (bisection). */
export function crossover(): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (deepCurve(mid) > classicalCurve(mid)) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

export interface ChartLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** SVG path strings for each series inside the layout's plotting area. */
export function schematicPaths(
  series: SchematicSeries[],
  layout: ChartLayout,
): Array<{ id: string; label: string; d: string; end: readonly [number, number] }> {
  const { width, height, margin } = layout;
  const x = scaleLinear()
    .domain([0, 1])
    .range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - margin.bottom, margin.top]);
  const path = line<readonly [number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]))
    .curve(curveMonotoneX);
  return series.map((s) => {
    const last = s.points[s.points.length - 1] ?? [1, 0];
    return {
      id: s.id,
      label: s.label,
      d: path(s.points) ?? '',
      end: [x(last[0]), y(last[1])] as const,
    };
  });
}
