// Small builders shared by the progress unit tests.
import type { AnswerRecord, AttemptRecord } from '../../../src/lib/progress/model.ts';
import type { QuizKey } from '../../../src/lib/quiz/key.ts';

export const quiz: QuizKey = {
  id: 'intro',
  lesson: 'foundations/intro',
  passMark: 0.7,
  questions: [
    {
      id: 'a',
      type: 'single',
      section: 's',
      points: 1,
      inline: false,
      hintCount: 0,
      optionCount: 3,
      correct: [1],
      shuffle: true,
    },
    {
      id: 'b',
      type: 'numeric',
      section: 's',
      points: 1,
      inline: false,
      hintCount: 1,
      answer: 4,
      absolute: 0,
      wrongRanges: [],
    },
    {
      id: 'c',
      type: 'ordering',
      section: 't',
      points: 2,
      inline: false,
      hintCount: 0,
      itemCount: 4,
    },
    {
      id: 'inl',
      type: 'single',
      section: 't',
      points: 1,
      inline: true,
      hintCount: 0,
      optionCount: 2,
      correct: [0],
      shuffle: true,
    },
  ],
};

export const attempt = (id: string, startedAt: number, seed = 1): AttemptRecord => ({
  kind: 'attempt',
  quiz: 'intro',
  id,
  seed,
  startedAt,
});

/** A quiz-mode answer; `right` picks the correct response for the question. */
export function answer(
  question: 'a' | 'b' | 'c' | 'inl',
  right: boolean,
  at: number,
  opts: { attempt?: string; mode?: AnswerRecord['mode']; hints?: number } = {},
): AnswerRecord {
  const mode = opts.mode ?? 'quiz';
  const response: AnswerRecord['response'] =
    question === 'a'
      ? { type: 'single', picked: right ? 1 : 0 }
      : question === 'b'
        ? { type: 'numeric', value: right ? 4 : 5 }
        : question === 'c'
          ? { type: 'ordering', order: right ? [0, 1, 2, 3] : [3, 2, 1, 0] }
          : { type: 'single', picked: right ? 0 : 1 };
  const score = right ? 1 : question === 'c' ? 0.25 : 0;
  return {
    kind: 'answer',
    quiz: 'intro',
    question,
    mode,
    ...(mode === 'quiz' ? { attempt: opts.attempt ?? 'a1' } : {}),
    seed: 7,
    at,
    response,
    score,
    correct: right,
    hints: opts.hints ?? 0,
  };
}
