// Pure: no DOM. Graders for lesson 5.1's transfer-learning lab (TransferLab widget). They read
// quizState(): the seed of the points shown, the reader's N, the linear classifier chosen, and
// every point computed ({ n, fineTune, scratch, svm, logreg } as fractions).
import type { Grader, GraderParams } from './types.ts';

interface Point {
  n: number;
  fineTune: number;
  scratch: number;
  svm: number;
  logreg: number;
}
interface LabState {
  seed: number;
  n: number;
  linear: 'svm' | 'logreg';
  points: Point[];
}

const KEYS = ['n', 'fineTune', 'scratch', 'svm', 'logreg'] as const;

function asLab(state: unknown): LabState | undefined {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return undefined;
  const o = state as Record<string, unknown>;
  if (typeof o['seed'] !== 'number' || typeof o['n'] !== 'number') return undefined;
  if (!Array.isArray(o['points'])) return undefined;
  const points: Point[] = [];
  for (const p of o['points'] as unknown[]) {
    if (typeof p !== 'object' || p === null) return undefined;
    const r = p as Record<string, unknown>;
    if (!KEYS.every((k) => typeof r[k] === 'number')) return undefined;
    points.push(r as unknown as Point);
  }
  return {
    seed: o['seed'],
    n: o['n'],
    linear: o['linear'] === 'logreg' ? 'logreg' : 'svm',
    points,
  };
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const NOT_RUN = 'Run the transfer figure first (press Run), then check.';

const pt = (n: number, fineTune: number, scratch: number, svm = 0.9, logreg = 0.9): Point => ({
  n,
  fineTune,
  scratch,
  svm,
  logreg,
});
const lab = (n: number, points: Point[], over: Record<string, unknown> = {}) => ({
  seed: 1,
  n,
  linear: 'svm',
  done: true,
  points,
  ...over,
});

export const transferGraders: Readonly<Record<string, Grader>> = {
  'transfer-point-at-n': {
    description:
      'The transfer lab shows a computed point at the reader’s N, which equals params.n, and (with params.order) fine-tuning beats from scratch there.',
    checkParams: (p) =>
      typeof p['n'] === 'number' && Number.isInteger(p['n']) && p['n'] >= 1 && p['n'] <= 100
        ? []
        : ['params.n must be an integer 1–100'],
    grade(state, p: GraderParams) {
      const s = asLab(state);
      const n = p['n'] as number;
      if (!s || s.points.length === 0) return { pass: false, feedback: NOT_RUN };
      if (s.n !== n) return { pass: false, feedback: `Set N to ${n} (it is ${s.n}).` };
      const at = s.points.find((q) => q.n === n);
      if (!at)
        return { pass: false, feedback: `N = ${n} is not computed yet: press Run to add it.` };
      const text = `At N = ${n}: fine-tuned head ${pct(at.fineTune)}, from scratch ${pct(at.scratch)}.`;
      if (p['order'] === true && !(at.fineTune > at.scratch))
        return { pass: false, feedback: `${text} Here from scratch is not behind; try seed 1.` };
      return { pass: true, feedback: text };
    },
    examples: [
      { state: lab(3, [pt(1, 0.4, 0.4), pt(3, 0.8, 0.7)]), params: { n: 3 }, pass: true },
      {
        state: lab(3, [pt(3, 0.8, 0.7)]),
        params: { n: 3, order: true },
        pass: true,
      },
      { state: lab(5, [pt(3, 0.8, 0.7)]), params: { n: 3 }, pass: false, note: 'N not set' },
      { state: lab(3, [pt(5, 0.8, 0.7)]), params: { n: 3 }, pass: false, note: 'not computed' },
      {
        state: lab(3, [pt(3, 0.7, 0.8)]),
        params: { n: 3, order: true },
        pass: false,
        note: 'order reversed',
      },
      { state: lab(3, []), params: { n: 3 }, pass: false, note: 'not run' },
      { state: null, params: { n: 3 }, pass: false },
    ],
  },
  'transfer-scratch-crossing': {
    description:
      'The reader’s N is where from scratch first reaches params.target among the points computed: the point at N reaches it and the point at N − 1 (also computed) does not.',
    checkParams: (p) =>
      typeof p['target'] === 'number' && p['target'] > 0 && p['target'] < 1
        ? []
        : ['params.target must be a fraction between 0 and 1'],
    grade(state, p: GraderParams) {
      const s = asLab(state);
      const target = p['target'] as number;
      if (!s || s.points.length === 0) return { pass: false, feedback: NOT_RUN };
      const at = s.points.find((q) => q.n === s.n);
      if (!at)
        return {
          pass: false,
          feedback: `N = ${s.n} is not computed yet: press Run to add it, then check again.`,
        };
      if (at.scratch < target)
        return {
          pass: false,
          feedback: `At N = ${s.n} from scratch reaches ${pct(at.scratch)}, below ${pct(target)}: try a larger N.`,
        };
      if (s.n === 1) return { pass: true, feedback: `Already at N = 1: ${pct(at.scratch)}.` };
      const before = s.points.find((q) => q.n === s.n - 1);
      if (!before)
        return {
          pass: false,
          feedback: `From scratch reaches ${pct(at.scratch)} at N = ${s.n}. Is it the first? Set N to ${s.n - 1} and Run to compute that point too, then come back to ${s.n}.`,
        };
      if (before.scratch >= target)
        return {
          pass: false,
          feedback: `It already reaches ${pct(before.scratch)} at N = ${s.n - 1}: try a smaller N.`,
        };
      return {
        pass: true,
        feedback: `From scratch goes from ${pct(before.scratch)} at N = ${s.n - 1} to ${pct(at.scratch)} at N = ${s.n}.`,
      };
    },
    examples: [
      {
        state: lab(17, [pt(16, 0.95, 0.89), pt(17, 0.95, 0.91)]),
        params: { target: 0.9 },
        pass: true,
      },
      {
        state: lab(17, [pt(17, 0.95, 0.91)]),
        params: { target: 0.9 },
        pass: false,
        note: 'N − 1 not computed',
      },
      {
        state: lab(17, [pt(16, 0.95, 0.9), pt(17, 0.95, 0.91)]),
        params: { target: 0.9 },
        pass: false,
        note: 'N − 1 already reaches it',
      },
      {
        state: lab(16, [pt(16, 0.95, 0.89), pt(17, 0.95, 0.91)]),
        params: { target: 0.9 },
        pass: false,
        note: 'below the target',
      },
      { state: { seed: 1 }, params: { target: 0.9 }, pass: false },
    ],
  },
};
