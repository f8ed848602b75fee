// Pure: no DOM. The vanishing-gradient chart as data: ‖∂L/∂h_t‖ of the RNN and the LSTM against
// t on a log scale (SVG path strings, ticks), its one-paragraph summary and table rows. The
// Astro shell renders it at build time for the defaults; the element redraws it on input.
import type { GradientNorms, VanishingSettings } from './vanishing.ts';

export interface ChartTick {
  readonly at: number;
  readonly label: string;
}

export interface VanishingChart {
  readonly width: number;
  readonly height: number;
  readonly area: { left: number; right: number; top: number; bottom: number };
  readonly xTicks: ChartTick[];
  readonly yTicks: ChartTick[];
  readonly rnn: string;
  readonly lstm: string;
  readonly summary: string;
  readonly rows: string[][];
}

const SUP: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** 10^k as "10⁻¹³" (1 for k = 0, 10 for k = 1). */
export function powerOfTen(k: number): string {
  if (k === 0) return '1';
  if (k === 1) return '10';
  return `10${String(k)
    .split('')
    .map((c) => SUP[c] ?? c)
    .join('')}`;
}

/** A positive number in scientific notation, "1.3 × 10⁻¹³"; plain for 0.01 ≤ v < 1000. */
export function sci(v: number): string {
  if (!Number.isFinite(v)) return 'not a number';
  if (v === 0) return '0';
  if (v >= 0.01 && v < 1000) return v.toPrecision(2);
  const k = Math.floor(Math.log10(v));
  const m = v / 10 ** k;
  const ms = m.toFixed(1);
  return ms === '10.0' ? `1.0 × ${powerOfTen(k + 1)}` : `${ms} × ${powerOfTen(k)}`;
}

/** Smallest value the log axis shows; smaller norms are drawn at the floor. */
export const FLOOR = 1e-30;

export function vanishingChart(
  norms: GradientNorms,
  settings: Pick<VanishingSettings, 'gain' | 'forgetBias'>,
  width = 640,
  height = 300,
): VanishingChart {
  const area = { left: 64, right: width - 16, top: 12, bottom: height - 44 };
  const T = norms.length;
  const all = [...norms.rnn, ...norms.lstm].map((v) => Math.max(FLOOR, v));
  let lo = Math.floor(Math.log10(Math.min(...all)));
  let hi = Math.ceil(Math.log10(Math.max(...all)));
  if (hi - lo < 2) lo = hi - 2;
  hi = Math.max(hi, 0);
  const x = (t: number): number =>
    T <= 1 ? area.left : area.left + ((t - 1) / (T - 1)) * (area.right - area.left);
  const y = (v: number): number =>
    area.bottom - ((Math.log10(Math.max(FLOOR, v)) - lo) / (hi - lo)) * (area.bottom - area.top);
  const path = (vals: readonly number[]): string =>
    vals.map((v, k) => `${k ? 'L' : 'M'}${x(k + 1).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const decades = hi - lo;
  const every = Math.max(1, Math.ceil(decades / 6));
  const yTicks: ChartTick[] = [];
  for (let k = hi; k >= lo; k -= every) yTicks.push({ at: y(10 ** k), label: powerOfTen(k) });
  const xEvery = T <= 10 ? 1 : T <= 30 ? 5 : T <= 60 ? 10 : 20;
  const xTicks: ChartTick[] = [{ at: x(1), label: '1' }];
  for (let t = xEvery; t <= T; t += xEvery) if (t > 1) xTicks.push({ at: x(t), label: String(t) });
  if (T % xEvery !== 0) xTicks.push({ at: x(T), label: String(T) });
  const r1 = norms.rnn[0] ?? NaN;
  const l1 = norms.lstm[0] ?? NaN;
  const summary =
    `Sequence of ${T} steps, loss on the last state. At step 1, ${T - 1} step${T - 1 === 1 ? '' : 's'} before the loss, ` +
    `the gradient norm is ${sci(r1)} for the tanh RNN (gain ${settings.gain}) and ${sci(l1)} for the LSTM ` +
    `(forget-gate bias ${settings.forgetBias}). At step ${T} both are 1.`;
  const rows = norms.rnn.map((r, k) => [String(k + 1), sci(r), sci(norms.lstm[k] ?? NaN)]);
  return {
    width,
    height,
    area,
    xTicks,
    yTicks,
    rnn: path(norms.rnn),
    lstm: path(norms.lstm),
    summary,
    rows,
  };
}
