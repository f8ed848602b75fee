// Pure: no DOM. The PerceptronTrainer's props, data sets and the sentences it shows. Used by the
// Astro shell (build time), the element and tests.
import {
  separablePoints,
  xorPoints,
  type Bounds,
  type LabelledPoint,
} from '../../../lib/ml/neuron.ts';
import type { PerceptronState, PerceptronVisit } from '../../../lib/ml/perceptron.ts';

export type TrainerData = 'separable' | 'xor';

export interface TrainerProps {
  readonly data: TrainerData;
  readonly seed: number;
  readonly count: number;
  readonly lr: number;
}

export const trainerDefaults: TrainerProps = { data: 'separable', seed: 11, count: 20, lr: 1 };

/** The separable data's labelling line (the points keep a margin of 0.12 from it). */
export const SEPARABLE_TRUTH = { w1: 1, w2: 2, b: -0.3 } as const;

export function trainerBounds(data: TrainerData): Bounds {
  return data === 'xor'
    ? { xMin: -0.5, xMax: 1.5, yMin: -0.5, yMax: 1.5 }
    : { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
}

export function trainerPoints(p: Pick<TrainerProps, 'data' | 'seed' | 'count'>): LabelledPoint[] {
  return p.data === 'xor'
    ? xorPoints()
    : separablePoints(p.seed, p.count, SEPARABLE_TRUTH, trainerBounds('separable'), 0.12);
}

export function parseTrainerProps(d: Record<string, string | undefined>): TrainerProps {
  const n = (v: string | undefined, f: number): number => {
    const x = v === undefined ? NaN : Number(v);
    return Number.isFinite(x) ? x : f;
  };
  return {
    data: d['data'] === 'xor' ? 'xor' : 'separable',
    seed: n(d['seed'], trainerDefaults.seed),
    count: Math.max(2, Math.min(60, Math.round(n(d['count'], trainerDefaults.count)))),
    lr: n(d['lr'], trainerDefaults.lr) > 0 ? n(d['lr'], trainerDefaults.lr) : trainerDefaults.lr,
  };
}

const f = (v: number): string => {
  const r = Number(v.toFixed(3));
  return (Object.is(r, -0) ? 0 : r).toString().replace('-', '−');
};

/** One line on where training stands. */
export function describeTraining(s: PerceptronState): string {
  if (s.converged)
    return `Converged after ${s.updates} update${s.updates === 1 ? '' : 's'}: a full pass over the data with every point on its own side of the line.`;
  if (s.cycle)
    return `Stuck in a loop after ${s.updates} updates: the weights at the start of pass ${
      s.cycle.repeatEpoch + 1
    } (w₁ = ${f(s.w1)}, w₂ = ${f(s.w2)}, b = ${f(s.b)}) are exactly those at the start of pass ${
      s.cycle.firstEpoch + 1
    }, so the same mistakes repeat forever. It will never converge.`;
  if (s.updates === 0 && s.epoch === 0 && s.cursor === 0)
    return 'All weights start at 0. Press “Next update” to visit points until one is misclassified.';
  return `${s.updates} update${s.updates === 1 ? '' : 's'} so far, in pass ${s.epoch + 1}. Weights: w₁ = ${f(
    s.w1,
  )}, w₂ = ${f(s.w2)}, b = ${f(s.b)}.`;
}

/** The update as rows of numbers: [name, before, change formula, after]. */
export function updateRows(
  v: PerceptronVisit,
  p: LabelledPoint,
  lr: number,
): Array<[string, string, string, string]> {
  const e = v.target - v.predicted;
  return [
    ['w₁', f(v.before.w1), `${f(lr)} × ${f(e)} × ${f(p.x)} = ${f(v.delta.dw1)}`, f(v.after.w1)],
    ['w₂', f(v.before.w2), `${f(lr)} × ${f(e)} × ${f(p.y)} = ${f(v.delta.dw2)}`, f(v.after.w2)],
    ['b', f(v.before.b), `${f(lr)} × ${f(e)} × 1 = ${f(v.delta.db)}`, f(v.after.b)],
  ];
}

/** What happened at the visited point, in words. */
export function describeVisit(v: PerceptronVisit, p: LabelledPoint): string {
  return `Point ${v.index + 1} at (${f(p.x)}, ${f(p.y)}) has class t = ${v.target}, but z = ${f(
    v.z,
  )} so the neuron says ŷ = ${v.predicted}. Error t − ŷ = ${f(v.target - v.predicted)}.`;
}

export { f as formatNumber };
