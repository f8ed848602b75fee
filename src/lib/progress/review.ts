// Pure: no DOM. The spaced-repetition review queue, computed by replaying each question's answer
// history through FSRS (ts-fsrs), so the schedule is always consistent with the stored answers,
// including after an import. Loaded on demand by the progress page (ts-fsrs is ~13 KB gzip, so
// lesson pages never load it). Used by the progress page and tests.
//
// Rules:
// - A question enters review when it is first answered wrongly (credit < 1) in a chapter quiz or a
//   review; inline checks carry no penalty and never schedule a review.
// - From then on every answer (quiz or review) is replayed in time order as an FSRS rating:
//   wrong → Again; right after a hint, or right straight after a wrong answer (a retry) → Hard;
//   right otherwise → Good.
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';
import type { AnswerRecord, Snapshot } from './model.ts';

export interface ReviewItem {
  quiz: string;
  question: string;
  card: Card;
  /** When the question is next due (ms since epoch). */
  due: number;
  /** Latest answer to this question. */
  last: AnswerRecord;
  /** Answers replayed into the card (the first wrong one included). */
  ratings: Grade[];
}

/** The FSRS rating an answer earns. `previous` is the answer before it to the same question. */
export function ratingFor(a: AnswerRecord, previous?: AnswerRecord): Grade {
  if (!a.correct) return Rating.Again;
  if (a.hints > 0 || (previous && !previous.correct)) return Rating.Hard;
  return Rating.Good;
}

const scheduler = fsrs({ enable_fuzz: false });

/** Replays one question's answers (any order; sorted here) into an FSRS card, or undefined. */
export function replay(answers: readonly AnswerRecord[]): ReviewItem | undefined {
  const sorted = answers.filter((a) => a.mode !== 'check').sort((x, y) => x.at - y.at);
  let card: Card | undefined;
  const ratings: Grade[] = [];
  let previous: AnswerRecord | undefined;
  for (const a of sorted) {
    if (!card && a.correct) {
      previous = a;
      continue;
    }
    const rating = ratingFor(a, previous);
    card = scheduler.next(card ?? createEmptyCard(new Date(a.at)), new Date(a.at), rating).card;
    ratings.push(rating);
    previous = a;
  }
  const last = sorted.at(-1);
  if (!card || !last) return undefined;
  return { quiz: last.quiz, question: last.question, card, due: card.due.getTime(), last, ratings };
}

export interface ReviewQueue {
  /** Due now or earlier, most overdue first. */
  due: ReviewItem[];
  /** Scheduled later, soonest first. */
  upcoming: ReviewItem[];
}

/** Every question with a review schedule, split into due and upcoming at `now`. */
export function reviewQueue(snap: Snapshot, now: number): ReviewQueue {
  const byQuestion = new Map<string, AnswerRecord[]>();
  for (const a of snap.answers) {
    const k = `${a.quiz}/${a.question}`;
    const list = byQuestion.get(k);
    if (list) list.push(a);
    else byQuestion.set(k, [a]);
  }
  const items = [...byQuestion.values()].flatMap((list) => replay(list) ?? []);
  const due = items.filter((i) => i.due <= now).sort((a, b) => a.due - b.due);
  const upcoming = items.filter((i) => i.due > now).sort((a, b) => a.due - b.due);
  return { due, upcoming };
}

/** "learning", "review" or "relearning": FSRS's state in words. */
export function stateName(card: Card): string {
  return card.state === State.Review
    ? 'review'
    : card.state === State.Relearning
      ? 'relearning'
      : 'learning';
}
