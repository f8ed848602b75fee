// Pure: no DOM. A single threshold unit with two binary inputs, y = step(w1·x1 + w2·x2 + b), and
// the grader that checks its truth table. Used by the LogicUnit widget, the quiz and tests.
import type { Grader, GraderParams } from './types.ts';

/** What the LogicUnit widget reports through `quizState()`. */
export interface LogicUnitState {
  w1: number;
  w2: number;
  b: number;
}

/** The four input pairs in truth-table order: (0,0), (0,1), (1,0), (1,1). */
export const LOGIC_INPUTS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

/**
 * Step activation: 1 when the weighted sum is at least 0, else 0 (the course's one convention,
 * as in the neuron and activation lessons).
 */
export function unitOutput(s: LogicUnitState, x1: number, x2: number): 0 | 1 {
  return s.w1 * x1 + s.w2 * x2 + s.b >= 0 ? 1 : 0;
}

/** The unit's outputs for the four inputs, in LOGIC_INPUTS order. */
export function truthTable(s: LogicUnitState): Array<0 | 1> {
  return LOGIC_INPUTS.map(([x1, x2]) => unitOutput(s, x1, x2));
}

/** Narrows an untrusted value to a LogicUnitState with finite numbers, else undefined. */
export function asLogicUnitState(v: unknown): LogicUnitState | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { w1, w2, b } = v as Record<string, unknown>;
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  return ok(w1) && ok(w2) && ok(b) ? { w1, w2, b } : undefined;
}

function target(params: GraderParams): Array<0 | 1> | undefined {
  const t = params['target'];
  if (!Array.isArray(t) || t.length !== 4 || !t.every((v) => v === 0 || v === 1)) return undefined;
  return t as Array<0 | 1>;
}

/** Passes when the unit's truth table equals `params.target` (four 0/1 values). */
export const logicUnitTruthTable: Grader = {
  description:
    'LogicUnit widget: the unit outputs params.target (four 0/1 values for inputs 00, 01, 10, 11).',
  checkParams(params) {
    return target(params) ? [] : ['params.target must be four values, each 0 or 1'];
  },
  grade(state, params) {
    const s = asLogicUnitState(state);
    const t = target(params);
    if (!t) return { pass: false, feedback: 'This question has no valid target truth table.' };
    if (!s) return { pass: false, feedback: 'The unit has no weights to check yet.' };
    const got = truthTable(s);
    const wrong = LOGIC_INPUTS.flatMap(([x1, x2], i) =>
      got[i] === t[i] ? [] : [`input (${x1}, ${x2}) gives ${got[i]}, it should give ${t[i]}`],
    );
    if (wrong.length === 0) return { pass: true, feedback: 'All four rows match.' };
    return {
      pass: false,
      score: (4 - wrong.length) / 4,
      feedback: `${4 - wrong.length} of 4 rows match: ${wrong.join('; ')}.`,
    };
  },
  examples: [
    { params: { target: [0, 0, 0, 1] }, state: { w1: 1, w2: 1, b: -1.5 }, pass: true, note: 'AND' },
    { params: { target: [0, 1, 1, 1] }, state: { w1: 1, w2: 1, b: -0.5 }, pass: true, note: 'OR' },
    {
      params: { target: [0, 0, 0, 1] },
      state: { w1: 1, w2: 1, b: -0.5 },
      pass: false,
      note: 'OR is not AND',
    },
    {
      params: { target: [0, 0, 0, 1] },
      state: { w1: 1, w2: 1, b: -2 },
      pass: true,
      note: 'a sum of exactly 0 gives 1 (threshold z ≥ 0), so b = −2 is still AND',
    },
    {
      params: { target: [0, 0, 0, 1] },
      state: { w1: 1, w2: 1, b: -1 },
      pass: false,
      note: 'with z ≥ 0, b = −1 lets (0, 1) and (1, 0) through: OR',
    },
    {
      params: { target: [0, 0, 0, 1] },
      state: { w1: 'x', w2: 1, b: 0 },
      pass: false,
      note: 'not a state',
    },
    {
      params: { target: [0, 1, 1, 0] },
      state: { w1: 1, w2: 1, b: -0.5 },
      pass: false,
      note: 'XOR cannot be reached by one unit',
    },
  ],
};
