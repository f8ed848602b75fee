// Stored record validation and keys.
import { describe, it, expect } from 'vitest';
import {
  parseAnswer,
  parseAttempt,
  parseMeta,
  parseRecord,
  parseResponse,
  recordKey,
  answerKey,
  attemptKey,
  newAttemptId,
} from '../../../src/lib/progress/model.ts';
import { answer, attempt } from './fixtures.ts';

describe('progress records', () => {
  it('round-trips valid records through their validators', () => {
    const a = answer('a', true, 1000);
    expect(parseAnswer(JSON.parse(JSON.stringify(a)))).toEqual(a);
    const t = attempt('k1-ab', 5);
    expect(parseAttempt(t)).toEqual(t);
    expect(parseMeta({ version: 1, lastExportAt: 7 })).toEqual({ version: 1, lastExportAt: 7 });
    expect(parseMeta({ version: 2, lastExportAt: 'x' })).toEqual({ version: 2 });
  });

  it.each([
    ['a string', 'garbage'],
    ['a wrong kind', { ...answer('a', true, 1), kind: 'attempt' }],
    ['a score above 1', { ...answer('a', true, 1), score: 2 }],
    ['four hints', { ...answer('a', true, 1), hints: 4 }],
    ['a quiz answer without an attempt', { ...answer('a', true, 1), attempt: undefined }],
    [
      'a review answer with an attempt',
      { ...answer('a', true, 1, { mode: 'review' }), attempt: 'x' },
    ],
    ['an unknown mode', { ...answer('a', true, 1), mode: 'exam' }],
    ['a bad response', { ...answer('a', true, 1), response: { type: 'single', picked: -1 } }],
    ['a negative time', { ...answer('a', true, -5) }],
    ['a non-integer seed', { ...answer('a', true, 1), seed: 1.5 }],
  ])('rejects an answer with %s', (_n, v) => {
    expect(parseAnswer(v)).toBeUndefined();
  });

  it('validates each response type', () => {
    expect(parseResponse({ type: 'multiple', picked: [0, 2] })).toEqual({
      type: 'multiple',
      picked: [0, 2],
    });
    expect(parseResponse({ type: 'numeric', value: NaN })).toBeUndefined();
    expect(parseResponse({ type: 'ordering', order: [1, 'x'] })).toBeUndefined();
    expect(parseResponse({ type: 'widget', state: { w: [1, 2], ok: true } })).toEqual({
      type: 'widget',
      state: { w: [1, 2], ok: true },
    });
    expect(parseResponse({ type: 'widget', state: { f: Infinity } })).toBeUndefined();
    expect(parseResponse({ type: 'essay' })).toBeUndefined();
  });

  it('derives keys from content and rejects a record stored under another key', () => {
    const a = answer('b', false, 1234, { attempt: 'x1' });
    expect(recordKey(a)).toBe('nb:answer:intro:b:1234:x1');
    expect(answerKey({ quiz: 'intro', question: 'b', at: 1234, mode: 'review' })).toBe(
      'nb:answer:intro:b:1234:review',
    );
    expect(attemptKey(attempt('z', 1))).toBe('nb:attempt:intro:z');
    expect(parseRecord('nb:answer:intro:b:1234:x1', a)).toEqual(a);
    expect(parseRecord('nb:answer:intro:a:1234:x1', a)).toBeUndefined();
    expect(parseRecord('nb:other', a)).toBeUndefined();
  });

  it('makes attempt ids that are valid and differ by time and randomness', () => {
    const id = newAttemptId(1_700_000_000_000, () => 0.5);
    expect(parseAttempt(attempt(id, 1))).toBeDefined();
    expect(newAttemptId(1, () => 0.1)).not.toBe(newAttemptId(1, () => 0.2));
  });
});
