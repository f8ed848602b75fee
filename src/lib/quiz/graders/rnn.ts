// Pure: no DOM. Graders for the recurrent-neural-networks lesson's widgets: the unrolled stepper
// (RnnStepper), the vanishing-gradient view (VanishingGradient; the norms are recomputed from the
// reader's settings, never trusted) and the memory task (MemoryTask; results come from training
// in the page, which is too slow to repeat on Check).
import type { Grader, GraderParams } from './types.ts';
import { gradientNorms, vanishingDefaults } from '../../rnn/vanishing.ts';
import { sci } from '../../rnn/vanishing-chart.ts';

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/** Passes when the stepper shows `params.sequence` at step `params.step`. */
export const rnnStepperAt: Grader = {
  description:
    'RnnStepper: the widget shows the sequence params.sequence at step params.step (0 = before any input).',
  checkParams(p) {
    const out: string[] = [];
    if (typeof p['sequence'] !== 'string') out.push('params.sequence must be a sequence id');
    if (!Number.isInteger(p['step'])) out.push('params.step must be an integer');
    return out;
  },
  grade(state, params) {
    if (!isObj(state) || typeof state['sequence'] !== 'string' || num(state['step']) === undefined)
      return { pass: false, feedback: 'The stepper has no state to check yet.' };
    if (state['sequence'] !== params['sequence'])
      return { pass: false, feedback: 'Choose the input sequence the question names first.' };
    const step = state['step'] as number;
    const want = params['step'] as number;
    if (step === want) return { pass: true, feedback: `Yes: step ${step}.` };
    return {
      pass: false,
      feedback: `The stepper is at step ${step}. Look at the unit's row again: at which step does its value first change sign?`,
    };
  },
  examples: [
    {
      state: { sequence: 'flip', step: 4, total: 6, h: [0.57, -0.34, -0.89] },
      params: { sequence: 'flip', step: 4 },
      pass: true,
    },
    {
      state: { sequence: 'flip', step: 3, total: 6, h: [] },
      params: { sequence: 'flip', step: 4 },
      pass: false,
    },
    {
      state: { sequence: 'pulse', step: 4, total: 6, h: [] },
      params: { sequence: 'flip', step: 4 },
      pass: false,
    },
    { state: null, params: { sequence: 'flip', step: 4 }, pass: false },
  ],
};

interface VgSettings {
  length: number;
  gain: number;
  forgetBias: number;
}

function vgSettings(state: unknown): VgSettings | undefined {
  if (!isObj(state)) return undefined;
  const length = num(state['length']);
  const gain = num(state['gain']);
  const forgetBias = num(state['forgetBias']);
  if (length === undefined || gain === undefined || forgetBias === undefined) return undefined;
  if (!Number.isInteger(length) || length < 5 || length > 100) return undefined;
  if (gain < 0.5 || gain > 3 || forgetBias < 0 || forgetBias > 4) return undefined;
  return { length, gain, forgetBias };
}

function firstNorms(s: VgSettings): { rnn: number; lstm: number } {
  const n = gradientNorms({ ...vanishingDefaults, ...s });
  return { rnn: n.rnn[0] ?? NaN, lstm: n.lstm[0] ?? NaN };
}

/** Passes when, with the reader's settings, the RNN's ‖∂L/∂h_1‖ is at least params.min (default 1). */
export const vanishingRnnExplodes: Grader = {
  description:
    "VanishingGradient: recomputed from the widget's settings, the tanh RNN's gradient norm at step 1 is at least params.min (default 1), i.e. it grew on the way back.",
  grade(state, params: GraderParams) {
    const s = vgSettings(state);
    if (!s) return { pass: false, feedback: 'The gradient view has no settings to check yet.' };
    const min = num(params['min']) ?? 1;
    const { rnn } = firstNorms(s);
    if (rnn >= min)
      return {
        pass: true,
        feedback: `With gain ${s.gain} the RNN's gradient norm at step 1 is ${sci(rnn)}: it grew on its way back.`,
      };
    return {
      pass: false,
      feedback: `With gain ${s.gain} and T = ${s.length} the RNN's gradient norm at step 1 is ${sci(rnn)}, still below ${sci(min)}.`,
    };
  },
  examples: [
    { state: { length: 100, gain: 3, forgetBias: 1 }, pass: true },
    { state: { length: 100, gain: 1, forgetBias: 1 }, pass: false },
    { state: { length: 100, gain: 9, forgetBias: 1 }, pass: false, note: 'out of range' },
    { state: null, pass: false },
  ],
};

/**
 * Passes when, with the reader's settings, the RNN's gradient at step 1 is below params.rnnBelow
 * and the LSTM's above params.lstmAbove.
 */
