// Pure: no DOM. The quiz YAML format (one file per lesson in src/content/quizzes/<lesson-name>.yaml),
// validated by zod when Astro loads the `quizzes` collection, so a content error fails the build
// with a message naming the file (Astro adds it) and the question (every message below starts
// with `question "<id>"`). Used by src/content.config.ts, the Quiz/Check components and tests.
//
// Authoring summary (see each schema's doc comment for details):
//
//   lesson: foundations/what-is-deep-learning   # slug of the lesson the quiz belongs to
//   passMark: 0.7                               # optional, fraction of points to pass (default 0.7)
//   questions:
//     - id: features                            # unique in the file; a-z, 0-9, "-"
//       type: single                            # single | multiple | numeric | ordering | widget
//       section: learning-features-instead-of-writing-them  # heading anchor the question tests
//       prompt: Who finds the features in **deep learning**?  # Markdown + KaTeX ($…$, $$…$$)
//       options:
//         - { text: Domain experts, feedback: That is classical machine learning. }
//         - { text: The network's lower layers, correct: true }
//       explanation: The early layers learn features from raw data.  # shown after answering
//       hints: [Look at the comparison table.]  # optional, at most 3
//       inline: false                           # true: only for <Check>, not in the chapter quiz
import { z } from 'astro/zod';
import { graders, runGraderExamples } from './graders/index.ts';

/** Markdown with KaTeX math; rendered to HTML at build time. */
const markdown = z.string().trim().min(1, 'must not be empty');

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids use lowercase letters, digits and "-" (e.g. "why-now")');

/** Fields every question type shares. */
const common = {
  /** Unique within the file; answers are stored under `<quiz id>/<question id>`, so keep it stable. */
  id,
  /** Anchor (heading id) of the lesson section this question tests, e.g. "why-now". */
  section: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'section is a heading anchor like "why-now" (no "#")'),
  /** The question, Markdown + KaTeX. */
  prompt: markdown,
  /** Shown after the reader checks an answer, right or wrong. Markdown + KaTeX. */
  explanation: markdown,
  /** Up to three hints, revealed one at a time. Using one makes a right answer count as "hard" for review. */
  hints: z.array(markdown).max(3, 'at most 3 hints').default([]),
  /**
   * true: the question is an inline check placed with `<Check>`; it is not part of the chapter
   * quiz and never lowers a score. false (default): part of the chapter quiz `<Quiz>`.
   */
  inline: z.boolean().default(false),
  /** Weight of the question in the chapter score (default 1). */
  points: z.number().positive().max(10).default(1),
};

/** An answer choice. `feedback` (Markdown) is shown when the reader picked this option. */
const option = z.object({
  text: markdown,
  correct: z.boolean().default(false),
  feedback: markdown.optional(),
});

/**
 * Single choice: 2–8 options, exactly one with `correct: true`. Options are shuffled per attempt
 * unless `shuffle: false` (use it when an option reads "none of the above").
 */
export const singleSchema = z.object({
  ...common,
  type: z.literal('single'),
  options: z.array(option).min(2, 'needs 2 to 8 options').max(8, 'needs 2 to 8 options'),
  shuffle: z.boolean().default(true),
});

/**
 * Multiple select: 2–8 options, at least one correct. Partial credit (see scoring.ts):
 * max(0, (correct picked − wrong picked) / number correct). `showCount: true` tells the reader
 * how many to pick ("Select 2").
 */
export const multipleSchema = z.object({
  ...common,
  type: z.literal('multiple'),
  options: z.array(option).min(2, 'needs 2 to 8 options').max(8, 'needs 2 to 8 options'),
  showCount: z.boolean().default(false),
  shuffle: z.boolean().default(true),
});

/**
 * A range of wrong answers that deserves its own feedback (e.g. forgetting the bias). Bounds are
 * inclusive. Ranges of one question must not overlap each other or the correct interval.
 */
const wrongRange = z.object({
  min: z.number(),
  max: z.number(),
  feedback: markdown,
});

/**
 * Numeric answer: correct when |x − answer| ≤ tolerance.absolute or
 * |x − answer| ≤ tolerance.relative · |answer| (at least one is required; bounds inclusive).
 * Input that is not a number is invalid, not wrong, and costs no attempt. `unit` is shown after
 * the input box (plain text, e.g. "layers").
 */
export const numericSchema = z.object({
  ...common,
  type: z.literal('numeric'),
  answer: z.number().refine(Number.isFinite, 'answer must be a finite number'),
  tolerance: z
    .object({
      absolute: z.number().min(0).optional(),
      relative: z.number().min(0).max(1).optional(),
    })
    .optional(),
  unit: z.string().max(30).optional(),
  wrongRanges: z.array(wrongRange).max(8).default([]),
});

/**
 * Ordering: `items` written in the correct order (2–10). The reader sees them shuffled (never
 * already in the right order) and arranges them with Move up / Move down buttons. Score: longest
 * run of items in correct relative order (longest increasing subsequence) / n.
 */
export const orderingSchema = z.object({
  ...common,
  type: z.literal('ordering'),
  items: z.array(markdown).min(2, 'needs 2 to 10 items').max(10, 'needs 2 to 10 items'),
});

