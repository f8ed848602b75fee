// Pure: no DOM. Graders for the widget questions of the neuron and activation-function lessons:
// NeuronExplorer (all points on their own side), PerceptronTrainer (how a run ended) and
// ActivationExplorer (a point where the slope is small). Each recomputes from the reader's
// settings with src/lib/ml rather than trusting counts the widget reports.
import type { Grader, GraderParams } from './types.ts';
import { score, separablePoints, type Neuron2 } from '../../ml/neuron.ts';
import { activations, isActivationName } from '../../ml/activations.ts';

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

function asNeuron(v: unknown): Neuron2 | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { w1, w2, b } = v as Record<string, unknown>;
  return finite(w1) && finite(w2) && finite(b) ? { w1, w2, b } : undefined;
}

interface PointsSpec {
  seed: number;
  count: number;
  truth: Neuron2;
  margin: number;
}

function pointsSpec(p: GraderParams): PointsSpec | undefined {
  const { seed, count, truth, margin } = p;
  if (!finite(seed) || !finite(count) || !finite(margin) || !Array.isArray(truth)) return undefined;
  const [w1, w2, b] = truth as unknown[];
  if (!finite(w1) || !finite(w2) || !finite(b)) return undefined;
  return { seed, count, truth: { w1, w2, b }, margin };
}

const BOUNDS = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

/** NeuronExplorer: every point on its own side of the reader's line. */
export const neuronExplorerSeparates: Grader = {
  description:
    'NeuronExplorer: the sliders (w1, w2, b) put every point of the seeded data (params: seed, count, truth [w1, w2, b], margin) on its own side.',
  checkParams(p) {
    const spec = pointsSpec(p);
    if (!spec) return ['params need seed, count, margin (numbers) and truth: [w1, w2, b]'];
    try {
      separablePoints(spec.seed, spec.count, spec.truth, BOUNDS, spec.margin);
      return [];
    } catch (err) {
      return [`these params give no data set: ${String(err)}`];
    }
  },
  grade(state, p) {
    const spec = pointsSpec(p);
    if (!spec) return { pass: false, feedback: 'This question has no valid data set.' };
    const n = asNeuron(state);
    if (!n) return { pass: false, feedback: 'The explorer has no weights to check yet.' };
    const pts = separablePoints(spec.seed, spec.count, spec.truth, BOUNDS, spec.margin);
    const s = score(n, pts);
    if (s.wrong.length === 0)
      return { pass: true, feedback: `All ${s.total} points are on their own side.` };
    return {
      pass: false,
      score: 0,
      feedback: `${s.correct} of ${s.total} points are on their own side; point${
        s.wrong.length === 1 ? '' : 's'
      } ${s.wrong.map((i) => i + 1).join(', ')} ${s.wrong.length === 1 ? 'is' : 'are'} not.`,
    };
  },
  examples: [
    {
      params: { seed: 7, count: 20, truth: [-1, 1.5, 0.2], margin: 0.12 },
      state: { w1: -1, w2: 1.5, b: 0.2 },
      pass: true,
      note: 'the generating line',
    },
    {
      params: { seed: 7, count: 20, truth: [-1, 1.5, 0.2], margin: 0.12 },
      state: { w1: -2, w2: 3, b: 0.4 },
      pass: true,
      note: 'the same line scaled by 2',
    },
    {
      params: { seed: 7, count: 20, truth: [-1, 1.5, 0.2], margin: 0.12 },
      state: { w1: 1, w2: -1.5, b: -0.2 },
      pass: false,
      note: 'the right line, but the weights point the wrong way',
    },
    {
      params: { seed: 7, count: 20, truth: [-1, 1.5, 0.2], margin: 0.12 },
      state: { w1: 1, w2: 0, b: 0 },
      pass: false,
      note: 'the starting line',
    },
    {
      params: { seed: 7, count: 20, truth: [-1, 1.5, 0.2], margin: 0.12 },
      state: null,
      pass: false,
      note: 'not loaded',
    },
  ],
};