export const vanishingGap: Grader = {
  description:
    "VanishingGradient: recomputed from the widget's settings, at step 1 the RNN's gradient norm is below params.rnnBelow and the LSTM's above params.lstmAbove.",
  checkParams(p) {
    return num(p['rnnBelow']) && num(p['lstmAbove'])
      ? []
      : ['params.rnnBelow and params.lstmAbove must be positive numbers'];
  },
  grade(state, params) {
    const s = vgSettings(state);
    if (!s) return { pass: false, feedback: 'The gradient view has no settings to check yet.' };
    const rnnBelow = num(params['rnnBelow']) ?? 1e-6;
    const lstmAbove = num(params['lstmAbove']) ?? 1e-4;
    const { rnn, lstm } = firstNorms(s);
    const said = `At step 1 of ${s.length} the RNN's gradient norm is ${sci(rnn)} and the LSTM's ${sci(lstm)}.`;
    if (rnn < rnnBelow && lstm > lstmAbove) return { pass: true, feedback: said };
    const why =
      rnn >= rnnBelow
        ? ` The RNN's must fall below ${sci(rnnBelow)}: try a longer sequence or a smaller gain.`
        : ` The LSTM's must stay above ${sci(lstmAbove)}: try a larger forget-gate bias.`;
    return { pass: false, feedback: said + why };
  },
  examples: [
    {
      state: { length: 100, gain: 1, forgetBias: 3 },
      params: { rnnBelow: 1e-6, lstmAbove: 1e-4 },
      pass: true,
    },
    {
      state: { length: 20, gain: 1, forgetBias: 1 },
      params: { rnnBelow: 1e-6, lstmAbove: 1e-4 },
      pass: false,
    },
    {
      state: { length: 100, gain: 1, forgetBias: 0 },
      params: { rnnBelow: 1e-6, lstmAbove: 1e-4 },
      pass: false,
    },
    { state: 'nonsense', params: { rnnBelow: 1e-6, lstmAbove: 1e-4 }, pass: false },
  ],
};

/**
 * Passes when the memory task has results at the delay the reader chose, with the RNN below
 * params.rnnBelow (default 0.6) and the LSTM at or above params.lstmAbove (default 0.9).
 */
export const memoryTaskGap: Grader = {
  description:
    'MemoryTask: at the delay chosen in the widget, both networks finished training, the RNN below params.rnnBelow (default 0.6) and the LSTM at least params.lstmAbove (default 0.9).',
  grade(state, params) {
    if (!isObj(state) || !Array.isArray(state['results']) || num(state['delay']) === undefined)
      return { pass: false, feedback: 'The memory task has not reported any results yet.' };
    const delay = state['delay'] as number;
    const row = (state['results'] as unknown[]).find((r) => isObj(r) && r['delay'] === delay);
    const rnn = isObj(row) ? num(row['rnn']) : undefined;
    const lstm = isObj(row) ? num(row['lstm']) : undefined;
    if (rnn === undefined || lstm === undefined)
      return {
        pass: false,
        feedback: `Delay ${delay} has no results yet: press Train and wait until both networks have finished it.`,
      };
    const rnnBelow = num(params['rnnBelow']) ?? 0.6;
    const lstmAbove = num(params['lstmAbove']) ?? 0.9;
    const pct = (v: number): string => `${Math.round(v * 100)}%`;
    const said = `At delay ${delay} the RNN scores ${pct(rnn)} and the LSTM ${pct(lstm)}.`;
    if (rnn < rnnBelow && lstm >= lstmAbove) return { pass: true, feedback: said };
    return {
      pass: false,
      feedback: `${said} Choose a delay where the RNN is near chance (below ${pct(rnnBelow)}) but the LSTM is at ${pct(lstmAbove)} or more.`,
    };
  },
  examples: [
    {
      state: { seed: 1, finished: true, delay: 20, results: [{ delay: 20, rnn: 0.5, lstm: 1 }] },
      pass: true,
    },
    {
      state: { seed: 1, finished: true, delay: 10, results: [{ delay: 10, rnn: 1, lstm: 1 }] },
      pass: false,
    },
    {
      state: {
        seed: 1,
        finished: true,
        delay: 40,
        results: [{ delay: 40, rnn: 0.45, lstm: 0.46 }],
      },
      pass: false,
    },
    {
      state: {
        seed: 1,
        finished: false,
        delay: 20,
        results: [{ delay: 20, rnn: null, lstm: null }],
      },
      pass: false,
    },
    { state: null, pass: false },
  ],
};

export const rnnGraders: Readonly<Record<string, Grader>> = {
  'rnn-stepper-at': rnnStepperAt,
  'vanishing-rnn-explodes': vanishingRnnExplodes,
  'vanishing-gap': vanishingGap,
  'memory-task-gap': memoryTaskGap,
};
