// Pure: no DOM. Chapter results from stored records: each attempt's score (recomputed from the
// stored responses where the answer key allows), first / best / last attempt, the attempt in
// progress, last activity. Used by the quiz element, the progress page and tests.
import type { QuizKey, QuestionKey } from '../quiz/key.ts';
import { chapterQuestions } from '../quiz/key.ts';
import { scoreQuestion, scoreQuiz, type QuizResult } from '../quiz/scoring.ts';
import type { AnswerRecord, AttemptRecord, Snapshot } from './model.ts';

export interface AttemptSummary {
  attempt: AttemptRecord;
  /** The first answer to each chapter question within this attempt, by question id. */
  answers: Map<string, AnswerRecord>;
  result: QuizResult;
  /** Every chapter question answered. */
  complete: boolean;
  /** Time of the attempt's last answer (or its start). */
  lastAt: number;
}

export interface ChapterSummary {
  quiz: string;
  /** Completed attempts, oldest first. */
  attempts: AttemptSummary[];
  /** The headline: the first completed attempt. */
  first?: AttemptSummary;
  /** Highest score among completed attempts (earliest on ties). */
  best?: AttemptSummary;
  last?: AttemptSummary;
  /** The newest attempt, if it is not complete yet (it is resumed on the lesson page). */
  inProgress?: AttemptSummary;
  /** Latest answer of any kind (quiz, check, review) to this quiz, ms since epoch. */
  lastActivity?: number;
}

/**
 * Credit of a stored answer: recomputed from the response with the current answer key (so an
 * import or a corrected key gives consistent scores), except widget answers, whose grader ran
 * in the page, which keep their stored credit. A response the key now rejects counts 0.
 */
export function creditOf(key: QuestionKey | undefined, a: AnswerRecord): number {
  if (!key || key.type === 'widget' || a.response.type === 'widget') return a.score;
  const out = scoreQuestion(key, a.response);
  return out.status === 'graded' ? out.score : 0;
}

/** Summary of one attempt from the answers given in it. */
export function summarizeAttempt(
  quiz: QuizKey,
  attempt: AttemptRecord,
  answers: readonly AnswerRecord[],
): AttemptSummary {
  const chapter = new Map(chapterQuestions(quiz).map((q) => [q.id, q]));
  const first = new Map<string, AnswerRecord>();
  let lastAt = attempt.startedAt;
  for (const a of [...answers].sort((x, y) => x.at - y.at)) {
    if (a.attempt !== attempt.id || a.quiz !== quiz.id || !chapter.has(a.question)) continue;
    if (!first.has(a.question)) first.set(a.question, a);
    lastAt = Math.max(lastAt, a.at);
  }
  const credits = new Map([...first].map(([id, a]) => [id, creditOf(chapter.get(id), a)]));
  const result = scoreQuiz(quiz, credits);
  return { attempt, answers: first, result, complete: result.answered === result.total, lastAt };
}

/** First, best and last completed attempts, the attempt in progress and last activity. */
export function chapterSummary(quiz: QuizKey, snap: Snapshot): ChapterSummary {
  const answers = snap.answers.filter((a) => a.quiz === quiz.id);
  const all = snap.attempts
    .filter((a) => a.quiz === quiz.id)
    .map((a) => summarizeAttempt(quiz, a, answers))
    .sort((a, b) => a.attempt.startedAt - b.attempt.startedAt);
  const done = all.filter((s) => s.complete);
  const newest = all.at(-1);
  let best: AttemptSummary | undefined;
  for (const s of done) if (!best || s.result.fraction > best.result.fraction) best = s;
  const lastActivity = answers.reduce<number | undefined>(
    (m, a) => Math.max(m ?? 0, a.at),
    undefined,
  );
  return {
    quiz: quiz.id,
    attempts: done,
    ...(done[0] ? { first: done[0] } : {}),
    ...(best ? { best } : {}),
    ...(done.at(-1) ? { last: done.at(-1)! } : {}),
    ...(newest && !newest.complete ? { inProgress: newest } : {}),
    ...(lastActivity !== undefined ? { lastActivity } : {}),
  };
}

/** Percent text for a fraction: 0.755 → "76 %" (with a no-break space). */
export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}\u00a0%`;
}
