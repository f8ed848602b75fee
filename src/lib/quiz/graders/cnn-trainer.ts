// Pure: no DOM. Graders for questions answered with the CNN trainer and the draw-a-digit pad
// (lesson 2.3). The trainer's quizState() is a CnnTrainerQuizState
// (src/lib/cnn-trainer/quiz-state.ts); the pad's is { empty, predicted, confidence, … }.
import type { Grader } from './types.ts';

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const notLoaded = {
  pass: false,
  feedback: 'The trainer has not reported a run yet: scroll to it and press Play.',
};

const base = {
  kind: 'cnn',
  status: 'ready',
  batch: 600,
  epoch: 2.4,
  seconds: 9,
  testAccuracy: 0.962,
  trained: false,
  learningRate: 0.003,
  seed: 1,
  diverged: false,
  scratch: { cnn: { epoch: 2.4, accuracy: 0.962, seconds: 9 }, dense: null },
  selected: null,
  topMistake: [4, 9],
};

/** Train the CNN from scratch until its test accuracy reaches `minAccuracy`. */
const accuracy: Grader = {
  description:
    'The CNN trainer shows the convolutional network, trained from scratch (not the loaded weights), at test accuracy ≥ params.minAccuracy.',
  checkParams: (p) =>
    isNum(p['minAccuracy']) && p['minAccuracy'] > 0 && p['minAccuracy'] < 1
      ? []
      : ['minAccuracy must be a number between 0 and 1'],
  grade(state, params) {
    const s = obj(state);
    const min = Number(params['minAccuracy']);
    if (!s || typeof s['kind'] !== 'string') return notLoaded;
    if (s['kind'] !== 'cnn')
      return { pass: false, feedback: 'Switch the trainer to the convolutional network.' };
    if (s['trained'] === true)
      return {
        pass: false,
        feedback:
          'These are the loaded, already trained weights. Press Train from scratch, then Play.',
      };
    const acc = s['testAccuracy'];
    if (!isNum(acc)) return { pass: false, feedback: 'No test accuracy yet: press Play.' };
    if (acc >= min) return { pass: true, feedback: `Test accuracy ${pct(acc)}.` };
    return {
      pass: false,
      score: Math.max(0, Math.min(0.5, acc - 0.1)),
      feedback: `Test accuracy is ${pct(acc)}; keep training until it reaches ${pct(min)}.`,
    };
  },
  examples: [
    { state: base, params: { minAccuracy: 0.95 }, pass: true },
    {
      state: { ...base, testAccuracy: 0.91 },
      params: { minAccuracy: 0.95 },
      pass: false,
      note: 'not there yet',
    },
    {
      state: { ...base, trained: true, testAccuracy: 0.985 },
      params: { minAccuracy: 0.95 },
      pass: false,
      note: 'loaded weights do not count',
    },
    {
      state: { ...base, kind: 'dense' },
      params: { minAccuracy: 0.95 },
      pass: false,
      note: 'wrong network',
    },
    { state: null, params: { minAccuracy: 0.95 }, pass: false, note: 'widget not loaded' },
  ],
};

const record = (v: unknown) => {
  const r = obj(v);
  return r && isNum(r['epoch']) && isNum(r['accuracy'])
    ? { epoch: r['epoch'], accuracy: r['accuracy'] }
    : undefined;
};

/** Train both networks from scratch for at least `minEpochs` epochs each. */
const compare: Grader = {
  description:
    'The CNN trainer holds a from-scratch run of both the CNN and the dense network, each of at least params.minEpochs epochs.',
  checkParams: (p) =>
    isNum(p['minEpochs']) && p['minEpochs'] > 0 ? [] : ['minEpochs must be a positive number'],
  grade(state, params) {
    const s = obj(state);
    const scratch = obj(s?.['scratch']);
    if (!s || !scratch) return notLoaded;
    const min = Number(params['minEpochs']);
    const cnn = record(scratch['cnn']);
    const dense = record(scratch['dense']);
    const missing = [
      !cnn || cnn.epoch < min ? 'the convolutional network' : '',
      !dense || dense.epoch < min ? 'the dense network' : '',
    ].filter(Boolean);
    if (missing.length)
      return {
        pass: false,
        score: missing.length === 1 ? 0.5 : 0,
        feedback: `Train ${missing.join(' and ')} from scratch for at least ${min} epoch${min === 1 ? '' : 's'}.`,
      };
    return {
      pass: true,
      feedback: `CNN ${pct(cnn!.accuracy)} after ${cnn!.epoch.toFixed(1)} epochs; dense ${pct(dense!.accuracy)} after ${dense!.epoch.toFixed(1)}.`,
    };
  },
  examples: [
    {
      state: {
        ...base,
        scratch: {
          cnn: { epoch: 1.2, accuracy: 0.96, seconds: 5 },
          dense: { epoch: 1, accuracy: 0.87, seconds: 1 },
        },
      },
      params: { minEpochs: 1 },
      pass: true,
    },
    { state: base, params: { minEpochs: 1 }, pass: false, note: 'dense not trained' },
    {
      state: {
        ...base,
        scratch: {
          cnn: { epoch: 0.4, accuracy: 0.9, seconds: 2 },
          dense: { epoch: 1, accuracy: 0.87, seconds: 1 },
        },
      },
      params: { minEpochs: 1 },
      pass: false,
      note: 'CNN too short',
    },
  ],
};

