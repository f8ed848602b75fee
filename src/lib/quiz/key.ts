// Pure: no DOM. The answer key: what the browser needs to grade a quiz, derived at build time
// from a validated quiz file (prompts and feedback travel as pre-rendered HTML in the page, not
// here). Used by the Quiz/Check components (serialised as JSON into the page), scoring and tests.
import type { Question, QuizFile } from './schema.ts';

interface KeyBase {
  id: string;
  section: string;
  points: number;
  inline: boolean;
  hintCount: number;
}

export interface ChoiceKey extends KeyBase {
  type: 'single' | 'multiple';
  optionCount: number;
  /** Indices (in authored order) of the correct options. */
  correct: number[];
  shuffle: boolean;
}
export interface NumericKey extends KeyBase {
  type: 'numeric';
  answer: number;
  absolute?: number;
  relative?: number;
  /** Inclusive ranges with their own feedback (feedback is in the page, by index). */
  wrongRanges: Array<{ min: number; max: number }>;
}
export interface OrderingKey extends KeyBase {
  type: 'ordering';
  /** Items are authored in the correct order, so the answer is 0, 1, …, itemCount − 1. */
  itemCount: number;
}
export interface WidgetKey extends KeyBase {
  type: 'widget';
  /** Element id of the widget in the page. */
  widget: string;
  grader: string;
  params: Record<string, unknown>;
}
export type QuestionKey = ChoiceKey | NumericKey | OrderingKey | WidgetKey;

export interface QuizKey {
  /** Collection id (file name), used in `<Quiz id>` and as the progress key prefix. */
  id: string;
  /** Lesson slug, e.g. "foundations/what-is-deep-learning". */
  lesson: string;
  passMark: number;
  questions: QuestionKey[];
}

/** The answer key of one question. */
export function questionKey(q: Question): QuestionKey {
  const base: KeyBase = {
    id: q.id,
    section: q.section,
    points: q.points,
    inline: q.inline,
    hintCount: q.hints.length,
  };
  switch (q.type) {
    case 'single':
    case 'multiple':
      return {
        ...base,
        type: q.type,
        optionCount: q.options.length,
        correct: q.options.flatMap((o, i) => (o.correct ? [i] : [])),
        shuffle: q.shuffle,
      };
    case 'numeric':
      return {
        ...base,
        type: 'numeric',
        answer: q.answer,
        ...(q.tolerance?.absolute !== undefined ? { absolute: q.tolerance.absolute } : {}),
        ...(q.tolerance?.relative !== undefined ? { relative: q.tolerance.relative } : {}),
        wrongRanges: q.wrongRanges.map(({ min, max }) => ({ min, max })),
      };
    case 'ordering':
      return { ...base, type: 'ordering', itemCount: q.items.length };
    case 'widget':
      return { ...base, type: 'widget', widget: q.widget, grader: q.grader, params: q.params };
  }
}

/** The answer key of a quiz file; `questions` keeps every question, inline ones included. */
export function quizKey(id: string, file: QuizFile): QuizKey {
  return {
    id,
    lesson: file.lesson,
    passMark: file.passMark,
    questions: file.questions.map(questionKey),
  };
}

/** The questions that make up the chapter quiz (inline checks excluded), in authored order. */
export function chapterQuestions(quiz: QuizKey): QuestionKey[] {
  return quiz.questions.filter((q) => !q.inline);
}
