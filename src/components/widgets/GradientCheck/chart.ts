// Pure: the relative-error-against-ε chart of the GradientCheck widget (log–log), as SVG numbers.
// Used at build time by the shell and in the browser to move the marker.
import type { Net221 } from '../../../lib/ml/backprop-graph.ts';
import { gradientCheck, type BackpropBug } from '../../../lib/ml/gradient-check.ts';

export const chart = {
  width: 420,
  height: 220,
  left: 56,
  right: 12,
  top: 12,
  bottom: 40,
  /** ε exponents shown (10^minExp … 10^maxExp) and log10 relative error range */
  minExp: -12,
  maxExp: -1,
  minLog: -13,
  maxLog: 0,
} as const;

/** SVG x of an ε exponent. */
export function xOf(exp: number): number {
  const { left, width, right, minExp, maxExp } = chart;
  return left + ((exp - minExp) / (maxExp - minExp)) * (width - left - right);
}

/** SVG y of a relative error (clamped to the chart's range). */
export function yOf(relError: number): number {
  const { top, height, bottom, minLog, maxLog } = chart;
  const l = Math.min(maxLog, Math.max(minLog, Math.log10(Math.max(relError, 1e-300))));
  return top + ((maxLog - l) / (maxLog - minLog)) * (height - top - bottom);
}

/** Whole-number exponents from minExp to maxExp. */
export function exponents(): number[] {
  const out: number[] = [];
  for (let e = chart.minExp; e <= chart.maxExp; e++) out.push(e);
  return out;
}

/** The polyline points of relative error against ε for one backward pass. */
export function errorLine(net: Net221, bug: BackpropBug): string {
  return exponents()
    .map((e) => `${xOf(e).toFixed(1)},${yOf(gradientCheck(net, 10 ** e, bug).relError).toFixed(1)}`)
    .join(' ');
}
