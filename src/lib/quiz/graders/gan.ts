// Pure: no DOM. Graders for questions answered with the 2-D GAN trainer (Gan2d). The widget's
// quizState() returns a GanQuizState (src/components/widgets/Gan2d/element.ts).
import { pct } from '../../conv/format.ts';
import type { Grader, GraderParams } from './types.ts';

/** What the 2-D GAN trainer reports through quizState() (the fields the graders read). */
export interface GanQuizState {
  target: string;
  opt: string;
  loss: string;
  k: number;
  iteration: number;
  energy: number | null;
  modes: number;
  collapsedSeen: boolean;
  diverged: boolean;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Narrows an untrusted value to a GanQuizState, else undefined. */
export function asGanState(v: unknown): GanQuizState | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const s = v as Record<string, unknown>;
  if (typeof s['target'] !== 'string' || typeof s['opt'] !== 'string') return undefined;
  if (typeof s['loss'] !== 'string' || !isNum(s['k']) || !isNum(s['iteration'])) return undefined;
  if (!isNum(s['modes']) || typeof s['collapsedSeen'] !== 'boolean') return undefined;
  if (s['energy'] !== null && !isNum(s['energy'])) return undefined;
  return {
    target: s['target'],
    opt: s['opt'],
    loss: s['loss'],
    k: s['k'],
    iteration: s['iteration'],
    energy: s['energy'],
    modes: s['modes'],
    collapsedSeen: s['collapsedSeen'],
    diverged: s['diverged'] === true,
  };
}

const notLoaded = {
  pass: false,
  feedback: 'The GAN trainer has not reported a run yet. Press Play in the figure, then check.',
};

const base: GanQuizState = {
  target: 'gaussians',
  opt: 'rmsprop',
  loss: 'nonsaturating',
  k: 1,
  iteration: 2400,
  energy: 0.004,
  modes: 8,
  collapsedSeen: true,
  diverged: false,
};

/** Collapse seen on the mixture, then a run on the mixture that covers most modes. */
export const ganCollapseFixed: Grader = {
  description:
    'GAN trainer: the reader saw a run on the 8-Gaussian mixture collapse (≤ 3 modes after 1,500 iterations) and now has one covering at least `minModes` modes after `minIterations`.',
  grade(state: unknown, params: GraderParams) {
    const s = asGanState(state);
    if (!s) return notLoaded;
    const minModes = isNum(params['minModes']) ? params['minModes'] : 6;
    const minIterations = isNum(params['minIterations']) ? params['minIterations'] : 1000;
    if (s.target !== 'gaussians')
      return { pass: false, feedback: 'Choose the target “Mixture of 8 Gaussians” first.' };
    if (!s.collapsedSeen)
      return {
        pass: false,
        feedback:
          'First make a run collapse: load the mode-collapse preset and train past 1,500 iterations until it covers 3 modes or fewer.',
      };
    if (s.diverged) return { pass: false, feedback: 'This run diverged; press Reset.' };
    if (s.iteration < minIterations)
      return {
        pass: false,
        feedback: `Train the fixed run for at least ${minIterations} iterations (now ${s.iteration}).`,
      };
    if (s.modes < minModes)
      return {
        pass: false,
        score: 0.5,
        feedback: `This run covers ${s.modes} of 8 modes; it should cover at least ${minModes}. What in the collapsing setup keeps pushing the whole cloud one way?`,
      };
    return { pass: true, feedback: `Collapse seen, and now ${s.modes} of 8 modes covered.` };
  },
  examples: [
    { state: base, pass: true },
    { state: { ...base, collapsedSeen: false }, pass: false, note: 'never saw a collapse' },
    { state: { ...base, modes: 2 }, pass: false, note: 'still collapsed' },
    { state: { ...base, iteration: 300 }, pass: false, note: 'too early to judge' },
    { state: { ...base, target: 'ring' }, pass: false, note: 'wrong target' },
    { state: null, pass: false, note: 'widget not loaded' },
  ],
};

