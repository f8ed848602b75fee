// Pure: no DOM. The ActivationExplorer's state, props parsing, plot view-model and sentences.
// Used by the Astro shell (build time), the element and the grader's tests.
import {
  activations,
  isActivationName,
  sampleActivation,
  type ActivationName,
} from '../../../lib/ml/activations.ts';

export interface ExplorerState {
  readonly activation: ActivationName;
  readonly x: number;
}

export interface ExplorerRange {
  readonly lo: number;
  readonly hi: number;
}

/** The activations offered in the picker, in order. */
export const OFFERED: readonly ActivationName[] = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'step'];

/** Parses the element's data-* props; bad values fall back to sigmoid at x = 0 on [−6, 6]. */
export function parseExplorerProps(d: Record<string, string | undefined>): {
  state: ExplorerState;
  range: ExplorerRange;
} {
  const lo = Number(d['lo'] ?? -6);
  const hi = Number(d['hi'] ?? 6);
  const range =
    Number.isFinite(lo) && Number.isFinite(hi) && hi > lo ? { lo, hi } : { lo: -6, hi: 6 };
  const a = d['activation'] ?? 'sigmoid';
  const x = Number(d['x'] ?? 0);
  return {
    state: {
      activation: isActivationName(a) ? a : 'sigmoid',
      x: Number.isFinite(x) ? Math.min(Math.max(x, range.lo), range.hi) : 0,
    },
    range,
  };
}

/** f and f′ at the state's x. */
export function readout(s: ExplorerState): { value: number; slope: number } {
  const a = activations[s.activation];
  return { value: a.f(s.x), slope: a.df(s.x) };
}

/** Formats to 3 decimals with a real minus sign (and no "−0"). */
export function fmt3(v: number): string {
  const r = Number(v.toFixed(3));
  return (Object.is(r, -0) ? 0 : r).toFixed(3).replace('-', '−');
}

/** What the reader should notice at this x, in one sentence. */
export function describeReading(s: ExplorerState): string {
  const { value, slope } = readout(s);
  const label = activations[s.activation].label;
  const base = `${label} at x = ${fmt3(s.x)}: value ${fmt3(value)}, slope ${fmt3(slope)}.`;
  if (s.activation === 'step')
    return `${base} The step is flat on both sides: no slope to learn from.`;
  if ((s.activation === 'sigmoid' || s.activation === 'tanh') && Math.abs(slope) < 0.01)
    return `${base} Saturated: the curve is almost flat here, so almost no gradient passes.`;
  if (s.activation === 'relu' && s.x < 0)
    return `${base} ReLU is flat for negative inputs: no gradient passes.`;
  if (s.activation === 'leaky-relu' && s.x < 0)
    return `${base} Leaky ReLU keeps a small slope for negative inputs.`;
  return base;
}

/** The plot's data: samples of f and f′ and a y-range covering both. */
export function plotModel(
  name: ActivationName,
  range: ExplorerRange,
  n = 241,
): { samples: Array<{ x: number; y: number; dy: number }>; yLo: number; yHi: number } {
  const samples = sampleActivation(activations[name], range.lo, range.hi, n);
  let yLo = 0;
  let yHi = 1;
  for (const p of samples) {
    yLo = Math.min(yLo, p.y, p.dy);
    yHi = Math.max(yHi, p.y, p.dy);
  }
  const pad = (yHi - yLo) * 0.06;
  return { samples, yLo: yLo - pad, yHi: yHi + pad };
}

/** Rows of the data table: value and slope at each integer x in the range. */
export function tableRows(name: ActivationName, range: ExplorerRange): string[][] {
  const a = activations[name];
  const rows: string[][] = [];
  for (let x = Math.ceil(range.lo); x <= Math.floor(range.hi); x++)
    rows.push([fmt3(x), fmt3(a.f(x)), fmt3(a.df(x))]);
  return rows;
}
