// Pure: no DOM. Scoring rules for every question type and for a chapter quiz. Used by the quiz
// element (browser), the progress page (recomputing scores after an import) and tests.
//
// Rules (each question scores a credit from 0 to 1; a question is "correct" at credit 1):
// - single choice: 1 if the picked option is the correct one, else 0.
// - multiple select: max(0, (correct picked − wrong picked) / number correct). Picking every
//   option therefore scores at most (c − w)/c, and picking nothing is invalid, not wrong.
// - numeric: 1 if |x − answer| ≤ absolute or |x − answer| ≤ relative · |answer| (bounds inclusive,
//   with a few ulps of slack so 0.4 is within 0.1 of 0.3 despite floating-point rounding). NaN
//   and ±Infinity are never correct. Text that is not a number is invalid: no attempt is used.
// - ordering: longest subsequence of items already in correct relative order / n (the longest
//   increasing subsequence of the authored indices in the reader's order).
// - widget: the registered grader's result: its `score` if given, else 1 for pass and 0 for fail.
// - An invalid response (nothing chosen, unparsable number, widget not loaded) is not scored and
//   costs nothing: the reader is told why and can try again.
// - Chapter quiz: Σ points · credit / Σ points over its non-inline questions (unanswered = 0);
//   passed when that fraction ≥ passMark (default 0.7). Inline checks (`inline: true`) never
//   count toward a chapter score: they carry no penalty.
import type { ChoiceKey, NumericKey, OrderingKey, QuestionKey, QuizKey, WidgetKey } from './key.ts';
import { chapterQuestions } from './key.ts';
import type { GradeResult } from './graders/types.ts';

/** What the reader answered, by question type. Indices are authored (unshuffled) indices. */
export type Response =
  | { type: 'single'; picked: number }
  | { type: 'multiple'; picked: number[] }
  | { type: 'numeric'; value: number }
  | { type: 'ordering'; order: number[] }
  | { type: 'widget'; state: unknown };

export type Outcome =
  | {
      status: 'graded';
      /** Credit 0–1. */
      score: number;
      correct: boolean;
      /** Choice questions: picked options that are correct / wrong (authored indices). */
      rightPicks?: number[];
      wrongPicks?: number[];
      /** Numeric: index of the common-wrong-answer range the value fell in. */
      range?: number;
      /** Widget: the grader's message. */
      feedback?: string;
    }
  | { status: 'invalid'; reason: string };

/** Grades a widget state; the quiz element passes one backed by the lazily loaded registry. */
export type WidgetGrading = (key: WidgetKey, state: unknown) => GradeResult;

/**
 * Parses what the reader typed into a numeric answer: optional sign (also "−"), digits with an
 * optional decimal point, optional exponent ("1e-3"); spaces around are ignored. Returns
 * undefined for anything else (including "1,5": the message asks for a decimal point).
 */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(/^\u2212/, '-');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

/** Length of the longest strictly increasing subsequence (patience sorting, O(n log n)). */
export function longestIncreasingRun(values: readonly number[]): number {
  const tails: number[] = [];
  for (const v of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
  }
  return tails.length;
}

/** True if x is within the numeric question's tolerance of its answer (inclusive). */
export function withinTolerance(
  key: Pick<NumericKey, 'answer' | 'absolute' | 'relative'>,
  x: number,
): boolean {
  if (!Number.isFinite(x)) return false;
  const d = Math.abs(x - key.answer);
  const slack = 4 * Number.EPSILON * Math.max(1, Math.abs(x), Math.abs(key.answer));
  if (key.absolute !== undefined && d <= key.absolute + slack) return true;
  if (key.relative !== undefined && d <= key.relative * Math.abs(key.answer) + slack) return true;
  return false;
}