/** A run on a given target whose energy distance is below a threshold. */
export const ganCloseToTarget: Grader = {
  description:
    'GAN trainer: a run on `target` with at least `minIterations` iterations whose energy distance to the target is at most `maxEnergy`.',
  checkParams(params) {
    return typeof params['target'] === 'string' && isNum(params['maxEnergy'])
      ? []
      : ['needs target (string) and maxEnergy (number)'];
  },
  grade(state: unknown, params: GraderParams) {
    const s = asGanState(state);
    if (!s) return notLoaded;
    const target = String(params['target']);
    const maxEnergy = Number(params['maxEnergy']);
    const minIterations = isNum(params['minIterations']) ? params['minIterations'] : 500;
    if (s.target !== target)
      return { pass: false, feedback: `Choose the target “${target}” in the figure.` };
    if (s.diverged || s.energy === null)
      return {
        pass: false,
        feedback: 'This run has no finite distance yet; press Reset and Play.',
      };
    if (s.iteration < minIterations)
      return { pass: false, feedback: `Train for at least ${minIterations} iterations.` };
    if (s.energy > maxEnergy)
      return {
        pass: false,
        feedback: `The energy distance is ${s.energy.toFixed(3)}; it should be at most ${maxEnergy}. Keep training, or change the settings.`,
      };
    return {
      pass: true,
      feedback: `Energy distance ${s.energy.toFixed(3)}: the generator matches.`,
    };
  },
  examples: [
    {
      state: { ...base, target: 'moons', energy: 0.01 },
      params: { target: 'moons', maxEnergy: 0.02 },
      pass: true,
    },
    {
      state: { ...base, target: 'moons', energy: 0.2 },
      params: { target: 'moons', maxEnergy: 0.02 },
      pass: false,
    },
    {
      state: { ...base, target: 'ring', energy: 0.01 },
      params: { target: 'moons', maxEnergy: 0.02 },
      pass: false,
    },
  ],
};

// ——— The digits GAN (GanDigits, src/components/widgets/GanDigits/element.ts) ———

/** What the digits GAN widget reports through quizState() (the fields the graders read). */
export interface GanDigitsQuizState {
  source: 'seed' | 'trained';
  iteration: number;
  coverage: number | null;
  confidence: number | null;
  /** Share of samples read as the digit asked (conditional generator), null before a reading. */
  agreement: number | null;
  /** Whether G and D are told the digit (absent in old states: true). */
  conditional: boolean;
  gridLabels: number[] | null;
  interpFrom: number;
  interpTo: number;
  interpT: number;
  diverged: boolean;
}

/** Narrows an untrusted value to a GanDigitsQuizState, else undefined. */
export function asGanDigitsState(v: unknown): GanDigitsQuizState | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const s = v as Record<string, unknown>;
  if (s['widget'] !== 'gan-digits') return undefined;
  if (s['source'] !== 'seed' && s['source'] !== 'trained') return undefined;
  if (!isNum(s['iteration']) || !isNum(s['interpFrom']) || !isNum(s['interpTo'])) return undefined;
  if (!isNum(s['interpT'])) return undefined;
  const labels = s['gridLabels'];
  return {
    source: s['source'],
    iteration: s['iteration'],
    coverage: isNum(s['coverage']) ? s['coverage'] : null,
    confidence: isNum(s['confidence']) ? s['confidence'] : null,
    agreement: isNum(s['agreement']) ? s['agreement'] : null,
    conditional: s['conditional'] !== false,
    gridLabels: Array.isArray(labels) && labels.every(isNum) ? labels : null,
    interpFrom: s['interpFrom'],
    interpTo: s['interpTo'],
    interpT: s['interpT'],
    diverged: s['diverged'] === true,
  };
}

const digitsNotLoaded = {
  pass: false,
  feedback: 'The digits GAN has not reported yet. Scroll to the figure and wait for it to load.',
};

const digitsBase = {
  widget: 'gan-digits',
  source: 'seed',
  iteration: 3000,
  coverage: 10,
  confidence: 0.72,
  agreement: 0.64,
  gridLabels: [
    3, 7, 1, 0, 8, 9, 2, 4, 5, 6, 1, 3, 3, 7, 1, 0, 8, 9, 2, 4, 5, 6, 1, 3, 3, 7, 1, 0, 8, 9, 2, 4,
    5, 6, 1, 3,
  ],
  interpFrom: 0,
  interpTo: 1,
  interpT: 0.5,
  diverged: false,
};

/**
 * A run trained in the page (not the shipped generator) that reaches given coverage/confidence
 * and, optionally, a share of samples drawn as the digit asked.
 */
