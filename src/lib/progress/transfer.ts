// Pure: no DOM. Export of all progress to a JSON file, validated import, and a preview of what a
// merge would change. Merging unites records by key: an answer's key is (quiz, question, time,
// attempt or mode), an attempt's is (quiz, id), so the same answer never counts twice and nothing
// local is overwritten; chapter scores are recomputed from the united answers (summary.ts).
// Used by the progress page and tests.
import type { QuizKey } from '../quiz/key.ts';
import {
  PROGRESS_VERSION,
  parseRecord,
  recordKey,
  type ProgressRecord,
  type Snapshot,
} from './model.ts';
import { migrate, migrations as defaultMigrations, type Migration } from './migrations.ts';
import { chapterSummary } from './summary.ts';

export const EXPORT_FORMAT = 'neuronbook-progress';

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  records: ProgressRecord[];
}

/** The export file for a snapshot (records in a stable order: attempts, then answers by time). */
export function exportProgress(snap: Snapshot, now: number): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: snap.meta.version,
    exportedAt: new Date(now).toISOString(),
    records: [...snap.attempts, ...snap.answers],
  };
}

export type ImportResult =
  | {
      ok: true;
      records: ProgressRecord[];
      skipped: number;
      exportedAt?: string;
      migrated: string[];
    }
  | { ok: false; error: string };

/**
 * Reads an export file's text. Refuses anything that is not JSON, not a Neuronbook progress file,
 * or from a newer version; migrates older versions; skips (and counts) records that do not
 * validate rather than refusing the whole file.
 */
export function parseImport(
  text: string,
  version: number = PROGRESS_VERSION,
  list: readonly Migration[] = defaultMigrations,
): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: 'This file is not valid JSON, so it cannot be a Neuronbook progress file.',
    };
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { format?: unknown }).format !== EXPORT_FORMAT
  )
    return {
      ok: false,
      error:
        'This JSON file is not a Neuronbook progress export (its "format" field is missing or different).',
    };
  const file = data as Record<string, unknown>;
  const v = file['version'];
  if (!Number.isInteger(v) || (v as number) < 1)
    return { ok: false, error: 'This progress file has no valid version number.' };
  if ((v as number) > version)
    return {
      ok: false,
      error: `This progress file was made by a newer version of Neuronbook (data version ${String(v)}; this page knows ${version}). Nothing was imported.`,
    };
  if (!Array.isArray(file['records']))
    return { ok: false, error: 'This progress file has no list of records.' };
  let entries = new Map<string, unknown>();
  file['records'].forEach((r: unknown, i) => {
    entries.set(keyOfRaw(r) ?? `invalid:${i}`, r);
  });
  let migrated: string[] = [];
  if ((v as number) < version) {
    const out = migrate(entries, v as number, version, list);
    if (!out.ok)
      return { ok: false, error: `This progress file could not be updated: ${out.error}.` };
    entries = out.entries;
    migrated = out.applied;
  }
  const records: ProgressRecord[] = [];
  let skipped = 0;
  for (const [key, raw] of entries) {
    const r = key.startsWith('invalid:') ? undefined : parseRecord(key, raw);
    if (r) records.push(r);
    else skipped++;
  }
  const exportedAt = typeof file['exportedAt'] === 'string' ? file['exportedAt'] : undefined;
  return { ok: true, records, skipped, migrated, ...(exportedAt ? { exportedAt } : {}) };
}

/** The storage key a raw record would have, if it has the fields a key is made of. */
function keyOfRaw(r: unknown): string | undefined {
  if (typeof r !== 'object' || r === null) return undefined;
  const o = r as Record<string, unknown>;
  const str = (x: unknown): x is string => typeof x === 'string';
  if (o['kind'] === 'attempt' && str(o['quiz']) && str(o['id']))
    return `nb:attempt:${o['quiz']}:${o['id']}`;
  if (
    o['kind'] === 'answer' &&
    str(o['quiz']) &&
    str(o['question']) &&
    typeof o['at'] === 'number'
  ) {
    const tail = o['attempt'] ?? o['mode'];
    return str(tail) ? `nb:answer:${o['quiz']}:${o['question']}:${o['at']}:${tail}` : undefined;
  }
  return undefined;
}

/** Unites two record lists by key (first list wins on a key collision). */
export function mergeRecords(
  local: readonly ProgressRecord[],
  incoming: readonly ProgressRecord[],
): ProgressRecord[] {
  const out = new Map<string, ProgressRecord>();
  for (const r of [...local, ...incoming]) {
    const k = recordKey(r);
    if (!out.has(k)) out.set(k, r);
  }
  return [...out.values()];
}

/** Records as a snapshot (attempts by start, answers by time). */
export function toSnapshot(meta: Snapshot['meta'], records: readonly ProgressRecord[]): Snapshot {
  const attempts = records
    .filter((r) => r.kind === 'attempt')
    .sort((a, b) => a.startedAt - b.startedAt);
  const answers = records.filter((r) => r.kind === 'answer').sort((a, b) => a.at - b.at);
  return { meta, attempts, answers };
}

export interface ChapterChange {
  quiz: string;
  newAnswers: number;
  newAttempts: number;
  /** First (headline) and best score fractions before and after the merge. */
  firstBefore?: number;
  firstAfter?: number;
  bestBefore?: number;
  bestAfter?: number;
}

export interface MergePreview {
  newRecords: number;
  alreadyPresent: number;
  chapters: ChapterChange[];
}

/** What merging `incoming` into `local` would change, per chapter (quizzes without changes omitted). */
export function previewMerge(
  local: Snapshot,
  incoming: readonly ProgressRecord[],
  quizzes: readonly QuizKey[],
): MergePreview {
  const have = new Set([...local.attempts, ...local.answers].map(recordKey));
  const fresh = incoming.filter((r) => !have.has(recordKey(r)));
  const after = toSnapshot(local.meta, mergeRecords([...local.attempts, ...local.answers], fresh));
  const quizIds = [...new Set(fresh.map((r) => r.quiz))].sort();
  const chapters = quizIds.map((quiz): ChapterChange => {
    const key = quizzes.find((q) => q.id === quiz);
    const change: ChapterChange = {
      quiz,
      newAnswers: fresh.filter((r) => r.kind === 'answer' && r.quiz === quiz).length,
      newAttempts: fresh.filter((r) => r.kind === 'attempt' && r.quiz === quiz).length,
    };
    if (!key) return change;
    const b = chapterSummary(key, local);
    const a = chapterSummary(key, after);
    if (b.first) change.firstBefore = b.first.result.fraction;
    if (a.first) change.firstAfter = a.first.result.fraction;
    if (b.best) change.bestBefore = b.best.result.fraction;
    if (a.best) change.bestAfter = a.best.result.fraction;
    return change;
  });
  return { newRecords: fresh.length, alreadyPresent: incoming.length - fresh.length, chapters };
}
