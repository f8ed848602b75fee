// Pure: no DOM. The shape of a widget-question grader. Grader files import this (not index.ts) so
// the registry can import them without a cycle.

/** Outcome of grading a widget state. */
export interface GradeResult {
  /** True when the state answers the question. */
  pass: boolean;
  /** Credit 0–1 (default: 1 if pass, else 0). Use it for "almost there" partial credit. */
  score?: number;
  /** Plain text shown to the reader, e.g. "Input (1, 0) gives 1; it should give 0." */
  feedback?: string;
}

/** Grader parameters come from the question's `params` in the quiz YAML. */
export type GraderParams = Readonly<Record<string, unknown>>;

/** One example state and whether the grader must pass it (with `params`, default `{}`). */
export interface GraderExample {
  state: unknown;
  pass: boolean;
  params?: GraderParams;
  /** Why this example passes or fails (shown when it does not). */
  note?: string;
}

/**
 * A named pure grading function for widget questions. No DOM, no randomness, no clock: the same
 * (state, params) always gives the same result, in Node (tests, build) and in the browser.
 */
export interface Grader {
  /** One sentence: what the grader checks and which widget's state it reads. */
  description: string;
  /** Grades an untrusted state; must not throw (return pass: false with feedback instead). */
  grade(state: unknown, params: GraderParams): GradeResult;
  /** Problems with a question's params (empty when fine); checked at build. */
  checkParams?(params: GraderParams): string[];
  /** Example states that must pass and fail; at least one of each. Run by tests and the build. */
  examples: GraderExample[];
}
