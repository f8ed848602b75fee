// Chapter summaries: first (headline), best and last attempts, attempt in progress, scores
// recomputed from stored responses.
import { describe, it, expect } from 'vitest';
import {
  chapterSummary,
  summarizeAttempt,
  creditOf,
  percent,
} from '../../../src/lib/progress/summary.ts';
import type { Snapshot } from '../../../src/lib/progress/model.ts';
import { quiz, attempt, answer } from './fixtures.ts';

const snap = (s: Partial<Snapshot>): Snapshot => ({
  meta: { version: 1 },
  attempts: [],
  answers: [],
  ...s,
});

describe('chapter summary', () => {
  // Points: a 1, b 1, c 2 (ordering, wrong order [3,2,1,0] = 1/4 credit).
  const s = snap({
    attempts: [attempt('t1', 100), attempt('t2', 200), attempt('t3', 300), attempt('t4', 400)],
    answers: [
      // t1: a right, b wrong, c wrong → (1 + 0 + 0.5) / 4 = 37.5 %
      answer('a', true, 110, { attempt: 't1' }),
      answer('b', false, 111, { attempt: 't1' }),
      answer('c', false, 112, { attempt: 't1' }),
      // t2: all right = 100 %
      answer('a', true, 210, { attempt: 't2' }),
      answer('b', true, 211, { attempt: 't2' }),
      answer('c', true, 212, { attempt: 't2' }),
      // t3: a wrong, b right, c right → 75 %
      answer('a', false, 310, { attempt: 't3' }),
      answer('b', true, 311, { attempt: 't3' }),
      answer('c', true, 312, { attempt: 't3' }),
      // t4: in progress
      answer('a', true, 410, { attempt: 't4' }),
      // an inline check and a review: count for activity, not for attempts
      answer('inl', false, 500, { mode: 'check' }),
      answer('b', true, 600, { mode: 'review' }),
    ],
  });

  it('keeps first, best and last complete attempts; the first is the headline', () => {
    const sum = chapterSummary(quiz, s);
    expect(sum.first?.attempt.id).toBe('t1');
    expect(sum.first?.result.fraction).toBeCloseTo(0.375);
    expect(sum.best?.attempt.id).toBe('t2');
    expect(sum.best?.result.fraction).toBe(1);
    expect(sum.last?.attempt.id).toBe('t3');
    expect(sum.last?.result.fraction).toBe(0.75);
    expect(sum.attempts).toHaveLength(3);
  });

  it('reports the newest unfinished attempt and the last activity of any kind', () => {
    const sum = chapterSummary(quiz, s);
    expect(sum.inProgress?.attempt.id).toBe('t4');
    expect(sum.inProgress?.result).toMatchObject({ answered: 1, total: 3 });
    expect(sum.lastActivity).toBe(600);
  });

  it('has no attempts for an untouched quiz', () => {
    expect(chapterSummary(quiz, snap({}))).toEqual({ quiz: 'intro', attempts: [] });
  });

  it('counts only the first answer to a question within an attempt (two tabs answering the same one)', () => {
    const t = summarizeAttempt(quiz, attempt('x', 1), [
      answer('a', false, 5, { attempt: 'x' }),
      answer('a', true, 6, { attempt: 'x' }),
      answer('a', true, 7, { attempt: 'other' }),
    ]);
    expect(t.answers.get('a')?.at).toBe(5);
    expect(t.result.points).toBe(0);
    expect(t.lastAt).toBe(6);
  });

  it('picks the earliest attempt when two share the best score', () => {
    const tie = snap({
      attempts: [attempt('p', 1), attempt('q', 2)],
      answers: (['p', 'q'] as const).flatMap((id, i) =>
        (['a', 'b', 'c'] as const).map((qid) => answer(qid, true, 10 + i * 10, { attempt: id })),
      ),
    });
    expect(chapterSummary(quiz, tie).best?.attempt.id).toBe('p');
  });
});

describe('credit of a stored answer', () => {
  it('is recomputed from the response with the current key', () => {
    const stale = { ...answer('a', true, 1), score: 0, correct: false };
    expect(creditOf(quiz.questions[0], stale)).toBe(1);
  });
  it('keeps the stored credit for widget answers and unknown questions', () => {
    const w = {
      ...answer('a', true, 1),
      response: { type: 'widget' as const, state: 1 },
      score: 0.5,
    };
    expect(creditOf(quiz.questions[0], w)).toBe(0.5);
    expect(creditOf(undefined, { ...answer('a', true, 1), score: 0.25 })).toBe(0.25);
  });
  it('counts 0 when the key now rejects the response', () => {
    expect(
      creditOf(quiz.questions[0], {
        ...answer('a', true, 1),
        response: { type: 'single', picked: 9 },
      }),
    ).toBe(0);
  });
});

it('formats percentages with a no-break space', () => {
  expect(percent(0.755)).toBe('76\u00a0%');
  expect(percent(0)).toBe('0\u00a0%');
});