/** Select the confusion-matrix cell with the most mistakes, once the network is decent. */
const topMistake: Grader = {
  description:
    'The selected confusion-matrix cell of the CNN trainer is the largest off-diagonal cell, with test accuracy ≥ params.minAccuracy.',
  checkParams: (p) => (isNum(p['minAccuracy']) ? [] : ['minAccuracy must be a number']),
  grade(state, params) {
    const s = obj(state);
    if (!s) return notLoaded;
    const acc = s['testAccuracy'];
    const min = Number(params['minAccuracy']);
    if (!isNum(acc) || acc < min)
      return {
        pass: false,
        feedback: `First get a network to ${pct(min)} test accuracy (load the trained one, or train).`,
      };
    const sel = s['selected'];
    const top = s['topMistake'];
    if (!Array.isArray(sel))
      return { pass: false, feedback: 'Select a cell of the confusion matrix.' };
    if (!Array.isArray(top)) return { pass: false, feedback: 'The network makes no mistakes.' };
    if (sel[0] === top[0] && sel[1] === top[1])
      return { pass: true, feedback: `Right: ${String(top[0])}s taken for ${String(top[1])}s.` };
    if (sel[0] === sel[1])
      return { pass: false, feedback: 'The diagonal holds the correct answers, not mistakes.' };
    return { pass: false, feedback: 'Another off-diagonal cell holds more digits.' };
  },
  examples: [
    { state: { ...base, selected: [4, 9] }, params: { minAccuracy: 0.9 }, pass: true },
    {
      state: { ...base, selected: [9, 4] },
      params: { minAccuracy: 0.9 },
      pass: false,
      note: 'rows are true digits',
    },
    {
      state: { ...base, selected: [4, 4] },
      params: { minAccuracy: 0.9 },
      pass: false,
      note: 'diagonal',
    },
    {
      state: { ...base, selected: [4, 9], testAccuracy: 0.5 },
      params: { minAccuracy: 0.9 },
      pass: false,
      note: 'untrained',
    },
  ],
};

/** Draw a digit that the network reads as `digit` with probability ≥ `minConfidence`. */
const drawPadReads: Grader = {
  description:
    'The draw-a-digit pad currently reads the drawing as params.digit with probability ≥ params.minConfidence.',
  checkParams: (p) =>
    Number.isInteger(p['digit']) && isNum(p['minConfidence'])
      ? []
      : ['digit (0–9) and minConfidence are required'],
  grade(state, params) {
    const s = obj(state);
    const digit = Number(params['digit']);
    const min = Number(params['minConfidence']);
    if (!s) return { pass: false, feedback: 'The pad has not loaded yet.' };
    if (s['empty'] !== false) return { pass: false, feedback: 'Draw a digit on the pad first.' };
    const got = s['predicted'];
    const conf = s['confidence'];
    if (!isNum(got) || !isNum(conf))
      return { pass: false, feedback: 'The network has not read the drawing yet.' };
    if (got !== digit)
      return { pass: false, feedback: `The network reads your drawing as a ${got}.` };
    if (conf < min)
      return {
        pass: false,
        score: 0.5,
        feedback: `It reads a ${digit}, but only with ${pct(conf)}; make it clearer.`,
      };
    return { pass: true, feedback: `Read as a ${digit} with ${pct(conf)}.` };
  },
  examples: [
    {
      state: { empty: false, strokes: 2, predicted: 3, confidence: 0.93 },
      params: { digit: 3, minConfidence: 0.8 },
      pass: true,
    },
    {
      state: { empty: false, strokes: 2, predicted: 8, confidence: 0.93 },
      params: { digit: 3, minConfidence: 0.8 },
      pass: false,
      note: 'wrong digit',
    },
    {
      state: { empty: false, strokes: 2, predicted: 3, confidence: 0.6 },
      params: { digit: 3, minConfidence: 0.8 },
      pass: false,
      note: 'unsure',
    },
    {
      state: { empty: true, strokes: 0, predicted: null, confidence: null },
      params: { digit: 3, minConfidence: 0.8 },
      pass: false,
      note: 'blank pad',
    },
  ],
};

export const cnnTrainerGraders: Readonly<Record<string, Grader>> = {
  'cnn-trainer-accuracy': accuracy,
  'cnn-trainer-compare': compare,
  'cnn-trainer-top-mistake': topMistake,
  'draw-pad-reads': drawPadReads,
};
