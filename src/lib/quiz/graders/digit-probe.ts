// Pure: no DOM. Graders for the challenges lesson's digit probe (DigitProbe widget, FGSM mode).
// They read the attack the reader set up from quizState(): the test digit's true label, ε, the
// target (if any) and the network's prediction on the attacked image.
import type { Grader, GraderParams } from './types.ts';

interface Attack {
  source: string;
  truth: number | null;
  predicted: number;
  eps: number;
  target: number | null;
  advPredicted: number;
}

function asAttack(state: unknown): Attack | undefined {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return undefined;
  const o = state as Record<string, unknown>;
  if (o['mode'] !== 'attack') return undefined;
  const num = (k: string) => (typeof o[k] === 'number' ? o[k] : undefined);
  const eps = num('eps');
  const predicted = num('predicted');
  const advPredicted = num('advPredicted');
  if (eps === undefined || predicted === undefined || advPredicted === undefined) return undefined;
  return {
    source: typeof o['source'] === 'string' ? o['source'] : 'test',
    truth: num('truth') ?? null,
    predicted,
    eps,
    target: num('target') ?? null,
    advPredicted,
  };
}

const maxEpsOf = (p: GraderParams, fallback: number): number =>
  typeof p['maxEps'] === 'number' ? p['maxEps'] : fallback;

const attack = (over: Partial<Attack> & Record<string, unknown>) => ({
  mode: 'attack',
  source: 'test',
  truth: 7,
  predicted: 7,
  eps: 0.1,
  target: null,
  advPredicted: 3,
  probs: [],
  flipEps: 0.08,
  ...over,
});

export const digitProbeGraders: Readonly<Record<string, Grader>> = {
  'digit-probe-untargeted-flip': {
    description:
      'An untargeted FGSM attack on a test digit of class `truth`, with ε ≤ `maxEps`, that the network reads as another digit.',
    checkParams(p) {
      const errors: string[] = [];
      if (typeof p['truth'] !== 'number' || !Number.isInteger(p['truth']))
        errors.push('params.truth must be a digit 0–9');
      if (!(maxEpsOf(p, 0.2) > 0)) errors.push('params.maxEps must be positive');
      return errors;
    },
    grade(state, p) {
      const a = asAttack(state);
      const truth = p['truth'] as number;
      const maxEps = maxEpsOf(p, 0.2);
      if (!a)
        return { pass: false, feedback: 'Use the FGSM figure: its attack is what is checked.' };
      if (a.source !== 'test' || a.truth !== truth)
        return { pass: false, feedback: `Choose a test digit ${truth} (not a drawing).` };
      if (a.target !== null) return { pass: false, feedback: 'Choose the untargeted attack.' };
      if (a.predicted !== truth)
        return {
          pass: false,
          feedback: `The network already misreads this ${truth}; choose an example it gets right.`,
        };
      if (a.eps > maxEps + 1e-9)
        return { pass: false, feedback: `ε is ${a.eps}; keep it at most ${maxEps}.` };
      if (a.advPredicted === truth)
        return { pass: false, feedback: `At ε = ${a.eps} it still reads ${truth}: raise ε.` };
      return { pass: true, feedback: `At ε = ${a.eps} the ${truth} reads as ${a.advPredicted}.` };
    },
    examples: [
      { state: attack({}), params: { truth: 7, maxEps: 0.2 }, pass: true },
      { state: attack({ advPredicted: 7 }), params: { truth: 7, maxEps: 0.2 }, pass: false },
      { state: attack({ eps: 0.25 }), params: { truth: 7, maxEps: 0.2 }, pass: false },
      { state: attack({ target: 3 }), params: { truth: 7, maxEps: 0.2 }, pass: false },
      { state: attack({ truth: 1 }), params: { truth: 7, maxEps: 0.2 }, pass: false },
      { state: null, params: { truth: 7, maxEps: 0.2 }, pass: false },
    ],
  },
  'digit-probe-targeted': {
    description:
      'A targeted FGSM attack on a correctly read test digit, with ε ≤ `maxEps`, that the network reads as the target.',
    checkParams: (p) => (maxEpsOf(p, 0.3) > 0 ? [] : ['params.maxEps must be positive']),
    grade(state, p) {
      const a = asAttack(state);
      const maxEps = maxEpsOf(p, 0.3);
      if (!a)
        return { pass: false, feedback: 'Use the FGSM figure: its attack is what is checked.' };
      if (a.source !== 'test' || a.truth === null)
        return { pass: false, feedback: 'Choose a test digit (not a drawing).' };
      if (a.target === null) return { pass: false, feedback: 'Choose a target digit.' };
      if (a.target === a.truth)
        return { pass: false, feedback: 'The target must differ from the digit.' };
      if (a.predicted !== a.truth)
        return { pass: false, feedback: 'Choose an example the network reads correctly first.' };
      if (a.eps > maxEps + 1e-9)
        return { pass: false, feedback: `ε is ${a.eps}; keep it at most ${maxEps}.` };
      if (a.advPredicted !== a.target)
        return {
          pass: false,
          feedback: `At ε = ${a.eps} it reads ${a.advPredicted}, not ${a.target}: raise ε or pick another pair.`,
        };
      return { pass: true, feedback: `The ${a.truth} reads as ${a.target} at ε = ${a.eps}.` };
    },
    examples: [
      { state: attack({ target: 3, advPredicted: 3 }), pass: true },
      { state: attack({ target: 3, advPredicted: 2 }), pass: false },
      { state: attack({ target: null }), pass: false },
      { state: attack({ target: 7, advPredicted: 7 }), pass: false },
      { state: attack({ target: 3, advPredicted: 3, eps: 0.4 }), pass: false },
    ],
  },
};
