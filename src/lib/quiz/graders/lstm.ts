// Pure: no DOM. Graders for the widget questions of the "Long short-term memory" lesson. The
// character model's sample text is in the state, so repetition is recomputed here with the
// widget's own function; the gate viewer's correlation needs the model and is read from the state
// (bounded to [−1, 1]) together with the text it was measured on, which is checked here.
import type { Grader } from './types.ts';
import { repetitionScore, REPEATS_AT } from '../../charlm/describe.ts';
import { featureOf } from '../../charlm/gates.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const LOOPING =
  'the network is the network is the network is the network is the network is the network is the network is the network is the network is the network is the network is the network is';
const VARIED =
  'weights of each layer are set so that the loss falls; a gradient step moves them downhill, and the slope of the activation decides how far the signal reaches back through the network';

/** CharLstm: the latest sample repeats itself (≥ half of its second half reruns earlier text). */
export const lstmSampleRepeats: Grader = {
  description:
    'CharLstm: the latest sample repeats itself (repetition score of its text ≥ 0.5, recomputed), at the temperature the reader set.',
  grade(state) {
    if (
      !isObject(state) ||
      !isObject(state['sample']) ||
      typeof state['sample']['text'] !== 'string'
    )
      return { pass: false, feedback: 'The model has not produced a sample yet.' };
    const sample = state['sample'];
    const score = repetitionScore(sample['text'] as string);
    const t = finite(sample['temperature']) ? sample['temperature'] : NaN;
    if (score >= REPEATS_AT)
      return {
        pass: true,
        feedback: `At temperature ${t.toFixed(2)} ${Math.round(score * 100)}% of the sample's second half repeats what it already wrote.`,
      };
    return {
      pass: false,
      feedback: `Only ${Math.round(score * 100)}% of the latest sample's second half is repetition. Which end of the temperature slider makes the model always pick its favourite next character?`,
    };
  },
  examples: [
    { state: { sample: { text: LOOPING, temperature: 0 } }, pass: true },
    { state: { sample: { text: VARIED, temperature: 1 } }, pass: false },
    { state: { sample: null }, pass: false },
    { state: null, pass: false },
  ],
};

/** CharLstm: a model trained from scratch in the page reached a loss at or below params.maxLoss. */
export const lstmScratchTrained: Grader = {
  description:
    'CharLstm: the reader trained a model from scratch to a training loss at or below params.maxLoss (nats per character).',
  checkParams(params) {
    return finite(params['maxLoss']) && params['maxLoss'] > 0
      ? []
      : ['params.maxLoss must be a positive number'];
  },
  grade(state, params) {
    const max = params['maxLoss'] as number;
    if (!isObject(state)) return { pass: false, feedback: 'The model has not loaded yet.' };
    if (state['source'] !== 'scratch')
      return {
        pass: false,
        feedback: 'Press "Train from scratch": the question is about a fresh model.',
      };
    const loss = state['loss'];
    if (!finite(loss)) return { pass: false, feedback: 'Train for a while first.' };
    if (loss <= max)
      return {
        pass: true,
        feedback: `Loss ${loss.toFixed(2)} (perplexity ${Math.exp(loss).toFixed(1)}) after ${String(state['step'])} steps.`,
      };
    return {
      pass: false,
      feedback: `The loss is ${loss.toFixed(2)}; keep training until it is at most ${max} (perplexity ${Math.exp(max).toFixed(1)}).`,
    };
  },
  examples: [
    { params: { maxLoss: 2.5 }, state: { source: 'scratch', loss: 2.4, step: 300 }, pass: true },
    { params: { maxLoss: 2.5 }, state: { source: 'scratch', loss: 2.9, step: 50 }, pass: false },
    { params: { maxLoss: 2.5 }, state: { source: 'trained', loss: 1.6, step: 3000 }, pass: false },
    { params: { maxLoss: 2.5 }, state: { source: 'scratch', loss: null }, pass: false },
  ],
};

/**
 * GateViewer: on a text with at least params.formulas formulas, one unit is shown whose cell
 * state correlates with "inside a formula" at |r| ≥ params.minCorrelation.
 */
export const lstmFormulaUnit: Grader = {
  description:
    'GateViewer: "all gates of one unit" is shown for a unit whose cell state follows "inside a formula" (|r| ≥ params.minCorrelation) on a text with at least params.formulas formulas.',
  checkParams(params) {
    const p: string[] = [];
    if (!finite(params['minCorrelation'])) p.push('params.minCorrelation must be a number');
    if (!finite(params['formulas'])) p.push('params.formulas must be a number');
    return p;
  },
  grade(state, params) {
    if (!isObject(state) || typeof state['text'] !== 'string')
      return { pass: false, feedback: 'The gate viewer has not read any text yet.' };
    const text = state['text'];
    const formulas = Math.floor((text.match(/\$/g) ?? []).length / 2);
    const need = params['formulas'] as number;
    if (formulas < need)
      return {
        pass: false,
        feedback: `The text has ${formulas} formula(s) in dollar signs; use at least ${need}.`,
      };
    if (!featureOf(text, 'formula').some((v) => v === 0))
      return { pass: false, feedback: 'Put some ordinary words outside the formulas too.' };
    if (state['mode'] !== 'unit' || !finite(state['unit']))
      return {
        pass: false,
        feedback: 'Switch "Show" to "all gates of one unit" and choose the unit.',
      };
    const r = state['unitCorrelation'];
    if (!finite(r) || Math.abs(r) > 1)
      return { pass: false, feedback: 'Choose "inside a formula" as the property.' };
    const min = params['minCorrelation'] as number;
    if (state['feature'] !== 'formula')
      return { pass: false, feedback: 'Choose "inside a formula" as the property.' };
    if (Math.abs(r) >= min)
      return {
        pass: true,
        feedback: `Unit ${String(state['unit'])}'s cell state correlates with being inside a formula at r = ${r.toFixed(2)}.`,
      };
    return {
      pass: false,
      feedback: `Unit ${String(state['unit'])} correlates at only r = ${r.toFixed(2)}. The top-units view ranks them for you.`,
    };
  },
  examples: [
    {
      params: { minCorrelation: 0.5, formulas: 2 },
      state: {
        text: 'a $x$ and $y$ b',
        mode: 'unit',
        feature: 'formula',
        unit: 3,
        unitCorrelation: -0.7,
      },
      pass: true,
    },
    {
      params: { minCorrelation: 0.5, formulas: 2 },
      state: {
        text: 'a $x$ and $y$ b',
        mode: 'unit',
        feature: 'formula',
        unit: 3,
        unitCorrelation: 0.2,
      },
      pass: false,
    },
    {
      params: { minCorrelation: 0.5, formulas: 2 },
      state: {
        text: 'only $x$ here',
        mode: 'unit',
        feature: 'formula',
        unit: 3,
        unitCorrelation: 0.9,
      },
      pass: false,
    },
    {
      params: { minCorrelation: 0.5, formulas: 2 },
      state: {
        text: 'a $x$ and $y$ b',
        mode: 'top',
        feature: 'formula',
        unit: 3,
        unitCorrelation: 0.9,
      },
      pass: false,
    },
  ],
};

export const lstmGraders: Readonly<Record<string, Grader>> = {
  'lstm-sample-repeats': lstmSampleRepeats,
  'lstm-scratch-trained': lstmScratchTrained,
  'lstm-formula-unit': lstmFormulaUnit,
};
