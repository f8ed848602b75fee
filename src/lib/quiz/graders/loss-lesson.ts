// Pure: no DOM. Graders for the widget questions of the "Loss and gradient descent" lesson.
// Each reads only the reader's settings from the widget's quizState() and recomputes the outcome
// with the same pure code the widget runs, so a reported loss or verdict is never trusted.
import type { Grader, GraderParams } from './types.ts';
import { asExplorerSettings } from './descent.ts';
import { descentSettings } from '../../ml/descent/settings.ts';
import { runDescent } from '../../ml/descent/run.ts';
import { surfaces } from '../../ml/descent/surfaces.ts';
import { createLineFit, makeLinePoints, runLineFit } from '../../ml/linefit.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * DescentExplorer: plain SGD without decay on the elongated valley, from the valley's own start,
 * converges within `steps` (default 50) updates at the reader's learning rate, and that rate is at
 * least `minLr` (default 0.45), i.e. close to the largest rate that still converges.
 */
export const descentLargestConvergingLr: Grader = {
  description:
    'DescentExplorer: SGD on the valley (no decay, default start) converges within params.steps (50) updates at a learning rate ≥ params.minLr (0.45).',
  checkParams(params) {
    const problems: string[] = [];
    const { minLr = 0.45, steps = 50 } = params as { minLr?: unknown; steps?: unknown };
    if (!finite(minLr) || minLr <= 0) problems.push('params.minLr must be a positive number');
    if (!finite(steps) || !Number.isInteger(steps) || steps < 1 || steps > 200)
      problems.push('params.steps must be an integer from 1 to 200');
    return problems;
  },
  grade(state, params) {
    const minLr = finite(params['minLr']) ? params['minLr'] : 0.45;
    const steps = finite(params['steps']) ? params['steps'] : 50;
    const s = asExplorerSettings(state);
    if (!s) return { pass: false, feedback: 'The explorer has no settings to check yet.' };
    if (s.surface !== 'valley')
      return { pass: false, feedback: 'Switch the loss surface to the elongated valley first.' };
    if (s.optimizer !== 'sgd' || s.decay !== 'none')
      return { pass: false, feedback: 'Use plain SGD with no learning-rate decay for this task.' };
    const valley = surfaces.valley;
    const run = runDescent(valley, { ...descentSettings(s), steps, start: valley.start });
    const kind = run.verdict.kind;
    if (kind === 'diverged')
      return { pass: false, feedback: `At η = ${s.lr} the descent diverges: go smaller.` };
    if (run.verdict.kind === 'oscillating')
      return {
        pass: false,
        feedback:
          run.verdict.trend === 'shrinking'
            ? `At η = ${s.lr} the path is still bouncing across the valley after ${steps} steps, in shrinking swings: it converges, but too slowly. Go a little smaller.`
            : `At η = ${s.lr} the swings across the valley do not shrink: you are at or past the limit.`,
      };
    if (kind !== 'converged')
      return {
        pass: false,
        feedback: `At η = ${s.lr} the descent has not converged after ${steps} steps: a larger rate gets there.`,
      };
    if (s.lr < minLr)
      return {
        pass: false,
        score: 0.5,
        feedback: `η = ${s.lr} converges, but larger rates still do. Keep going up.`,
      };
    return {
      pass: true,
      feedback: `η = ${s.lr} converges; the limit is η < 0.5, where the steep direction's factor 1 − 4η reaches −1.`,
    };
  },
  examples: [
    {
      state: valleyState(0.479),
      pass: true,
      note: 'the largest slider value that converges in 50 steps',
    },
    { state: valleyState(0.45), pass: true },
    { state: valleyState(0.3), pass: false, note: 'converges, but too cautious' },
    { state: valleyState(0.49), pass: false, note: 'oscillating after 50 steps' },
    { state: valleyState(0.6), pass: false, note: 'diverges' },
    { state: { ...valleyState(0.479), surface: 'bowl', start: [2.5, 2] }, pass: false },
    { state: { ...valleyState(0.479), decay: 'step' }, pass: false, note: 'decay not allowed' },
    { state: 'nonsense', pass: false },
  ],
};

function valleyState(lr: number): Record<string, unknown> {
  return {
    surface: 'valley',
    optimizer: 'sgd',
    lr,
    momentum: 0.9,
    steps: 50,
    decay: 'none',
    start: [-2.5, 1.5],
    race: false,
    optimizerB: 'adam',
  };
}

/**
 * LineFit: with the reader's batch size (which must equal params.batchSize, default 40) and
 * learning rate, a fresh fit on the widget's points (params.seed, default 7) diverges within
 * params.maxUpdates (default 400) updates.
 */
export const lineFitDiverges: Grader = {
  description:
    'LineFit: a fresh run with the reader’s learning rate and batch size params.batchSize (40) diverges within params.maxUpdates (400) updates.',
  grade(state, params: GraderParams) {
    const batchSize = finite(params['batchSize']) ? params['batchSize'] : 40;
    const seed = finite(params['seed']) ? params['seed'] : 7;
    const maxUpdates = finite(params['maxUpdates']) ? params['maxUpdates'] : 400;
    if (!isObject(state) || !finite(state['batchSize']) || !finite(state['learningRate']))
      return { pass: false, feedback: 'The line-fitting widget has no settings to check yet.' };
    if (state['batchSize'] !== batchSize)
      return { pass: false, feedback: `Set the batch size to ${batchSize} first.` };
    const points = makeLinePoints({ seed });
    const lr = state['learningRate'];
    if (!(lr > 0)) return { pass: false, feedback: 'The learning rate must be positive.' };
    const fit = runLineFit(
      createLineFit(points, seed),
      points,
      { batchSize, learningRate: lr },
      maxUpdates,
    );
    return fit.diverged
      ? { pass: true, feedback: `At η = ${lr} the updates overshoot further each time: diverged.` }
      : {
          pass: false,
          feedback: `At η = ${lr} the fit does not diverge. Try a larger learning rate.`,
        };
  },
  examples: [
    { state: { batchSize: 40, learningRate: 1.5 }, pass: true },
    {
      state: { batchSize: 40, learningRate: 1 },
      pass: false,
      note: 'η = 1 bounces but stays bounded',
    },
    { state: { batchSize: 40, learningRate: 0.1 }, pass: false },
    { state: { batchSize: 10, learningRate: 1.5 }, pass: false, note: 'wrong batch size' },
    { state: null, pass: false },
  ],
};

/** The graders of the loss lesson, by registry name. */
export const lossLessonGraders: Readonly<Record<string, Grader>> = {
  'descent-largest-converging-lr': descentLargestConvergingLr,
  'line-fit-diverges': lineFitDiverges,
};
