// Pure: no DOM. The transfer-learning widget's chart and text: test accuracy against N (log
// scale), one line per method shown (fine-tuned head, from scratch, and the linear classifier the
// reader chose), a marker at the reader's N, and the summary sentence and table rows.
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { plotArea, type Layout } from '../viz/scales.ts';
import type { Tick } from '../viz/curves.ts';
import { MAX_N, METHOD_LABELS, type TransferMethod, type TransferPoint } from './transfer.ts';

export const TRANSFER_LAYOUT: Layout = {
  width: 560,
  height: 280,
  margin: { top: 12, right: 16, bottom: 44, left: 52 },
};

export type LinearChoice = 'svm' | 'logreg';

export interface TransferSeries {
  method: TransferMethod;
  label: string;
  /** palette index: fixed per method so colours never swap */
  colour: number;
  d: string;
  dots: Array<{ x: number; y: number; text: string }>;
}

export interface TransferChart {
  layout: Layout;
  xTicks: Tick[];
  yTicks: Tick[];
  series: TransferSeries[];
  /** x of the reader's N */
  marker: number;
}

const COLOURS: Record<TransferMethod, number> = { fineTune: 0, scratch: 1, svm: 2, logreg: 3 };

/** Names inside a sentence. */
export const SHORT_LABELS: Record<TransferMethod, string> = {
  fineTune: 'fine-tuned head',
  scratch: 'from scratch',
  svm: 'linear SVM',
  logreg: 'logistic regression',
};

/** "83.5%" */
export const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

/** The methods drawn, in legend order. */
export function shownMethods(linear: LinearChoice): TransferMethod[] {
  return ['fineTune', 'scratch', linear];
}

export function transferChart(
  points: readonly TransferPoint[],
  n: number,
  linear: LinearChoice,
  layout = TRANSFER_LAYOUT,
): TransferChart {
  const area = plotArea(layout);
  const x = scaleLog().domain([1, MAX_N]).range([area.left, area.right]);
  const y = scaleLinear().domain([0, 1]).range([area.bottom, area.top]);
  const sorted = [...points].sort((a, b) => a.n - b.n);
  const series = shownMethods(linear).map((method) => {
    const dots = sorted.map((p) => ({
      x: x(p.n),
      y: y(p[method]),
      text: `${METHOD_LABELS[method]}, N = ${p.n}: ${pct(p[method])}`,
    }));
    return {
      method,
      label: METHOD_LABELS[method],
      colour: COLOURS[method],
      d:
        line<{ x: number; y: number }>()
          .x((p) => p.x)
          .y((p) => p.y)(dots) ?? '',
      dots,
    };
  });
  return {
    layout,
    xTicks: [1, 2, 5, 10, 20, 50, 100].map((v) => ({ value: v, at: x(v), label: String(v) })),
    yTicks: [0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => ({
      value: v,
      at: y(v),
      label: `${Math.round(v * 100)}%`,
    })),
    series,
    marker: x(Math.min(MAX_N, Math.max(1, n))),
  };
}

/** One sentence on the reader's N: the three accuracies shown, best first. */
export function summariseAt(
  points: readonly TransferPoint[],
  n: number,
  linear: LinearChoice,
): string {
  const p = points.find((q) => q.n === n);
  if (!p) return `N = ${n} is not computed yet: press Run to add it.`;
  const parts = shownMethods(linear)
    .map((m) => ({ m, v: p[m] }))
    .sort((a, b) => b.v - a.v)
    .map(({ m, v }) => `${SHORT_LABELS[m]} ${pct(v)}`);
  return `With ${n} example${n === 1 ? '' : 's'} per digit: ${parts.join(', ')} of the test digits 5–9 right.`;
}

/** The text alternative's one-line summary of a finished set of points. */
export function summariseRun(points: readonly TransferPoint[], seed: number): string {
  if (points.length === 0) return 'Not run yet: press Run to train and compare the methods.';
  const ns = [...points].sort((a, b) => a.n - b.n);
  const first = ns[0]!;
  const last = ns[ns.length - 1]!;
  const best = (p: TransferPoint) => {
    const m = (['fineTune', 'scratch', 'svm', 'logreg'] as const).reduce((a, b) =>
      p[b] > p[a] ? b : a,
    );
    return `${SHORT_LABELS[m]} (${pct(p[m])})`;
  };
  return `Seed ${seed}, N = ${ns.map((p) => p.n).join(', ')}. Best at N = ${first.n}: ${best(first)}; at N = ${last.n}: ${best(last)}. The table lists every accuracy.`;
}

export const TABLE_COLUMNS = [
  'Examples per digit (N)',
  'Fine-tuned head',
  'From scratch',
  'Linear SVM',
  'Logistic regression',
];

export function tableRows(points: readonly TransferPoint[]): string[][] {
  return [...points]
    .sort((a, b) => a.n - b.n)
    .map((p) => [String(p.n), pct(p.fineTune), pct(p.scratch), pct(p.svm), pct(p.logreg)]);
}
