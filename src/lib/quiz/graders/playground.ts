// Pure: no DOM. Graders for questions answered with the deep-networks Playground widget. The
// widget's quizState() returns a PlaygroundQuizState (src/components/widgets/Playground/element.ts).
import type { Grader, GraderParams } from './types.ts';

/** What the Playground reports through quizState(). */
export interface PlaygroundQuizState {
  dataset: string;
  noise: number;
  trainPercent: number;
  hidden: number[];
  features: string[];
  regularization: string;
  regularizationRate: number;
  dropout: number;
  learningRate: number;
  decay: number;
  step: number;
  epoch: number;
  trainLoss: number;
  testLoss: number;
  /** The lowest test loss recorded during the run. */
  bestTestLoss: number;
  diverged: boolean;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

// Example states the graders' own examples vary (the test suite runs every example).
const solvedCircles: PlaygroundQuizState = {
  dataset: 'circles',
  noise: 0,
  trainPercent: 50,
  hidden: [4, 2],
  features: ['x1', 'x2'],
  regularization: 'none',
  regularizationRate: 0,
  dropout: 0,
  learningRate: 0.03,
  decay: 0,
  step: 3000,
  epoch: 200,
  trainLoss: 0.02,
  testLoss: 0.03,
  bestTestLoss: 0.03,
  diverged: false,
};
const circlesTask = { dataset: 'circles', maxTestLoss: 0.1, maxHiddenNeurons: 6 };

const regularizedGaussians: PlaygroundQuizState = {
  dataset: 'gaussians',
  noise: 35,
  trainPercent: 20,
  hidden: [8, 8, 8],
  features: ['x1', 'x2'],
  regularization: 'l2',
  regularizationRate: 0.01,
  dropout: 0,
  learningRate: 0.03,
  decay: 0,
  step: 10000,
  epoch: 1600,
  trainLoss: 0.21,
  testLoss: 0.3,
  bestTestLoss: 0.29,
  diverged: false,
};
const overfitTask = {
  dataset: 'gaussians',
  noise: 35,
  trainPercent: 20,
  minEpochs: 500,
  maxTestLoss: 0.45,
  maxRise: 0.2,
};

/** Narrows an untrusted value to a PlaygroundQuizState, else undefined. */
export function asPlaygroundState(v: unknown): PlaygroundQuizState | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const s = v as Record<string, unknown>;
  const numbers = [
    'noise',
    'trainPercent',
    'regularizationRate',
    'dropout',
    'learningRate',
    'decay',
    'step',
    'epoch',
  ];
  if (typeof s['dataset'] !== 'string' || typeof s['regularization'] !== 'string') return undefined;
  if (!numbers.every((k) => isNum(s[k]))) return undefined;
  if (!Array.isArray(s['hidden']) || !s['hidden'].every(isNum)) return undefined;
  if (!Array.isArray(s['features']) || !s['features'].every((f) => typeof f === 'string'))
    return undefined;
  if (typeof s['diverged'] !== 'boolean') return undefined;
  // Losses may be NaN before training (JSON turns NaN into null): keep them as NaN.
  const loss = (k: string) => (isNum(s[k]) ? s[k] : NaN);
  return {
    ...(s as unknown as PlaygroundQuizState),
    trainLoss: loss('trainLoss'),
    testLoss: loss('testLoss'),
    bestTestLoss: loss('bestTestLoss'),
  };
}

const total = (hidden: readonly number[]) => hidden.reduce((a, b) => a + b, 0);
const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'not measured yet');

/**
 * Passes when the network was trained on `params.dataset` to a test loss below
 * `params.maxTestLoss`, using at most `params.maxHiddenNeurons` hidden neurons in total (if set)
 * and without diverging.
 */
export const playgroundTestLoss: Grader = {
  description:
    'Playground: trained on params.dataset to test loss < params.maxTestLoss with at most params.maxHiddenNeurons hidden neurons.',
  checkParams(p) {
    const out: string[] = [];
    if (typeof p['dataset'] !== 'string') out.push('params.dataset must be a data set id');
    if (!isNum(p['maxTestLoss']) || p['maxTestLoss'] <= 0)
      out.push('params.maxTestLoss must be a positive number');
    if (p['maxHiddenNeurons'] !== undefined && !isNum(p['maxHiddenNeurons']))
      out.push('params.maxHiddenNeurons must be a number');
    return out;
  },
  grade(state, p: GraderParams) {
    const s = asPlaygroundState(state);
    if (!s)
      return {
        pass: false,
        feedback: 'The playground has not reported a run yet. Train a network first.',
      };
    const dataset = String(p['dataset']);
    const maxLoss = Number(p['maxTestLoss']);
    const maxNeurons = isNum(p['maxHiddenNeurons']) ? p['maxHiddenNeurons'] : Infinity;
    if (s.dataset !== dataset)
      return {
        pass: false,
        feedback: `Choose the ${dataset} data set (it is set to ${s.dataset}).`,
      };
    const n = total(s.hidden);
    if (n > maxNeurons)
      return {
        pass: false,
        feedback: `Your network has ${n} hidden neurons; use at most ${maxNeurons}.`,
      };
    if (s.diverged)
      return {
        pass: false,
        feedback: 'Training diverged. Lower the learning rate, press Reset and train again.',
      };
    if (!(s.testLoss < maxLoss))
      return {
        pass: false,
        feedback: `Test loss is ${fmt(s.testLoss)}; it needs to be below ${maxLoss}. Train longer or change the network.`,
      };
    return { pass: true, feedback: `Test loss ${fmt(s.testLoss)} with ${n} hidden neurons.` };
  },
  examples: [
    { state: solvedCircles, pass: true, params: circlesTask },
    {
      state: { ...solvedCircles, hidden: [8, 8] },
      pass: false,
      params: circlesTask,
      note: 'too many neurons',
    },
    {
      state: {
        ...solvedCircles,
        step: 0,
        epoch: 0,
        trainLoss: 0.7,
        testLoss: 0.7,
        bestTestLoss: 0.7,
      },
      pass: false,
      params: circlesTask,
      note: 'not trained',
    },
    {
      state: { ...solvedCircles, dataset: 'xor' },
      pass: false,
      params: { dataset: 'circles', maxTestLoss: 0.1 },
      note: 'wrong data set',
    },
    { state: null, pass: false, params: { dataset: 'circles', maxTestLoss: 0.1 } },
  ],
};

