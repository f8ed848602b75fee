// Pure: no DOM. Layout, extents, log-slider mapping and number formatting shared by every view.
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';

/** A chart's size in SVG user units and its margins around the plotting area. */
export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly margin: {
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
    readonly left: number;
  };
}

/** The plotting area of a layout: left, right, top and bottom edges in SVG units. */
export interface PlotArea {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** The rectangle inside the margins. Throws when the margins leave no room. */
export function plotArea(layout: Layout): PlotArea {
  const { width, height, margin } = layout;
  const area = {
    left: margin.left,
    right: width - margin.right,
    top: margin.top,
    bottom: height - margin.bottom,
  };
  if (!(area.right > area.left && area.bottom > area.top)) {
    throw new RangeError(`layout ${width}×${height} leaves no plotting area inside its margins`);
  }
  return area;
}

/**
 * The [min, max] of the finite values, widened by `pad` (a fraction of the range) on each side.
 * A single value or an empty input gives a range of ±1 around it (or [0, 1]), so a scale never
 * collapses to a point.
 */
export function paddedExtent(values: Iterable<number>, pad = 0.05): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return [0, 1];
  if (min === max) return [min - 1, max + 1];
  const d = (max - min) * pad;
  return [min - d, max + d];
}

/** A linear (or log) scale from a data domain to an SVG range. */
export function makeScale(
  domain: readonly [number, number],
  range: readonly [number, number],
  log = false,
): ScaleContinuousNumeric<number, number> {
  if (log) {
    const lo = Math.max(domain[0], 1e-12);
    const hi = Math.max(domain[1], lo * 10);
    return scaleLog().domain([lo, hi]).range(range).clamp(true);
  }
  return scaleLinear().domain(domain).range(range);
}

/** A log-scale slider: integer positions 0…steps map to values min…max geometrically. */
export interface LogSlider {
  readonly min: number;
  readonly max: number;
  /** number of slider positions minus one (the input's max attribute) */
  readonly steps: number;
}

/** The value at slider position `pos` (clamped to 0…steps). */
export function logSliderValue(pos: number, s: LogSlider): number {
  const t = Math.min(Math.max(pos, 0), s.steps) / s.steps;
  return s.min * Math.pow(s.max / s.min, t);
}

/** The nearest slider position for `value` (clamped to the slider's range). */
export function logSliderPosition(value: number, s: LogSlider): number {
  if (!(value > 0)) return 0;
  const t = Math.log(value / s.min) / Math.log(s.max / s.min);
  return Math.round(Math.min(Math.max(t, 0), 1) * s.steps);
}

/**
 * A short, readable number: "0.0123", "1.23", "1,234", "1.2e+6", "—" for NaN, "∞" for infinities.
 * `digits` is the number of significant digits (default 3).
 */
export function formatNumber(v: number, digits = 3): string {
  if (Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const sign = v < 0 ? '−' : '';
  if (a >= 1e5 || a < 1e-4) return sign + a.toExponential(Math.max(digits - 2, 1));
  if (a >= 1000) return sign + Math.round(a).toLocaleString('en-US');
  return sign + String(Number(a.toPrecision(digits)));
}
