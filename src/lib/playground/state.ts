// Pure: no DOM. The playground's whole setup as one typed object, its limits (the only place
// they are written down), and its URL form. A link can hold any setup; a setup read from a link
// that breaks a limit is clamped or reset to the default with a notice saying what changed.
import { activationNames, type ActivationName } from '../ml/dense/activations.ts';
import { lossNames, type LossName } from '../ml/dense/losses.ts';
import { optimizerNames, type OptimizerName } from '../ml/dense/optimizers.ts';
import { regularizationNames, type RegularizationName } from '../ml/dense/regularization.ts';
import { datasets, type DatasetId, type LabelledPoint } from './datasets.ts';
import { canonicalFeatures, featureIds, features, type FeatureId } from './features.ts';

/** Every limit of the playground. The controls, the URL parser and the tests read these. */
export const limits = {
  hiddenLayers: { min: 0, max: 6 },
  neurons: { min: 1, max: 8 },
  noise: { min: 0, max: 50, step: 5 },
  trainPercent: { min: 10, max: 90, step: 10 },
  batchSize: { min: 1, max: 30, step: 1 },
  seed: { min: 0, max: 2 ** 32 - 1 },
  drawnPoints: { max: 200 },
} as const;

/** The values the learning-rate, regularization-rate, dropout and decay menus offer. */
export const learningRates = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const regularizationRates = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const dropoutRates = [0, 0.1, 0.2, 0.3, 0.4, 0.5];
export const decayRates = [0, 0.001, 0.01, 0.1, 1];

export interface PlaygroundState {
  dataset: DatasetId;
  /** Noise in percent, 0–50 in steps of 5. */
  noise: number;
  /** Share of the points used for training, 10–90 % in steps of 10; the rest is the test set. */
  trainPercent: number;
  /** Neurons per hidden layer, 0–6 layers of 1–8. */
  hidden: number[];
  features: FeatureId[];
  activation: ActivationName;
  loss: LossName;
  learningRate: number;
  batchSize: number;
  regularization: RegularizationName;
  regularizationRate: number;
  dropout: number;
  optimizer: OptimizerName;
  /** Inverse-time decay per epoch (see decayedLearningRate). */
  decay: number;
  seed: number;
  /** Hand-drawn points (dataset "drawn"), in [-1, 1]², labels 0 or 1. */
  points: LabelledPoint[];
}

export const defaultState: Readonly<PlaygroundState> = Object.freeze<PlaygroundState>({
  dataset: 'circles',
  noise: 0,
  trainPercent: 50,
  hidden: [4, 2],
  features: ['x1', 'x2'],
  activation: 'tanh',
  loss: 'cross-entropy',
  learningRate: 0.03,
  batchSize: 10,
  regularization: 'none',
  regularizationRate: 0,
  dropout: 0,
  optimizer: 'sgd',
  decay: 0,
  seed: 1,
  points: [],
});

/** A fresh, mutable copy of the defaults. */
export function defaults(): PlaygroundState {
  return cloneState(defaultState);
}

export function cloneState(s: Readonly<PlaygroundState>): PlaygroundState {
  return {
    ...s,
    hidden: [...s.hidden],
    features: [...s.features],
    points: s.points.map((p) => ({ ...p })),
  };
}

