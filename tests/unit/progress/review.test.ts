// Spaced-repetition review with ts-fsrs: ratings, replay, due and upcoming queues.
import { describe, it, expect } from 'vitest';
import { Rating, State } from 'ts-fsrs';
import { ratingFor, replay, reviewQueue, stateName } from '../../../src/lib/progress/review.ts';
import type { Snapshot } from '../../../src/lib/progress/model.ts';
import { answer } from './fixtures.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const t0 = Date.UTC(2026, 0, 1);

describe('review ratings', () => {
  it('wrong → Again, right after a hint or a wrong answer → Hard, right → Good', () => {
    expect(ratingFor(answer('a', false, t0))).toBe(Rating.Again);
    expect(ratingFor(answer('a', true, t0, { hints: 1 }))).toBe(Rating.Hard);
    expect(ratingFor(answer('a', true, t0), answer('a', false, t0 - MIN))).toBe(Rating.Hard);
    expect(ratingFor(answer('a', true, t0), answer('a', true, t0 - MIN))).toBe(Rating.Good);
    expect(ratingFor(answer('a', true, t0))).toBe(Rating.Good);
  });
});

describe('replay', () => {
  it('schedules nothing for a question only ever answered right', () => {
    expect(replay([answer('a', true, t0), answer('a', true, t0 + DAY)])).toBeUndefined();
  });
  it('starts a card at the first wrong answer and brings it back soon', () => {
    const item = replay([answer('a', true, t0 - DAY), answer('a', false, t0)])!;
    expect(item.ratings).toEqual([Rating.Again]);
    expect(item.due).toBeGreaterThan(t0);
    expect(item.due).toBeLessThanOrEqual(t0 + 10 * MIN);
    expect(stateName(item.card)).toBe('learning');
  });
  it('pushes the next review further out as answers improve, and is order independent', () => {
    const answers = [
      answer('a', false, t0),
      answer('a', true, t0 + 10 * MIN),
      answer('a', true, t0 + DAY),
      answer('a', true, t0 + 4 * DAY),
    ];
    const item = replay(answers)!;
    expect(item.ratings).toEqual([Rating.Again, Rating.Hard, Rating.Good, Rating.Good]);
    expect(item.card.state).toBe(State.Review);
    expect(item.due).toBeGreaterThan(t0 + 5 * DAY);
    expect(replay([...answers].reverse())).toEqual(item);
  });
  it('ignores inline checks: they carry no penalty', () => {
    expect(replay([answer('inl', false, t0, { mode: 'check' })])).toBeUndefined();
  });
});

describe('review queue', () => {
  const snap: Snapshot = {
    meta: { version: 1 },
    attempts: [],
    answers: [
      answer('a', false, t0),
      answer('b', false, t0 + 2 * DAY),
      answer('c', true, t0),
      { ...answer('a', false, t0 + 5), quiz: 'other' },
    ],
  };
  it('splits scheduled questions into due (most overdue first) and upcoming', () => {
    const q = reviewQueue(snap, t0 + DAY);
    expect(q.due.map((i) => `${i.quiz}/${i.question}`)).toEqual(['intro/a', 'other/a']);
    expect(q.upcoming.map((i) => i.question)).toEqual(['b']);
    expect(reviewQueue(snap, t0 - DAY).due).toEqual([]);
  });
});
