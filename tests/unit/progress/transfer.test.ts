// Export, validated import, merge (union by question and time) and the preview of changes.
import { describe, it, expect } from 'vitest';
import {
  exportProgress,
  parseImport,
  mergeRecords,
  previewMerge,
  toSnapshot,
  EXPORT_FORMAT,
} from '../../../src/lib/progress/transfer.ts';
import { chapterSummary } from '../../../src/lib/progress/summary.ts';
import type { Migration } from '../../../src/lib/progress/migrations.ts';
import { quiz, attempt, answer } from './fixtures.ts';

const meta = { version: 1 };
const local = toSnapshot(meta, [
  attempt('t1', 100),
  answer('a', true, 110, { attempt: 't1' }),
  answer('b', false, 111, { attempt: 't1' }),
]);

describe('export and import', () => {
  it('round-trips every record', () => {
    const file = exportProgress(local, Date.UTC(2026, 1, 2));
    expect(file).toMatchObject({
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: '2026-02-02T00:00:00.000Z',
    });
    const back = parseImport(JSON.stringify(file));
    expect(back).toMatchObject({ ok: true, skipped: 0, exportedAt: '2026-02-02T00:00:00.000Z' });
    expect(back.ok && back.records).toEqual([...local.attempts, ...local.answers]);
  });

  it.each([
    ['not JSON', 'hello', /not valid JSON/],
    ['another JSON file', '{"a":1}', /not a Neuronbook progress export/],
    ['no version', JSON.stringify({ format: EXPORT_FORMAT, records: [] }), /no valid version/],
    [
      'a newer version',
      JSON.stringify({ format: EXPORT_FORMAT, version: 9, records: [] }),
      /newer version of Neuronbook \(data version 9/,
    ],
    [
      'no records list',
      JSON.stringify({ format: EXPORT_FORMAT, version: 1, records: 'x' }),
      /no list of records/,
    ],
  ])('refuses %s with a clear message', (_n, text, message) => {
    const r = parseImport(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
  });

  it('skips and counts records that do not validate, keeping the rest', () => {
    const file = exportProgress(local, 0);
    const text = JSON.stringify({
      ...file,
      records: [
        ...file.records,
        { kind: 'answer', quiz: 'intro' },
        'junk',
        { ...answer('a', true, 5), score: 7 },
      ],
    });
    const r = parseImport(text);
    expect(r).toMatchObject({ ok: true, skipped: 3 });
    expect(r.ok && r.records).toHaveLength(3);
  });

  it('migrates an older file forward', () => {
    const v0up: Migration = { from: 1, describe: 'nothing', run: (e) => new Map(e) };
    const r = parseImport(JSON.stringify(exportProgress(local, 0)), 2, [v0up]);
    expect(r).toMatchObject({ ok: true, migrated: ['nothing'] });
    const missing = parseImport(JSON.stringify(exportProgress(local, 0)), 2, []);
    expect(!missing.ok && missing.error).toMatch(/no migration from version 1 to 2/);
  });
});

describe('merge', () => {
  const other = [
    attempt('t1', 100),
    answer('a', true, 110, { attempt: 't1' }), // already here
    answer('c', true, 112, { attempt: 't1' }), // completes t1 from another browser
    attempt('t2', 200),
    answer('a', true, 210, { attempt: 't2' }),
    answer('b', true, 211, { attempt: 't2' }),
    answer('c', true, 212, { attempt: 't2' }),
  ];

  it('unites records by question and time without duplicates or overwrites', () => {
    const merged = mergeRecords([...local.attempts, ...local.answers], other);
    expect(merged).toHaveLength(8);
    const conflicting = { ...answer('b', true, 111, { attempt: 't1' }) }; // same key, other content
    expect(
      mergeRecords([...local.answers], [conflicting]).find(
        (r) => r.kind === 'answer' && r.question === 'b',
      ),
    ).toMatchObject({ correct: false });
  });

  it('recomputes scores from the united answers', () => {
    const after = toSnapshot(meta, mergeRecords([...local.attempts, ...local.answers], other));
    const sum = chapterSummary(quiz, after);
    expect(sum.first?.attempt.id).toBe('t1');
    expect(sum.first?.result.fraction).toBe(0.75); // a 1 + b 0 + c 2 of 4
    expect(sum.best?.result.fraction).toBe(1);
    expect(sum.attempts).toHaveLength(2);
  });

  it('previews what will change per chapter before anything is saved', () => {
    const p = previewMerge(local, other, [quiz]);
    expect(p).toMatchObject({ newRecords: 5, alreadyPresent: 2 });
    expect(p.chapters).toEqual([
      { quiz: 'intro', newAnswers: 4, newAttempts: 1, firstAfter: 0.75, bestAfter: 1 },
    ]);
    expect(previewMerge(local, [...local.attempts, ...local.answers], [quiz])).toEqual({
      newRecords: 0,
      alreadyPresent: 3,
      chapters: [],
    });
  });

  it('previews records of a quiz this build does not know without scores', () => {
    const foreign = { ...answer('a', true, 1, { mode: 'review' }), quiz: 'gone' };
    expect(previewMerge(local, [foreign], [quiz]).chapters).toEqual([
      { quiz: 'gone', newAnswers: 1, newAttempts: 0 },
    ]);
  });
});