/** The result of reading a state: the state to use and what was changed to make it valid. */
export interface ReadResult {
  state: PlaygroundState;
  notices: string[];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The offered value closest to v on a log scale (so 0.002 → 0.003, not 0.001; 0 stays 0). */
function nearestOffered(list: readonly number[], v: number): number {
  const log = (x: number) => Math.log(x + 1e-9);
  let best = list[0]!;
  for (const x of list) if (Math.abs(log(x) - log(v)) < Math.abs(log(best) - log(v))) best = x;
  return best;
}

/**
 * Makes a state valid: clamps numbers to their limits, snaps menu values to the offered ones,
 * and fixes combinations (regression uses squared error; 1-D data has no x₂ features; a network
 * needs at least one feature). Returns the valid state and one notice per change.
 */
export function normalizeState(input: Readonly<PlaygroundState>): ReadResult {
  const s = cloneState(input);
  const notices: string[] = [];
  const info = datasets[s.dataset] ?? datasets[defaultState.dataset];
  if (!datasets[s.dataset]) {
    notices.push(`Unknown data set "${String(s.dataset)}"; using ${info.label}.`);
    s.dataset = info.id;
  }
  // Numbers with a range and a step: clamp, then round to the step.
  const fixRange = (key: 'noise' | 'trainPercent' | 'batchSize', label: string, unit = '') => {
    const lim = limits[key];
    const v = s[key];
    const out = Number.isFinite(v)
      ? Math.round(clamp(v, lim.min, lim.max) / lim.step) * lim.step
      : defaultState[key];
    if (out === v) return;
    notices.push(
      `${label} ${String(v)}${unit} is not allowed (${lim.min}–${lim.max}${unit} in steps of ${lim.step}); using ${out}${unit}.`,
    );
    s[key] = out;
  };
  fixRange('noise', 'Noise', '%');
  fixRange('trainPercent', 'Training share', '%');
  fixRange('batchSize', 'Batch size');

  // Network shape.
  if (s.hidden.length > limits.hiddenLayers.max) {
    notices.push(
      `${s.hidden.length} hidden layers asked for; the playground allows at most ${limits.hiddenLayers.max}, so it keeps the first ${limits.hiddenLayers.max}.`,
    );
    s.hidden = s.hidden.slice(0, limits.hiddenLayers.max);
  }
  s.hidden = s.hidden.map((n, i) => {
    const v = Number.isFinite(n)
      ? clamp(Math.round(n), limits.neurons.min, limits.neurons.max)
      : limits.neurons.min;
    if (v !== n) {
      notices.push(
        `Hidden layer ${i + 1} asked for ${String(n)} neurons; layers have ${limits.neurons.min}–${limits.neurons.max}, so it has ${v}.`,
      );
    }
    return v;
  });

  // Menus.
  const menu = <T extends string>(
    key: 'activation' | 'loss' | 'regularization' | 'optimizer',
    label: string,
    options: readonly T[],
  ) => {
    const v: string = s[key];
    if (!options.includes(v as T)) {
      notices.push(`Unknown ${label} "${v}"; using ${defaultState[key]}.`);
      (s as Record<typeof key, string>)[key] = defaultState[key];
    }
  };
  menu('activation', 'activation', activationNames);
  menu('loss', 'loss', lossNames);
  menu('regularization', 'regularization', regularizationNames);
  menu('optimizer', 'optimizer', optimizerNames);
  const snap = (
    key: 'learningRate' | 'regularizationRate' | 'dropout' | 'decay',
    label: string,
    list: readonly number[],
  ) => {
    const v = s[key];
    if (list.includes(v)) return;
    const to = Number.isFinite(v) && v >= 0 ? nearestOffered(list, v) : defaultState[key];
    notices.push(`${label} ${String(v)} is not one of the offered values; using ${to}.`);
    s[key] = to;
  };
  snap('learningRate', 'Learning rate', learningRates);
  snap('regularizationRate', 'Regularization rate', regularizationRates);
  snap('dropout', 'Dropout rate', dropoutRates);
  snap('decay', 'Learning-rate decay', decayRates);
  if (!Number.isInteger(s.seed) || s.seed < limits.seed.min || s.seed > limits.seed.max) {
    const v = Number.isFinite(s.seed)
      ? clamp(Math.trunc(s.seed), limits.seed.min, limits.seed.max)
      : defaultState.seed;
    notices.push(
      `Seed ${String(s.seed)} is not a whole number from ${limits.seed.min} to ${limits.seed.max}; using ${v}.`,
    );
    s.seed = v;
  }

  // Combinations.
  if (info.task === 'regression' && s.loss !== 'squared') {
    notices.push(
      `${info.label} predicts a number, so the loss is squared error (cross-entropy needs classes).`,
    );
    s.loss = 'squared';
  }
  const known = s.features.filter((f) => featureIds.includes(f));
  if (known.length !== s.features.length) {
    notices.push(
      `Unknown input features were left out: ${s.features.filter((f) => !featureIds.includes(f)).join(', ')}.`,
    );
  }
  let feats = canonicalFeatures(known);
  if (info.oneD && feats.some((f) => features[f].usesX2)) {
    notices.push(`${info.label} has only one input, x₁: features that use x₂ were turned off.`);
    feats = feats.filter((f) => !features[f].usesX2);
  }
  if (feats.length === 0) {
    feats = info.oneD ? ['x1'] : ['x1', 'x2'];
    notices.push(
      `A network needs at least one input feature; using ${feats.map((f) => features[f].label).join(' and ')}.`,
    );
  }
  s.features = feats;

  // Drawn points.
  const valid = s.points.filter(
    (p) =>
      Number.isFinite(p.x) &&
      Number.isFinite(p.y) &&
      Math.abs(p.x) <= 1 &&
      Math.abs(p.y) <= 1 &&
      (p.label === 0 || p.label === 1),
  );
  if (valid.length !== s.points.length)
    notices.push(
      `${s.points.length - valid.length} drawn points were outside the plot or had an unknown class and were left out.`,
    );
  if (valid.length > limits.drawnPoints.max) {
    notices.push(
      `At most ${limits.drawnPoints.max} drawn points are kept; the rest were left out.`,
    );
    valid.length = limits.drawnPoints.max;
  }
  s.points = valid;
  return { state: s, notices };
}

// ---- URL form ------------------------------------------------------------------------------

/** URL parameter names, in the order they are written. */
export const urlKeys = [
  'data',
  'noise',
  'train',
  'net',
  'feat',
  'act',
  'loss',
  'lr',
  'batch',
  'reg',
  'rrate',
  'drop',
  'opt',
  'decay',
  'seed',
  'pts',
] as const;

/** Formats a number without floating-point noise (0.1 not 0.10000000149). */
function num(v: number): string {
  return String(Number(v.toPrecision(6)));
}

/** The state as URL parameters (all of them, in a fixed order; `pts` only for drawn data). */
export function stateToParams(s: Readonly<PlaygroundState>): URLSearchParams {
  const p = new URLSearchParams();
  p.set('data', s.dataset);
  p.set('noise', num(s.noise));
  p.set('train', num(s.trainPercent));
  p.set('net', s.hidden.length === 0 ? 'none' : s.hidden.join('-'));
  p.set('feat', s.features.join(','));
  p.set('act', s.activation);
  p.set('loss', s.loss);
  p.set('lr', num(s.learningRate));
  p.set('batch', num(s.batchSize));
  p.set('reg', s.regularization);
  p.set('rrate', num(s.regularizationRate));
  p.set('drop', num(s.dropout));
  p.set('opt', s.optimizer);
  p.set('decay', num(s.decay));
  p.set('seed', String(s.seed));
  if (s.dataset === 'drawn') {
    p.set(
      'pts',
      s.points.map((q) => `${Math.round(q.x * 100)},${Math.round(q.y * 100)},${q.label}`).join('_'),
    );
  }
  return p;
}

/** A query string for the state, without the leading "?". */
export function stateToQuery(s: Readonly<PlaygroundState>): string {
  return stateToParams(s).toString();
}

/** True if the parameters mention any playground key (else the page URL is not a setup). */
export function hasSetup(params: URLSearchParams): boolean {
  return urlKeys.some((k) => params.has(k)) || params.has('preset');
}

/**
 * Reads a state from URL parameters on top of `base` (keys that are absent keep base's value).
 * Malformed values (not a number, unknown names) are reset to the default, out-of-range ones
 * clamped; every such change produces a notice. Unrelated parameters are ignored.
 */
export function stateFromParams(
  params: URLSearchParams,
  base: Readonly<PlaygroundState> = defaultState,
): ReadResult {
  const s = cloneState(base);
  const notices: string[] = [];
  const number = (key: string, label: string, set: (v: number) => void) => {
    const raw = params.get(key);
    if (raw === null) return;
    const v = raw.trim() === '' ? NaN : Number(raw);
    if (Number.isFinite(v)) set(v);
    else notices.push(`${label} "${raw}" is not a number; using the default.`);
  };
  const text = (key: string, set: (v: string) => void) => {
    const raw = params.get(key);
    if (raw !== null) set(raw);
  };
  text('data', (v) => ((s as { dataset: string }).dataset = v));
  number('noise', 'Noise', (v) => (s.noise = v));
  number('train', 'Training share', (v) => (s.trainPercent = v));
  text('net', (v) => {
    if (v === 'none' || v === '') return void (s.hidden = []);
    const parts = v.split('-');
    if (parts.every((x) => /^\d{1,3}$/.test(x))) s.hidden = parts.map(Number);
    else {
      notices.push(
        `Network "${v}" is not a list of layer sizes like 4-2; using ${defaultState.hidden.join('-')}.`,
      );
      s.hidden = [...defaultState.hidden];
    }
  });
  text('feat', (v) => ((s as { features: string[] }).features = v === '' ? [] : v.split(',')));
  text('act', (v) => ((s as { activation: string }).activation = v));
  text('loss', (v) => ((s as { loss: string }).loss = v));
  number('lr', 'Learning rate', (v) => (s.learningRate = v));
  number('batch', 'Batch size', (v) => (s.batchSize = v));
  text('reg', (v) => ((s as { regularization: string }).regularization = v));
  number('rrate', 'Regularization rate', (v) => (s.regularizationRate = v));
  number('drop', 'Dropout rate', (v) => (s.dropout = v));
  text('opt', (v) => ((s as { optimizer: string }).optimizer = v));
  number('decay', 'Learning-rate decay', (v) => (s.decay = v));
  number('seed', 'Seed', (v) => (s.seed = v));
  text('pts', (v) => {
    const points: LabelledPoint[] = [];
    let bad = 0;
    for (const item of v === '' ? [] : v.split('_')) {
      const m = /^(-?\d{1,3}),(-?\d{1,3}),([01])$/.exec(item);
      if (m) points.push({ x: Number(m[1]) / 100, y: Number(m[2]) / 100, label: Number(m[3]) });
      else bad++;
    }
    if (bad > 0)
      notices.push(`${bad} drawn points in the link could not be read and were left out.`);
    s.points = points;
  });
  const normal = normalizeState(s);
  return { state: normal.state, notices: [...notices, ...normal.notices] };
}

/** Two states are the same setup (same URL form). */
export function sameSetup(a: Readonly<PlaygroundState>, b: Readonly<PlaygroundState>): boolean {
  return stateToQuery(a) === stateToQuery(b);
}
