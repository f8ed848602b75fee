// Pure: no DOM. Streaming loss/metric curves (train and test): a bounded buffer that thins old
// points as new ones arrive, and the view-model (scales, SVG paths, ticks) the curve view draws.
import { line } from 'd3-shape';
import { makeScale, paddedExtent, plotArea, type Layout } from './scales.ts';

export interface CurvePoint {
  /** step, epoch or example count */
  readonly x: number;
  readonly y: number;
}

/** One named series, e.g. train loss. `kind` picks the line style (never colour alone). */
export interface Series {
  readonly id: string;
  readonly label: string;
  readonly kind: 'train' | 'test' | 'other';
  readonly points: readonly CurvePoint[];
}

/**
 * A growing series that keeps at most `capacity` points: when full, every other point is dropped
 * and from then on only every 2nd (4th, …) new point is kept, so a long run keeps an even sample
 * and the latest point is always present.
 */
export interface SeriesBuffer {
  push(x: number, y: number): void;
  /** the kept points, oldest first, always ending with the latest pushed point */
  points(): CurvePoint[];
  clear(): void;
  readonly size: number;
}

/** Creates a SeriesBuffer (capacity ≥ 4, default 500). */
export function createSeriesBuffer(capacity = 500): SeriesBuffer {
  if (!(capacity >= 4)) throw new RangeError(`capacity must be at least 4, got ${capacity}`);
  let kept: CurvePoint[] = [];
  let stride = 1;
  let count = 0;
  let latest: CurvePoint | undefined;
  return {
    push(x, y) {
      latest = { x, y };
      if (count % stride === 0) {
        kept.push(latest);
        if (kept.length >= capacity) {
          kept = kept.filter((_, i) => i % 2 === 0);
          stride *= 2;
        }
      }
      count++;
    },
    points() {
      const last = kept[kept.length - 1];
      return latest && last !== latest ? [...kept, latest] : [...kept];
    },
    clear() {
      kept = [];
      stride = 1;
      count = 0;
      latest = undefined;
    },
    get size() {
      const last = kept[kept.length - 1];
      return kept.length + (latest && last !== latest ? 1 : 0);
    },
  };
}

export interface CurveOptions {
  /** log-scale y axis (losses); non-positive values are left out of the line */
  readonly logY?: boolean;
  /** fixed x domain, e.g. [0, total steps]; default: the data's extent */
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  readonly xTickCount?: number;
  readonly yTickCount?: number;
}

export interface CurvePath {
  readonly id: string;
  readonly label: string;
  readonly kind: Series['kind'];
  /** SVG path data ('' when there is nothing to draw) */
  readonly d: string;
  /** the last drawable point in SVG units, for an end label */
  readonly end: { readonly x: number; readonly y: number; readonly value: number } | undefined;
}

export interface Tick {
  readonly value: number;
  /** position in SVG units along the axis */
  readonly at: number;
  readonly label: string;
}

export interface CurvesViewModel {
  readonly layout: Layout;
  readonly paths: readonly CurvePath[];
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  readonly logY: boolean;
}

const usable = (logY: boolean) => (p: CurvePoint) =>
  Number.isFinite(p.x) && Number.isFinite(p.y) && (!logY || p.y > 0);

/** Scales, paths and ticks for one chart of several series. Non-finite points are skipped. */
export function curvesViewModel(
  series: readonly Series[],
  layout: Layout,
  opts: CurveOptions = {},
): CurvesViewModel {
  const logY = opts.logY ?? false;
  const area = plotArea(layout);
  const ok = usable(logY);
  const pts = series.flatMap((s) => s.points.filter(ok));
  const xDomain =
    opts.xDomain ??
    paddedExtent(
      pts.map((p) => p.x),
      0,
    );
  let yDomain: [number, number];
  if (opts.yDomain) yDomain = [opts.yDomain[0], opts.yDomain[1]];
  else if (logY) {
    const ys = pts.map((p) => p.y);
    const lo = ys.length ? Math.min(...ys) : 0.01;
    const hi = ys.length ? Math.max(...ys) : 1;
    yDomain = [lo / 1.5, hi === lo ? lo * 10 : hi * 1.5];
  } else yDomain = paddedExtent(pts.map((p) => p.y));
  const x = makeScale(xDomain, [area.left, area.right]);
  const y = makeScale(yDomain, [area.bottom, area.top], logY);
  const gen = line<CurvePoint>()
    .defined(ok)
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  const paths = series.map((s) => {
    const drawable = s.points.filter(ok);
    const last = drawable[drawable.length - 1];
    return {
      id: s.id,
      label: s.label,
      kind: s.kind,
      d: drawable.length ? (gen(s.points as CurvePoint[]) ?? '') : '',
      end: last ? { x: x(last.x), y: y(last.y), value: last.y } : undefined,
    };
  });
  const fmt = x.tickFormat(opts.xTickCount ?? 5);
  const xTicks = x.ticks(opts.xTickCount ?? 5).map((v) => ({ value: v, at: x(v), label: fmt(v) }));
  const yTicks = logTicks(y, logY, opts.yTickCount ?? 4);
  return { layout, paths, xTicks, yTicks, xDomain: [xDomain[0], xDomain[1]], yDomain, logY };
}

function logTicks(y: ReturnType<typeof makeScale>, logY: boolean, count: number): Tick[] {
  if (!logY) {
    const fmt = y.tickFormat(count);
    return y.ticks(count).map((v) => ({ value: v, at: y(v), label: fmt(v) }));
  }
  // Powers of ten only: a log axis with every 2…9 labelled is unreadable at this size.
  const [lo, hi] = y.domain() as [number, number];
  const out: Tick[] = [];
  for (let e = Math.ceil(Math.log10(lo)); e <= Math.floor(Math.log10(hi)); e++) {
    const v = Math.pow(10, e);
    out.push({ value: v, at: y(v), label: e >= -2 && e <= 3 ? String(v) : `1e${e}` });
  }
  if (out.length > count + 2) {
    const every = Math.ceil(out.length / (count + 1));
    return out.filter((_, i) => i % every === 0);
  }
  return out;
}
