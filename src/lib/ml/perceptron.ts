// Pure: no DOM. Rosenblatt's perceptron on 2-D points, one visit at a time, so a widget can show
// each update. Used by the perceptron trainer widget and unit tests.
import { classify, type LabelledPoint, type Neuron2 } from './neuron.ts';

/** Where training stands. Treat as immutable: every function returns a new state. */
export interface PerceptronState {
  readonly w1: number;
  readonly w2: number;
  readonly b: number;
  /** Completed passes over the data. */
  readonly epoch: number;
  /** Index of the next point to visit. */
  readonly cursor: number;
  /** Weight updates made so far (one per mistake). */
  readonly updates: number;
  /** Points visited in a row without a mistake. */
  readonly sinceUpdate: number;
  /** Mistakes in the current pass so far. */
  readonly epochMistakes: number;
  /** Mistakes in each completed pass. */
  readonly mistakesPerEpoch: readonly number[];
  /** A full pass over the data made no mistake: every point is on its side of the line. */
  readonly converged: boolean;
  /**
   * Set when the weights at the start of a pass equal those at the start of an earlier pass:
   * the same visits will then repeat forever, so training can never converge.
   */
  readonly cycle: { readonly firstEpoch: number; readonly repeatEpoch: number } | null;
  /** Weights at the start of each pass, as "w1,w2,b" keys (for cycle detection). */
  readonly epochStarts: readonly string[];
}

/** One visit of one point: what the neuron said, what it should say, and the update made. */
export interface PerceptronVisit {
  readonly index: number;
  /** Weighted sum w1·x + w2·y + b before the update. */
  readonly z: number;
  readonly predicted: 0 | 1;
  readonly target: 0 | 1;
  readonly mistake: boolean;
  readonly before: Neuron2;
  readonly after: Neuron2;
  /** Δw1 = η(t − ŷ)x, Δw2 = η(t − ŷ)y, Δb = η(t − ŷ); all zero when there was no mistake. */
  readonly delta: { readonly dw1: number; readonly dw2: number; readonly db: number };
}

const key = (n: Neuron2): string => `${n.w1},${n.w2},${n.b}`;

/** A fresh perceptron, all weights zero unless `init` says otherwise. */
export function initPerceptron(init: Neuron2 = { w1: 0, w2: 0, b: 0 }): PerceptronState {
  return {
    ...init,
    epoch: 0,
    cursor: 0,
    updates: 0,
    sinceUpdate: 0,
    epochMistakes: 0,
    mistakesPerEpoch: [],
    converged: false,
    cycle: null,
    epochStarts: [key(init)],
  };
}

/**
 * The perceptron learning rule for one point: if the prediction ŷ (1 when w·x + b ≥ 0)
 * differs from the target t, move the weights by η(t − ŷ) times the input (and the bias by
 * η(t − ŷ)). A correct point changes nothing.
 */
export function perceptronRule(
  n: Neuron2,
  p: LabelledPoint,
  lr: number,
): { after: Neuron2; delta: PerceptronVisit['delta']; predicted: 0 | 1; z: number } {
  const z = n.w1 * p.x + n.w2 * p.y + n.b;
  const predicted = classify(n, p.x, p.y);
  const err = p.label - predicted;
  const delta = { dw1: lr * err * p.x, dw2: lr * err * p.y, db: lr * err };
  return {
    after: { w1: n.w1 + delta.dw1, w2: n.w2 + delta.dw2, b: n.b + delta.db },
    delta,
    predicted,
    z,
  };
}

/**
 * Visits the next point (in the data's fixed order) and applies the rule. Once converged or
 * caught in a cycle, the state no longer changes.
 * @throws RangeError for empty data or a learning rate that is not positive
 */