function choice(key: ChoiceKey, r: Response): Outcome {
  const picked =
    r.type === 'single' && key.type === 'single'
      ? [r.picked]
      : r.type === 'multiple' && key.type === 'multiple'
        ? [...new Set(r.picked)]
        : undefined;
  if (!picked) return { status: 'invalid', reason: 'wrong response type' };
  if (picked.length === 0)
    return {
      status: 'invalid',
      reason:
        key.type === 'single' ? 'Choose an option first.' : 'Select at least one option first.',
    };
  if (picked.some((i) => !Number.isInteger(i) || i < 0 || i >= key.optionCount))
    return { status: 'invalid', reason: 'unknown option' };
  const rightPicks = picked.filter((i) => key.correct.includes(i));
  const wrongPicks = picked.filter((i) => !key.correct.includes(i));
  const score = Math.max(0, (rightPicks.length - wrongPicks.length) / key.correct.length);
  return { status: 'graded', score, correct: score === 1, rightPicks, wrongPicks };
}

function numeric(key: NumericKey, r: Response): Outcome {
  if (r.type !== 'numeric') return { status: 'invalid', reason: 'wrong response type' };
  const x = r.value;
  if (Number.isNaN(x)) return { status: 'graded', score: 0, correct: false };
  if (withinTolerance(key, x)) return { status: 'graded', score: 1, correct: true };
  const range = key.wrongRanges.findIndex((w) => w.min <= x && x <= w.max);
  return { status: 'graded', score: 0, correct: false, ...(range >= 0 ? { range } : {}) };
}

function ordering(key: OrderingKey, r: Response): Outcome {
  if (r.type !== 'ordering') return { status: 'invalid', reason: 'wrong response type' };
  const n = key.itemCount;
  const sorted = [...r.order].sort((a, b) => a - b);
  if (sorted.length !== n || sorted.some((v, i) => v !== i))
    return { status: 'invalid', reason: 'the order must contain every item once' };
  const score = longestIncreasingRun(r.order) / n;
  return { status: 'graded', score, correct: score === 1 };
}

function widget(key: WidgetKey, r: Response, grade?: WidgetGrading): Outcome {
  if (r.type !== 'widget') return { status: 'invalid', reason: 'wrong response type' };
  if (!grade) return { status: 'invalid', reason: 'no grader available' };
  const g = grade(key, r.state);
  const score = Math.min(1, Math.max(0, g.score ?? (g.pass ? 1 : 0)));
  return {
    status: 'graded',
    score: g.pass ? 1 : Math.min(score, 0.999),
    correct: g.pass,
    ...(g.feedback ? { feedback: g.feedback } : {}),
  };
}

/** Grades one response against its question's key (see the rules at the top of this file). */
export function scoreQuestion(
  key: QuestionKey,
  response: Response,
  grade?: WidgetGrading,
): Outcome {
  switch (key.type) {
    case 'single':
    case 'multiple':
      return choice(key, response);
    case 'numeric':
      return numeric(key, response);
    case 'ordering':
      return ordering(key, response);
    case 'widget':
      return widget(key, response, grade);
  }
}

export interface QuizResult {
  /** Σ points · credit. */
  points: number;
  /** Σ points of the chapter questions. */
  maxPoints: number;
  /** points / maxPoints, 0–1 (0 for an empty quiz). */
  fraction: number;
  passed: boolean;
  passMark: number;
  /** Chapter questions answered. */
  answered: number;
  total: number;
  /** Chapter questions answered with credit < 1 or not answered, in authored order. */
  revisit: Array<{ id: string; section: string }>;
}

/**
 * Scores a chapter quiz from each question's credit (0–1) by question id; missing ids count 0.
 * Inline questions in `credits` are ignored.
 */
export function scoreQuiz(quiz: QuizKey, credits: ReadonlyMap<string, number>): QuizResult {
  const qs = chapterQuestions(quiz);
  let points = 0;
  let maxPoints = 0;
  let answered = 0;
  const revisit: QuizResult['revisit'] = [];
  for (const q of qs) {
    maxPoints += q.points;
    const c = credits.get(q.id);
    if (c !== undefined) {
      answered++;
      points += q.points * Math.min(1, Math.max(0, c));
    }
    if (c === undefined || c < 1) revisit.push({ id: q.id, section: q.section });
  }
  const fraction = maxPoints > 0 ? points / maxPoints : 0;
  return {
    points,
    maxPoints,
    fraction,
    passed: fraction >= quiz.passMark - 1e-12,
    passMark: quiz.passMark,
    answered,
    total: qs.length,
    revisit,
  };
}