/** PerceptronTrainer: the run on params.data ended as params.outcome ("converged" or "cycle"). */
export const perceptronTrainerOutcome: Grader = {
  description:
    'PerceptronTrainer: training on params.data ("separable" or "xor") has ended as params.outcome ("converged" or "cycle").',
  checkParams(p) {
    const ok =
      (p['data'] === 'separable' || p['data'] === 'xor') &&
      (p['outcome'] === 'converged' || p['outcome'] === 'cycle');
    return ok ? [] : ['params need data: separable | xor and outcome: converged | cycle'];
  },
  grade(state, p) {
    if (typeof state !== 'object' || state === null)
      return { pass: false, feedback: 'The trainer has not run yet.' };
    const s = state as Record<string, unknown>;
    if (s['data'] !== p['data'])
      return { pass: false, feedback: 'This question is about the other trainer.' };
    if (p['outcome'] === 'converged' && s['converged'] === true)
      return { pass: true, feedback: `Converged after ${String(s['updates'])} updates.` };
    if (p['outcome'] === 'cycle' && s['cycle'] === true)
      return { pass: true, feedback: 'The weights repeat: it will never converge.' };
    return {
      pass: false,
      feedback:
        s['converged'] === true || s['cycle'] === true
          ? 'That run ended differently.'
          : 'Training has not finished yet: keep pressing Next update or press Run to the end.',
    };
  },
  examples: [
    {
      params: { data: 'xor', outcome: 'cycle' },
      state: { data: 'xor', updates: 10, epoch: 3, converged: false, cycle: true },
      pass: true,
    },
    {
      params: { data: 'xor', outcome: 'cycle' },
      state: { data: 'xor', updates: 4, epoch: 1, converged: false, cycle: false },
      pass: false,
      note: 'not finished',
    },
    {
      params: { data: 'separable', outcome: 'converged' },
      state: { data: 'separable', updates: 10, epoch: 5, converged: true, cycle: false },
      pass: true,
    },
    {
      params: { data: 'separable', outcome: 'converged' },
      state: { data: 'xor', updates: 10, epoch: 3, converged: false, cycle: true },
      pass: false,
      note: 'the other widget',
    },
    { params: { data: 'xor', outcome: 'cycle' }, state: 'x', pass: false, note: 'not a state' },
  ],
};

/**
 * ActivationExplorer: params.activation is selected and its slope at the reader's x is at most
 * params.maxSlope in size (optionally with x ≥ params.minX).
 */
export const activationExplorerSlope: Grader = {
  description:
    'ActivationExplorer: with params.activation selected, |f′(x)| ≤ params.maxSlope at the chosen x (and x ≥ params.minX if given).',
  checkParams(p) {
    const problems: string[] = [];
    if (typeof p['activation'] !== 'string' || !isActivationName(p['activation']))
      problems.push('params.activation must be an activation name');
    if (!finite(p['maxSlope']) || p['maxSlope'] < 0) problems.push('params.maxSlope must be ≥ 0');
    if (p['minX'] !== undefined && !finite(p['minX']))
      problems.push('params.minX must be a number');
    return problems;
  },
  grade(state, p) {
    const name = p['activation'];
    const max = p['maxSlope'];
    if (typeof name !== 'string' || !isActivationName(name) || !finite(max))
      return { pass: false, feedback: 'This question has invalid parameters.' };
    if (typeof state !== 'object' || state === null)
      return { pass: false, feedback: 'The explorer has not loaded yet.' };
    const { activation, x } = state as Record<string, unknown>;
    if (!finite(x)) return { pass: false, feedback: 'The explorer has no x to check.' };
    const a = activations[name];
    if (activation !== name)
      return { pass: false, feedback: `Select ${a.label} in the explorer first.` };
    const minX = p['minX'];
    if (finite(minX) && x < minX)
      return { pass: false, feedback: `Look for x of at least ${minX}.` };
    const slope = a.df(x);
    if (Math.abs(slope) <= max)
      return { pass: true, feedback: `At x = ${x} the slope is ${slope.toFixed(4)}.` };
    return {
      pass: false,
      feedback: `At x = ${x} the slope is ${slope.toFixed(4)}, above ${max}. Move further from 0.`,
    };
  },
  examples: [
    {
      params: { activation: 'sigmoid', maxSlope: 0.01 },
      state: { activation: 'sigmoid', x: 5 },
      pass: true,
    },
    {
      params: { activation: 'sigmoid', maxSlope: 0.01 },
      state: { activation: 'sigmoid', x: -5.5 },
      pass: true,
    },
    {
      params: { activation: 'sigmoid', maxSlope: 0.01 },
      state: { activation: 'sigmoid', x: 2 },
      pass: false,
    },
    {
      params: { activation: 'sigmoid', maxSlope: 0.01 },
      state: { activation: 'tanh', x: 5 },
      pass: false,
      note: 'wrong activation',
    },
    {
      params: { activation: 'sigmoid', maxSlope: 0.01, minX: 0 },
      state: { activation: 'sigmoid', x: -5 },
      pass: false,
      note: 'x must be positive',
    },
    {
      params: { activation: 'tanh', maxSlope: 0.01 },
      state: null,
      pass: false,
      note: 'not loaded',
    },
  ],
};

/** This file's graders by name, spread into the registry in index.ts. */
export const neuronLessonGraders: Readonly<Record<string, Grader>> = {
  'neuron-explorer-separates': neuronExplorerSeparates,
  'perceptron-trainer-outcome': perceptronTrainerOutcome,
  'activation-explorer-slope': activationExplorerSlope,
};
