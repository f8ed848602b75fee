// Pure: no DOM. The stored progress records, their storage keys and hand-written validators
// (no zod here: this code ships to lesson pages, where every kilobyte counts). Used by the
// progress store, import/export, summaries, review and tests.
//
// Layout (schema version 1). Every record lives under its own key and is never rewritten, so two
// tabs answering different (or even the same) questions never overwrite each other:
//   nb:meta                                        { version, lastExportAt? }
//   nb:attempt:<quiz>:<attempt id>                 AttemptRecord
//   nb:answer:<quiz>:<question>:<at>:<attempt id|mode>   AnswerRecord
//   nb-backup:<time>                               raw data kept aside (corrupt or pre-migration)
import type { Response } from '../quiz/scoring.ts';

/** The schema version this code writes. Raise it only together with a migration in migrations.ts. */
export const PROGRESS_VERSION = 1;

export const META_KEY = 'nb:meta';
export const RECORD_PREFIX = 'nb:';
export const BACKUP_PREFIX = 'nb-backup:';

export interface Meta {
  version: number;
  /** When progress was last exported to a file (ms since epoch). */
  lastExportAt?: number;
}

/** One run through a chapter quiz. Its seed fixes the order of options and items. */
export interface AttemptRecord {
  kind: 'attempt';
  quiz: string;
  id: string;
  seed: number;
  startedAt: number;
}

/** Where an answer was given: the chapter quiz, an inline check, or the review queue. */
export type AnswerMode = 'quiz' | 'check' | 'review';

/** One checked answer to one question. */
export interface AnswerRecord {
  kind: 'answer';
  quiz: string;
  question: string;
  mode: AnswerMode;
  /** The attempt this answer belongs to (quiz mode only). */
  attempt?: string;
  /** Seed of the order the reader saw (options/items), so a review can show the same order. */
  seed: number;
  /** When it was checked (ms since epoch). */
  at: number;
  response: Response;
  /** Credit 0–1 at the time of answering. */
  score: number;
  correct: boolean;
  /** Hints revealed before checking. */
  hints: number;
}

export type ProgressRecord = AttemptRecord | AnswerRecord;

export interface Snapshot {
  meta: Meta;
  attempts: AttemptRecord[];
  answers: AnswerRecord[];
}

const idPart = /^[a-z0-9][a-z0-9-]*$/;

export function attemptKey(a: Pick<AttemptRecord, 'quiz' | 'id'>): string {
  return `nb:attempt:${a.quiz}:${a.id}`;
}

export function answerKey(
  a: Pick<AnswerRecord, 'quiz' | 'question' | 'at' | 'attempt' | 'mode'>,
): string {
  return `nb:answer:${a.quiz}:${a.question}:${a.at}:${a.attempt ?? a.mode}`;
}

export function recordKey(r: ProgressRecord): string {
  return r.kind === 'attempt' ? attemptKey(r) : answerKey(r);
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e14;
const isId = (v: unknown): v is string => typeof v === 'string' && idPart.test(v);
const isIndex = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) < 64;
const isSeed = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) < 2 ** 32;

/** True for plain JSON (what a widget's quizState may hold), depth-limited. */
function isJson(v: unknown, depth = 0): boolean {
  if (depth > 8) return false;
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isJson(x, depth + 1));
  if (isObj(v)) return Object.values(v).every((x) => isJson(x, depth + 1));
  return false;
}

/** A validated copy of a stored response, or undefined. */
export function parseResponse(v: unknown): Response | undefined {
  if (!isObj(v)) return undefined;
  switch (v['type']) {
    case 'single':
      return isIndex(v['picked']) ? { type: 'single', picked: v['picked'] } : undefined;
    case 'multiple': {
      const p = v['picked'];
      return Array.isArray(p) && p.every(isIndex)
        ? { type: 'multiple', picked: [...p] }
        : undefined;
    }
    case 'numeric': {
      const x = v['value'];
      return typeof x === 'number' && Number.isFinite(x)
        ? { type: 'numeric', value: x }
        : undefined;
    }
    case 'ordering': {
      const o = v['order'];
      return Array.isArray(o) && o.every(isIndex) ? { type: 'ordering', order: [...o] } : undefined;
    }
    case 'widget':
      return isJson(v['state'] ?? null) ? { type: 'widget', state: v['state'] ?? null } : undefined;
    default:
      return undefined;
  }
}

export function parseMeta(v: unknown): Meta | undefined {
  if (!isObj(v) || !Number.isInteger(v['version']) || (v['version'] as number) < 1)
    return undefined;
  const meta: Meta = { version: v['version'] as number };
  if (isTime(v['lastExportAt'])) meta.lastExportAt = v['lastExportAt'];
  return meta;
}

export function parseAttempt(v: unknown): AttemptRecord | undefined {
  if (!isObj(v) || v['kind'] !== 'attempt') return undefined;
  const { quiz, id, seed, startedAt } = v;
  if (!isId(quiz) || !isId(id) || !isSeed(seed) || !isTime(startedAt)) return undefined;
  return { kind: 'attempt', quiz, id, seed, startedAt };
}

export function parseAnswer(v: unknown): AnswerRecord | undefined {
  if (!isObj(v) || v['kind'] !== 'answer') return undefined;
  const { quiz, question, mode, attempt, seed, at, score, correct, hints } = v;
  if (!isId(quiz) || !isId(question) || !isSeed(seed) || !isTime(at)) return undefined;
  if (mode !== 'quiz' && mode !== 'check' && mode !== 'review') return undefined;
  if (mode === 'quiz' ? !isId(attempt) : attempt !== undefined) return undefined;
  if (typeof score !== 'number' || !(score >= 0 && score <= 1)) return undefined;
  if (
    typeof correct !== 'boolean' ||
    !Number.isInteger(hints) ||
    (hints as number) < 0 ||
    (hints as number) > 3
  )
    return undefined;
  const response = parseResponse(v['response']);
  if (!response) return undefined;
  return {
    kind: 'answer',
    quiz,
    question,
    mode,
    ...(mode === 'quiz' ? { attempt: attempt as string } : {}),
    seed,
    at,
    response,
    score,
    correct,
    hints: hints as number,
  };
}

/**
 * Validates a record stored under `key`: the record must parse and its key must be the one
 * derived from its content (so a record cannot shadow another). Undefined if either fails.
 */
export function parseRecord(key: string, v: unknown): ProgressRecord | undefined {
  const r = key.startsWith('nb:attempt:')
    ? parseAttempt(v)
    : key.startsWith('nb:answer:')
      ? parseAnswer(v)
      : undefined;
  return r && recordKey(r) === key ? r : undefined;
}

/** A new attempt id: time-ordered and unique enough across tabs ("k3x9f2-a8c1"). */
export function newAttemptId(now: number, random: () => number): string {
  const r = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${Math.floor(now).toString(36)}-${r}`;
}