/** One example a grader must pass (or fail) for this question's params; run at build. */
const widgetExample = z.object({
  state: z.unknown(),
  pass: z.boolean(),
  note: z.string().optional(),
});

/**
 * Widget question: the answer is the state of an interactive widget on the same page.
 * - `widget`: id of the widget's element in the page (`<LogicUnit id="and-unit" …/>`); the element
 *   implements the contract in widget-contract.ts.
 * - `grader`: name of a pure function registered in src/lib/quiz/graders/index.ts (no eval).
 * - `params`: passed to the grader (e.g. a target truth table or a loss threshold).
 * - `examples`: optional extra pass/fail states for these params; the build runs them through the
 *   grader together with the grader's own examples and fails if any disagrees.
 */
export const widgetSchema = z.object({
  ...common,
  type: z.literal('widget'),
  widget: id,
  grader: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
  examples: z.array(widgetExample).default([]),
});

export const questionSchema = z.discriminatedUnion('type', [
  singleSchema,
  multipleSchema,
  numericSchema,
  orderingSchema,
  widgetSchema,
]);

type Ctx = z.core.$RefinementCtx;

/** Every content rule zod's shapes cannot express; each message names the question. */
function checkQuestion(q: z.infer<typeof questionSchema>, at: number, ctx: Ctx): void {
  const say = (message: string, ...path: Array<string | number>): void => {
    ctx.addIssue({
      code: 'custom',
      path: ['questions', at, ...path],
      message: `question "${q.id}": ${message}`,
    });
  };
  switch (q.type) {
    case 'single': {
      const n = q.options.filter((o) => o.correct).length;
      if (n !== 1) say(`single choice needs exactly one correct option, found ${n}`, 'options');
      break;
    }
    case 'multiple': {
      if (!q.options.some((o) => o.correct))
        say('multiple select needs at least one correct option', 'options');
      break;
    }
    case 'numeric': {
      const t = q.tolerance;
      if (!t || (t.absolute === undefined && t.relative === undefined)) {
        say('numeric answer needs a tolerance (absolute and/or relative)', 'tolerance');
        break;
      }
      const half = Math.max(t.absolute ?? 0, (t.relative ?? 0) * Math.abs(q.answer));
      const ranges = q.wrongRanges.map((r, i) => ({ ...r, i }));
      for (const r of ranges) {
        if (!(r.min <= r.max)) say(`wrong-answer range ${r.i + 1} has min > max`, 'wrongRanges');
        if (r.min <= q.answer + half && q.answer - half <= r.max)
          say(
            `wrong-answer range ${r.i + 1} [${r.min}, ${r.max}] overlaps the correct answers`,
            'wrongRanges',
          );
      }
      const sorted = [...ranges].sort((a, b) => a.min - b.min);
      for (let k = 1; k < sorted.length; k++) {
        const a = sorted[k - 1]!;
        const b = sorted[k]!;
        if (b.min <= a.max)
          say(`wrong-answer ranges ${a.i + 1} and ${b.i + 1} overlap`, 'wrongRanges');
      }
      break;
    }
    case 'ordering': {
      if (new Set(q.items).size !== q.items.length) say('ordering items must be distinct', 'items');
      break;
    }
    case 'widget': {
      const grader = graders[q.grader];
      if (!grader) {
        say(
          `unknown grader "${q.grader}" (known: ${Object.keys(graders).sort().join(', ')})`,
          'grader',
        );
        break;
      }
      for (const problem of grader.checkParams?.(q.params) ?? [])
        say(`grader "${q.grader}": ${problem}`, 'params');
      for (const failure of runGraderExamples(
        q.grader,
        grader,
        q.params,
        q.examples.map((e) => ({
          state: e.state,
          pass: e.pass,
          ...(e.note ? { note: e.note } : {}),
        })),
      ))
        say(failure, 'examples');
      break;
    }
  }
}

/**
 * A quiz file. Its collection id (the file name without extension) is the id used in
 * `<Quiz id="…"/>` and `<Check id="…" question="…"/>`.
 * - lesson: slug of the lesson, e.g. "foundations/what-is-deep-learning" (links and progress)
 * - title: heading of the chapter quiz (default "Check your understanding")
 * - passMark: fraction of the points needed to pass, 0–1 (default 0.7)
 * - questions: at least one; ids unique within the file
 */
export const quizFileSchema = z
  .object({
    lesson: z
      .string()
      .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'lesson is a slug like "foundations/the-neuron"'),
    title: z.string().min(1).optional(),
    passMark: z.number().min(0).max(1).default(0.7),
    questions: z.array(questionSchema).min(1, 'a quiz needs at least one question'),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.questions.forEach((q, i) => {
      if (seen.has(q.id))
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'id'],
          message: `question "${q.id}": duplicate id`,
        });
      seen.add(q.id);
      checkQuestion(q, i, ctx);
    });
  });

export type QuizFile = z.infer<typeof quizFileSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export type SingleQuestion = z.infer<typeof singleSchema>;
export type MultipleQuestion = z.infer<typeof multipleSchema>;
export type NumericQuestion = z.infer<typeof numericSchema>;
export type OrderingQuestion = z.infer<typeof orderingSchema>;
export type WidgetQuestion = z.infer<typeof widgetSchema>;
