// Pure: no DOM. The NeuronExplorer's props, parsed from data-* attributes into one typed object,
// and the points they describe. Used by the Astro shell (build time), the element and the grader.
import {
  separablePoints,
  type Bounds,
  type LabelledPoint,
  type Neuron2,
} from '../../../lib/ml/neuron.ts';

export const EXPLORER_BOUNDS: Bounds = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

export interface ExplorerProps {
  readonly seed: number;
  readonly count: number;
  /** The line that generated the labels (a solution exists within the sliders' range). */
  readonly truth: Neuron2;
  readonly margin: number;
  readonly start: Neuron2;
  readonly activation: 'sigmoid' | 'step';
}

export const explorerDefaults: ExplorerProps = {
  seed: 7,
  count: 20,
  truth: { w1: -1, w2: 1.5, b: 0.2 },
  margin: 0.12,
  start: { w1: 1, w2: 0, b: 0 },
  activation: 'sigmoid',
};

const num = (v: string | undefined, fallback: number): number => {
  const n = v === undefined || v.trim() === '' ? NaN : Number(v);
  return Number.isFinite(n) ? n : fallback;
};

const triple = (v: string | undefined, fallback: Neuron2): Neuron2 => {
  const parts = (v ?? '').split(',').map((s) => Number(s));
  if (parts.length !== 3 || !parts.every(Number.isFinite)) return fallback;
  return { w1: parts[0]!, w2: parts[1]!, b: parts[2]! };
};

/** Props from a dataset (missing or bad values fall back to the defaults). */
export function parseExplorerProps(d: Record<string, string | undefined>): ExplorerProps {
  return {
    seed: num(d['seed'], explorerDefaults.seed),
    count: Math.max(2, Math.min(60, Math.round(num(d['count'], explorerDefaults.count)))),
    truth: triple(d['truth'], explorerDefaults.truth),
    margin: num(d['margin'], explorerDefaults.margin),
    start: triple(d['start'], explorerDefaults.start),
    activation: d['activation'] === 'step' ? 'step' : 'sigmoid',
  };
}

/** The labelled points the explorer shows for these props. */
export function explorerPoints(
  p: Pick<ExplorerProps, 'seed' | 'count' | 'truth' | 'margin'>,
): LabelledPoint[] {
  return separablePoints(p.seed, p.count, p.truth, EXPLORER_BOUNDS, p.margin);
}