export const ganDigitsTrained: Grader = {
  description:
    'Digits GAN: a run trained in the page (not the loaded generator) whose latest classifier reading has coverage ≥ `minCoverage`, confidence ≥ `minConfidence` and, if given, agreement (share drawn as the digit asked) ≥ `minAgreement`.',
  checkParams(params) {
    const ok = isNum(params['minCoverage']) && isNum(params['minConfidence']);
    const agreeOk = params['minAgreement'] === undefined || isNum(params['minAgreement']);
    return [
      ...(ok ? [] : ['needs minCoverage and minConfidence (numbers)']),
      ...(agreeOk ? [] : ['minAgreement must be a number']),
    ];
  },
  grade(state: unknown, params: GraderParams) {
    const s = asGanDigitsState(state);
    if (!s) return digitsNotLoaded;
    const minCoverage = Number(params['minCoverage']);
    const minConfidence = Number(params['minConfidence']);
    const minAgreement = isNum(params['minAgreement']) ? params['minAgreement'] : null;
    if (s.source !== 'seed')
      return {
        pass: false,
        feedback: 'This is the generator shipped with the site. Press Reset and train your own.',
      };
    if (s.diverged) return { pass: false, feedback: 'This run diverged; press Reset.' };
    if (s.coverage === null || s.confidence === null || s.iteration === 0)
      return {
        pass: false,
        feedback: 'Press Play and let it train; the classifier reads the samples every 2 s.',
      };
    if (s.coverage < minCoverage || s.confidence < minConfidence)
      return {
        pass: false,
        score: s.coverage >= minCoverage ? 0.5 : 0,
        feedback: `Now: coverage ${s.coverage}, confidence ${s.confidence.toFixed(2)}; needed: coverage ≥ ${minCoverage} and confidence ≥ ${minConfidence}. Keep training.`,
      };
    if (minAgreement !== null && !s.conditional)
      return {
        pass: false,
        score: 0.5,
        feedback:
          'This run does not tell the generator which digit to draw. Tick “Tell G and D the digit”, then train again.',
      };
    if (minAgreement !== null && (s.agreement ?? 0) < minAgreement)
      return {
        pass: false,
        score: 0.5,
        feedback: `Now ${pct(s.agreement ?? 0)} of the samples are drawn as the digit asked; needed: ${pct(minAgreement)}. Keep training.`,
      };
    return {
      pass: true,
      feedback: `Coverage ${s.coverage} and confidence ${s.confidence.toFixed(2)} after ${s.iteration} iterations.`,
    };
  },
  examples: [
    { state: digitsBase, params: { minCoverage: 8, minConfidence: 0.6 }, pass: true },
    {
      state: { ...digitsBase, coverage: 5 },
      params: { minCoverage: 8, minConfidence: 0.6 },
      pass: false,
      note: 'too few digits',
    },
    {
      state: { ...digitsBase, source: 'trained' },
      params: { minCoverage: 8, minConfidence: 0.6 },
      pass: false,
      note: 'loaded, not trained',
    },
    { state: null, params: { minCoverage: 8, minConfidence: 0.6 }, pass: false },
    {
      state: digitsBase,
      params: { minCoverage: 8, minConfidence: 0.6, minAgreement: 0.8 },
      pass: false,
      note: 'clear digits, but too few drawn as asked',
    },
    {
      state: { ...digitsBase, agreement: null, conditional: false },
      params: { minCoverage: 8, minConfidence: 0.6, minAgreement: 0.8 },
      pass: false,
      note: 'trained without labels',
    },
    {
      state: { ...digitsBase, agreement: 0.85 },
      params: { minCoverage: 8, minConfidence: 0.6, minAgreement: 0.8 },
      pass: true,
    },
  ],
};

/** Interpolation between two grid samples the classifier reads as different digits, at t ≈ ½. */
export const ganDigitsMorph: Grader = {
  description:
    'Digits GAN: the interpolation runs between two grid samples the classifier reads as different digits, with the slider within `tolerance` of ½.',
  grade(state: unknown, params: GraderParams) {
    const s = asGanDigitsState(state);
    if (!s) return digitsNotLoaded;
    const tol = isNum(params['tolerance']) ? params['tolerance'] : 0.1;
    if (!s.gridLabels)
      return { pass: false, feedback: 'Load the trained generator first (button or key L).' };
    if (s.interpFrom === s.interpTo)
      return { pass: false, feedback: 'Choose two different samples as the ends.' };
    const a = s.gridLabels[s.interpFrom];
    const b = s.gridLabels[s.interpTo];
    if (a === undefined || b === undefined)
      return { pass: false, feedback: 'Choose samples of the grid as the ends.' };
    if (a === b)
      return {
        pass: false,
        feedback: `Both ends are read as ${a}. Pick two samples the classifier reads as different digits (see the list under the grid).`,
      };
    if (Math.abs(s.interpT - 0.5) > tol)
      return {
        pass: false,
        score: 0.5,
        feedback: `The ends are a ${a} and a ${b}. Now move the slider to the middle (0.5).`,
      };
    return { pass: true, feedback: `Halfway between a ${a} and a ${b}.` };
  },
  examples: [
    { state: digitsBase, pass: true },
    { state: { ...digitsBase, interpTo: 12 }, pass: false, note: 'both ends read as 3' },
    { state: { ...digitsBase, interpT: 0.9 }, pass: false, note: 'slider not in the middle' },
    { state: { ...digitsBase, gridLabels: null }, pass: false, note: 'nothing judged yet' },
  ],
};

export const ganGraders: Readonly<Record<string, Grader>> = {
  'gan-collapse-fixed': ganCollapseFixed,
  'gan-close-to-target': ganCloseToTarget,
  'gan-digits-trained': ganDigitsTrained,
  'gan-digits-morph': ganDigitsMorph,
};
