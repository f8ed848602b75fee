// Pure: no DOM. Graders for the gradient-descent explorer (DescentExplorer widget). They read the
// settings the reader chose from the widget's quizState() and re-run the descent themselves, so
// a reported loss or verdict is never trusted.
import type { Grader, GraderParams } from './types.ts';
import {
  parseSettings,
  descentSettings,
  type ExplorerSettings,
} from '../../ml/descent/settings.ts';
import { runDescent } from '../../ml/descent/run.ts';
import { surfaces, minimumLoss, isSurfaceId } from '../../ml/descent/surfaces.ts';
import { isOptimizerId, optimizerLabels } from '../../ml/descent/optimizers.ts';
import { formatNumber } from '../../viz/scales.ts';

/**
 * Narrows an untrusted quiz state to explorer settings: a plain object whose fields parse
 * without problems. Undefined for anything else.
 */
export function asExplorerSettings(state: unknown): ExplorerSettings | undefined {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return undefined;
  const o = state as Record<string, unknown>;
  const raw: Record<string, string | undefined> = {};
  for (const key of ['surface', 'optimizer', 'lr', 'momentum', 'steps', 'decay', 'optimizerB']) {
    const v = o[key];
    if (typeof v === 'string' || typeof v === 'number') raw[key] = String(v);
    else return undefined;
  }
  const start = o['start'];
  if (!Array.isArray(start) || start.length !== 2) return undefined;
  raw['start'] = `${String(start[0])},${String(start[1])}`;
  raw['race'] = String(o['race'] === true);
  const { settings, problems } = parseSettings(raw);
  return problems.length ? undefined : settings;
}

interface ReachParams {
  maxSteps: number;
  targetLoss: number;
  surface?: string;
  optimizer?: string;
}

function reachParams(p: GraderParams): ReachParams | string[] {
  const errors: string[] = [];
  const maxSteps = p['maxSteps'] ?? 50;
  const targetLoss = p['targetLoss'] ?? 0.01;
  if (typeof maxSteps !== 'number' || !Number.isInteger(maxSteps) || maxSteps < 1 || maxSteps > 200)
    errors.push('params.maxSteps must be an integer from 1 to 200');
  if (typeof targetLoss !== 'number' || !(targetLoss > 0))
    errors.push('params.targetLoss must be a positive number');
  const surface = p['surface'];
  if (surface !== undefined && !isSurfaceId(surface))
    errors.push(`params.surface ${JSON.stringify(surface)} is not a surface`);
  const optimizer = p['optimizer'];
  if (optimizer !== undefined && !isOptimizerId(optimizer))
    errors.push(`params.optimizer ${JSON.stringify(optimizer)} is not an optimizer`);
  if (errors.length) return errors;
  return {
    maxSteps: maxSteps as number,
    targetLoss: targetLoss as number,
    ...(typeof surface === 'string' ? { surface } : {}),
    ...(typeof optimizer === 'string' ? { optimizer } : {}),
  };
}

/**
 * Passes when the reader's settings bring the loss within `targetLoss` of the surface's lowest
 * loss after exactly `maxSteps` updates (whatever the steps slider says). Optional `surface` and
 * `optimizer` params require that surface or optimizer.
 */
export const descentReachesTarget: Grader = {
  description:
    'DescentExplorer: after params.maxSteps (default 50) updates with the chosen settings, the loss is within params.targetLoss (default 0.01) of the minimum; params.surface / params.optimizer optionally fix those choices.',
  checkParams(params) {
    const p = reachParams(params);
    return Array.isArray(p) ? p : [];
  },
  grade(state, params) {
    const p = reachParams(params);
    if (Array.isArray(p))
      return { pass: false, feedback: `This question is misconfigured: ${p.join('; ')}.` };
    const s = asExplorerSettings(state);
    if (!s) return { pass: false, feedback: 'The explorer has no settings to check yet.' };
    if (p.surface && s.surface !== p.surface)
      return {
        pass: false,
        feedback: `Switch the surface to “${surfaces[p.surface as keyof typeof surfaces].label}” first.`,
      };
    if (p.optimizer && s.optimizer !== p.optimizer)
      return {
        pass: false,
        feedback: `Use the ${optimizerLabels[p.optimizer as keyof typeof optimizerLabels]} optimizer for this question.`,
      };
    const surface = surfaces[s.surface];
    const run = runDescent(surface, { ...descentSettings(s), steps: p.maxSteps });
    const excess = (run.losses[run.count - 1] ?? NaN) - minimumLoss(surface);
    const lr = formatNumber(s.lr);
    if (run.verdict.kind === 'diverged')
      return {
        pass: false,
        feedback: `With learning rate ${lr} the descent diverges. Try a smaller one.`,
      };
    if (excess < p.targetLoss)
      return {
        pass: true,
        feedback: `With learning rate ${lr} the loss is ${formatNumber(excess)} above the minimum after ${p.maxSteps} steps.`,
      };
    return {
      pass: false,
      feedback: `With learning rate ${lr} the loss is still ${formatNumber(excess)} above the minimum after ${p.maxSteps} steps; it needs to be below ${formatNumber(p.targetLoss)}.`,
    };
  },
  examples: [
    {
      state: {
        surface: 'bowl',
        optimizer: 'sgd',
        lr: 0.1,
        momentum: 0.9,
        steps: 50,
        decay: 'none',
        start: [2.5, 2],
        race: false,
        optimizerB: 'adam',
      },
      pass: true,
      note: 'η = 0.1 shrinks the bowl’s distance by 0.8 per step',
    },
    {
      state: {
        surface: 'bowl',
        optimizer: 'sgd',
        lr: 2,
        momentum: 0.9,
        steps: 50,
        decay: 'none',
        start: [2.5, 2],
        race: false,
        optimizerB: 'adam',
      },
      pass: false,
      note: 'η = 2 diverges',
    },
    {
      state: {
        surface: 'bowl',
        optimizer: 'sgd',
        lr: 0.001,
        momentum: 0.9,
        steps: 50,
        decay: 'none',
        start: [2.5, 2],
        race: false,
        optimizerB: 'adam',
      },
      pass: false,
      note: 'η = 0.001 is far too slow',
    },
    { state: null, pass: false, note: 'widget not loaded' },
    { state: { surface: 'bowl' }, pass: false, note: 'incomplete state' },
  ],
};

/** The explorer's graders by registry name. */
export const descentGraders: Readonly<Record<string, Grader>> = {
  'descent-reaches-target': descentReachesTarget,
};
