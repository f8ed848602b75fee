// Pure: no DOM. Named setups the lesson links to ("this setup overfits — press play"), and
// reading a setup from a page URL (a preset name and/or explicit parameters).
import {
  cloneState,
  defaultState,
  normalizeState,
  stateFromParams,
  type PlaygroundState,
  type ReadResult,
} from './state.ts';

export interface Preset {
  readonly id: string;
  /** Short name for the preset menu. */
  readonly label: string;
  /** What the setup shows, one sentence. */
  readonly description: string;
  /** Differences from the default setup. */
  readonly setup: Partial<PlaygroundState>;
}

const overfitBase: Partial<PlaygroundState> = {
  dataset: 'gaussians',
  noise: 35,
  trainPercent: 20,
  hidden: [8, 8, 8],
  learningRate: 0.03,
};

export const presets: readonly Preset[] = [
  {
    id: 'circles',
    label: 'Circles, small network',
    description: 'Six hidden neurons in two layers separate a disc from a ring.',
    setup: {},
  },
  {
    id: 'xor-linear',
    label: 'XOR without hidden layers',
    description: 'A single unit on x₁ and x₂ draws one straight line and cannot solve XOR.',
    setup: { dataset: 'xor', hidden: [], features: ['x1', 'x2'] },
  },
  {
    id: 'xor-product',
    label: 'XOR with the product feature',
    description: 'Given x₁·x₂ as an input, a single unit solves XOR.',
    setup: { dataset: 'xor', hidden: [], features: ['x1x2'] },
  },
  {
    id: 'xor-hidden',
    label: 'XOR with a hidden layer',
    description: 'Four hidden neurons learn XOR from x₁ and x₂ alone.',
    setup: { dataset: 'xor', hidden: [4], features: ['x1', 'x2'] },
  },
  {
    id: 'spiral-underfit',
    label: 'Spiral, too small',
    description: 'Two hidden neurons underfit the spiral: both losses stay high.',
    setup: { dataset: 'spiral', hidden: [2] },
  },
  {
    id: 'spiral-features',
    label: 'Spiral with sine features',
    description: 'With sin x₁ and sin x₂ as inputs, two layers of eight fit the spiral.',
    setup: {
      dataset: 'spiral',
      hidden: [8, 8],
      features: ['x1', 'x2', 'sinx1', 'sinx2'],
      optimizer: 'adam',
      learningRate: 0.01,
    },
  },
  {
    id: 'spiral-deep',
    label: 'Spiral, deep network',
    description: 'Five layers of eight fit the spiral from x₁ and x₂, but generalise less well.',
    setup: { dataset: 'spiral', hidden: [8, 8, 8, 8, 8], optimizer: 'adam', learningRate: 0.01 },
  },
  {
    id: 'overfit',
    label: 'Overfitting',
    description: 'A large network on a few noisy points: training loss falls, test loss rises.',
    setup: overfitBase,
  },
  {
    id: 'overfit-l2',
    label: 'Overfitting, with L2',
    description: 'The same setup with L2 regularization keeps the test loss low.',
    setup: { ...overfitBase, regularization: 'l2', regularizationRate: 0.01 },
  },
  {
    id: 'overfit-l1',
    label: 'Overfitting, with L1',
    description: 'The same setup with L1 regularization, which drives many weights to zero.',
    setup: { ...overfitBase, regularization: 'l1', regularizationRate: 0.01 },
  },
  {
    id: 'overfit-dropout',
    label: 'Overfitting, with dropout',
    description: 'The same setup with dropout 0.3 in the hidden layers.',
    setup: { ...overfitBase, dropout: 0.3 },
  },
  {
    id: 'too-fast',
    label: 'Learning rate too large',
    description: 'Learning rate 1 on a regression problem makes the weights blow up.',
    setup: { dataset: 'regression-2d', hidden: [8, 8], learningRate: 1, loss: 'squared' },
  },
  {
    id: 'jitter',
    label: 'Large learning rate, no decay',
    description: 'Learning rate 3 makes the loss jump around instead of settling.',
    setup: { noise: 20, hidden: [8, 8], learningRate: 3 },
  },
  {
    id: 'jitter-decay',
    label: 'Large learning rate with decay',
    description: 'The same start with decay 0.1: the steps shrink and the loss settles low.',
    setup: { noise: 20, hidden: [8, 8], learningRate: 3, decay: 0.1 },
  },
  {
    id: 'three-class',
    label: 'Three classes',
    description: 'A softmax output with three units separates three clusters.',
    setup: { dataset: 'three-class', noise: 10, hidden: [4] },
  },
  {
    id: 'regression-1d',
    label: '1-D regression',
    description: 'Two layers of eight fit a wave through noisy points.',
    setup: {
      dataset: 'regression-1d',
      noise: 10,
      hidden: [8, 8],
      features: ['x1'],
      loss: 'squared',
    },
  },
  {
    id: 'regression-2d',
    label: '2-D regression',
    description: 'A network learns a bump and a dip over the plane.',
    setup: { dataset: 'regression-2d', hidden: [8, 8], loss: 'squared' },
  },
  {
    id: 'draw',
    label: 'Draw your own points',
    description: 'An empty plot: add points of either class and train on them.',
    setup: { dataset: 'drawn', hidden: [4, 4], points: [] },
  },
];

export function findPreset(id: string): Preset | undefined {
  return presets.find((p) => p.id === id);
}

/** The full, valid state of a preset. */
export function presetState(preset: Preset): PlaygroundState {
  return normalizeState({ ...cloneState(defaultState), ...preset.setup }).state;
}

/**
 * Reads the setup a page URL asks for: `preset=<id>` picks a preset (unknown ids fall back to the
 * default with a notice), then any explicit parameters override it. With neither, the `fallback`
 * (the widget's own starting setup) is used.
 */
export function readSetup(
  search: string | URLSearchParams,
  fallback: Readonly<PlaygroundState> = defaultState,
): ReadResult & { preset: string | undefined } {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const notices: string[] = [];
  let base: PlaygroundState = cloneState(fallback);
  let preset: string | undefined;
  const id = params.get('preset');
  if (id !== null) {
    const found = findPreset(id);
    if (found) {
      base = presetState(found);
      preset = found.id;
    } else {
      notices.push(`There is no preset called "${id}"; showing the starting setup instead.`);
    }
  }
  const read = stateFromParams(params, base);
  return { state: read.state, notices: [...notices, ...read.notices], preset };
}