export function perceptronVisit(
  state: PerceptronState,
  points: readonly LabelledPoint[],
  lr = 1,
): { state: PerceptronState; visit: PerceptronVisit } {
  if (points.length === 0) throw new RangeError('the perceptron needs at least one point');
  if (!(lr > 0)) throw new RangeError('the learning rate must be positive');
  const index = state.cursor;
  const p = points[index]!;
  const before: Neuron2 = { w1: state.w1, w2: state.w2, b: state.b };
  const { after, delta, predicted, z } = perceptronRule(before, p, lr);
  const mistake = predicted !== p.label;
  const visit: PerceptronVisit = {
    index,
    z,
    predicted,
    target: p.label,
    mistake,
    before,
    after,
    delta,
  };
  if (state.converged || state.cycle) return { state, visit: { ...visit, after: before } };

  const sinceUpdate = mistake ? 0 : state.sinceUpdate + 1;
  const epochMistakes = state.epochMistakes + (mistake ? 1 : 0);
  let next: PerceptronState = {
    ...state,
    ...after,
    updates: state.updates + (mistake ? 1 : 0),
    sinceUpdate,
    epochMistakes,
    cursor: index + 1,
    converged: sinceUpdate >= points.length,
  };
  if (next.cursor === points.length) {
    const k = key(after);
    const seenAt = state.epochStarts.indexOf(k);
    next = {
      ...next,
      cursor: 0,
      epoch: state.epoch + 1,
      epochMistakes: 0,
      mistakesPerEpoch: [...state.mistakesPerEpoch, epochMistakes],
      epochStarts: [...state.epochStarts, k],
      // A pass that began and ended with the same weights and made mistakes, or a return to an
      // earlier pass's start, means the visits from then on repeat exactly.
      cycle:
        !next.converged && seenAt >= 0
          ? { firstEpoch: seenAt, repeatEpoch: state.epoch + 1 }
          : null,
    };
  }
  return { state: next, visit };
}

/**
 * Visits points until one is misclassified and updated (or training converges, cycles, or
 * `maxVisits` runs out). Returns every visit made, the last one being the update if any.
 */
export function perceptronStep(
  state: PerceptronState,
  points: readonly LabelledPoint[],
  lr = 1,
  maxVisits = 10_000,
): { state: PerceptronState; visits: PerceptronVisit[]; update: PerceptronVisit | null } {
  const visits: PerceptronVisit[] = [];
  let s = state;
  for (let i = 0; i < maxVisits && !s.converged && !s.cycle; i++) {
    const r = perceptronVisit(s, points, lr);
    s = r.state;
    visits.push(r.visit);
    if (r.visit.mistake) return { state: s, visits, update: r.visit };
  }
  return { state: s, visits, update: null };
}

/**
 * Trains until convergence, a detected cycle, or `maxEpochs` passes.
 * @returns the final state and every update made, in order
 */
export function trainPerceptron(
  points: readonly LabelledPoint[],
  lr = 1,
  maxEpochs = 1000,
  init?: Neuron2,
): { state: PerceptronState; updates: PerceptronVisit[] } {
  let s = initPerceptron(init);
  const updates: PerceptronVisit[] = [];
  while (!s.converged && !s.cycle && s.epoch < maxEpochs) {
    const r = perceptronVisit(s, points, lr);
    s = r.state;
    if (r.visit.mistake) updates.push(r.visit);
  }
  return { state: s, updates };
}

/**
 * Novikoff's bound on the number of updates for separable data: (R/γ)², where R is the
 * largest length of an input extended with a 1 for the bias, and γ the smallest distance of a
 * point (in that extended space) from the separating plane of `truth`, normalised.
 * The perceptron started at zero makes at most this many mistakes, whatever the order.
 * @throws RangeError if `truth` does not separate the points
 */
export function mistakeBound(points: readonly LabelledPoint[], truth: Neuron2): number {
  const norm = Math.hypot(truth.w1, truth.w2, truth.b);
  let gamma = Infinity;
  let r = 0;
  for (const p of points) {
    const y = p.label === 1 ? 1 : -1;
    const margin = (y * (truth.w1 * p.x + truth.w2 * p.y + truth.b)) / norm;
    if (!(margin > 0)) throw new RangeError('the given line does not separate the points');
    gamma = Math.min(gamma, margin);
    r = Math.max(r, Math.hypot(p.x, p.y, 1));
  }
  return (r / gamma) ** 2;
}