/**
 * Passes when, on the same data as the overfitting preset (params.dataset, params.noise,
 * params.trainPercent), a run of at least params.minEpochs epochs ends with a test loss below
 * params.maxTestLoss and no more than params.maxRise (a fraction) above its own best.
 */
export const playgroundNoOverfitting: Grader = {
  description:
    'Playground: on the overfitting data (params.dataset/noise/trainPercent), after ≥ params.minEpochs epochs the test loss is < params.maxTestLoss and within params.maxRise of its best.',
  checkParams(p) {
    const out: string[] = [];
    if (typeof p['dataset'] !== 'string') out.push('params.dataset must be a data set id');
    for (const k of ['noise', 'trainPercent', 'minEpochs', 'maxTestLoss', 'maxRise'])
      if (!isNum(p[k])) out.push(`params.${k} must be a number`);
    return out;
  },
  grade(state, p) {
    const s = asPlaygroundState(state);
    if (!s)
      return {
        pass: false,
        feedback:
          'The playground has not reported a run yet. Load the overfitting preset and train.',
      };
    if (
      s.dataset !== p['dataset'] ||
      s.noise !== p['noise'] ||
      s.trainPercent !== p['trainPercent']
    )
      return {
        pass: false,
        feedback: `Keep the data of the overfitting setup (${String(p['dataset'])}, noise ${String(p['noise'])} %, ${String(p['trainPercent'])} % for training) and change the network or its regularization instead.`,
      };
    if (s.diverged)
      return {
        pass: false,
        feedback: 'Training diverged. Lower the learning rate and press Reset.',
      };
    const minEpochs = Number(p['minEpochs']);
    if (s.epoch < minEpochs)
      return {
        pass: false,
        feedback: `Train for at least ${minEpochs} epochs (so far ${s.epoch}): overfitting shows up late.`,
      };
    const maxLoss = Number(p['maxTestLoss']);
    const maxRise = Number(p['maxRise']);
    if (!(s.testLoss < maxLoss))
      return { pass: false, feedback: `Test loss ${fmt(s.testLoss)} is still above ${maxLoss}.` };
    if (s.testLoss > s.bestTestLoss * (1 + maxRise))
      return {
        pass: false,
        feedback: `Test loss ${fmt(s.testLoss)} has risen more than ${Math.round(maxRise * 100)} % above its best (${fmt(s.bestTestLoss)}): the network is still overfitting.`,
      };
    return {
      pass: true,
      feedback: `Test loss ${fmt(s.testLoss)} stays close to its best (${fmt(s.bestTestLoss)}).`,
    };
  },
  examples: [
    { state: regularizedGaussians, pass: true, params: overfitTask },
    {
      state: {
        ...regularizedGaussians,
        regularization: 'none',
        regularizationRate: 0,
        trainLoss: 0.04,
        testLoss: 1.0,
        bestTestLoss: 0.32,
      },
      pass: false,
      params: overfitTask,
      note: 'still overfitting',
    },
    {
      state: {
        ...regularizedGaussians,
        noise: 0,
        trainPercent: 90,
        regularization: 'none',
        regularizationRate: 0,
        trainLoss: 0.01,
        testLoss: 0.01,
        bestTestLoss: 0.01,
      },
      pass: false,
      params: overfitTask,
      note: 'changed the data instead',
    },
    {
      state: {
        ...regularizedGaussians,
        step: 100,
        epoch: 16,
        trainLoss: 0.5,
        testLoss: 0.5,
        bestTestLoss: 0.5,
      },
      pass: false,
      params: overfitTask,
      note: 'too short',
    },
  ],
};

/** The Playground's graders by name, spread into the registry in index.ts. */
export const playgroundGraders: Readonly<Record<string, Grader>> = {
  'playground-test-loss': playgroundTestLoss,
  'playground-no-overfitting': playgroundNoOverfitting,
};
