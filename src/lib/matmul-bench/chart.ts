// Pure: no DOM. The benchmark chart's view-model: GFLOP/s against matrix size, both on log
// scales, one line per backend, with ticks and end labels.
import { scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { plotArea, type Layout } from '../viz/scales.ts';
import type { Tick } from '../viz/curves.ts';
import type { BackendName } from '../ml/backend-order.ts';
import {
  BACKEND_LABELS,
  BENCH_BACKENDS,
  BENCH_SIZES,
  formatGflops,
  type BenchPoint,
} from './model.ts';

export const BENCH_LAYOUT: Layout = {
  width: 560,
  height: 300,
  margin: { top: 14, right: 110, bottom: 44, left: 58 },
};

export interface BenchSeries {
  backend: BackendName;
  label: string;
  /** index into the shared palette, fixed per backend so colours never swap */
  colour: number;
  d: string;
  dots: Array<{ x: number; y: number; n: number; gflops: number; text: string }>;
  end: { x: number; y: number } | undefined;
}

export interface BenchChart {
  layout: Layout;
  xTicks: Tick[];
  yTicks: Tick[];
  series: BenchSeries[];
}

/** Powers of ten spanning [lo, hi] (at least two). */
function decades(lo: number, hi: number): number[] {
  const a = Math.floor(Math.log10(lo));
  const b = Math.max(a + 1, Math.ceil(Math.log10(hi)));
  const out: number[] = [];
  for (let e = a; e <= b; e++) out.push(10 ** e);
  return out;
}

function tickLabel(v: number): string {
  return v >= 1 ? String(v) : String(Number(v.toPrecision(1)));
}

/** Lays out the points measured so far. */
export function benchChart(points: readonly BenchPoint[], layout = BENCH_LAYOUT): BenchChart {
  const area = plotArea(layout);
  const x = scaleLog()
    .base(2)
    .domain([BENCH_SIZES[0], BENCH_SIZES[BENCH_SIZES.length - 1]!])
    .range([area.left, area.right]);
  const rates = points.map((p) => p.gflops).filter((v) => v > 0);
  const ys = decades(
    rates.length ? Math.min(...rates) : 0.1,
    rates.length ? Math.max(...rates) : 10,
  );
  const y = scaleLog()
    .domain([ys[0]!, ys[ys.length - 1]!])
    .range([area.bottom, area.top]);
  const series: BenchSeries[] = [];
  BENCH_BACKENDS.forEach((backend, colour) => {
    const pts = points
      .filter((p) => p.backend === backend && p.gflops > 0)
      .sort((a, b) => a.n - b.n);
    if (pts.length === 0) return;
    const dots = pts.map((p) => ({
      x: x(p.n),
      y: y(p.gflops),
      n: p.n,
      gflops: p.gflops,
      text: `${BACKEND_LABELS[backend]}, ${p.n}×${p.n}: ${formatGflops(p.gflops)} GFLOP/s`,
    }));
    const last = dots[dots.length - 1];
    series.push({
      backend,
      label: BACKEND_LABELS[backend].replace(/ \(.*\)$/, ''),
      colour,
      d:
        line<{ x: number; y: number }>()
          .x((p) => p.x)
          .y((p) => p.y)(dots) ?? '',
      dots,
      end: last ? { x: last.x, y: last.y } : undefined,
    });
  });
  // End labels: keep at least 12 units apart vertically (sorted top to bottom, pushed down).
  const ends = series.filter((s) => s.end).sort((a, b) => a.end!.y - b.end!.y);
  for (let i = 1; i < ends.length; i++) {
    const prev = ends[i - 1]!.end!;
    const cur = ends[i]!.end!;
    if (cur.y - prev.y < 12) ends[i]!.end = { x: cur.x, y: prev.y + 12 };
  }
  return {
    layout,
    xTicks: BENCH_SIZES.map((n) => ({ value: n, at: x(n), label: String(n) })),
    yTicks: ys.map((v) => ({ value: v, at: y(v), label: tickLabel(v) })),
    series,
  };
}
