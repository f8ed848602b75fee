// Pure: no DOM. Ordered migrations of stored progress from one schema version to the next. The
// store runs them on load (after keeping the raw data aside under a backup key); data from a
// newer version than PROGRESS_VERSION is never migrated down: the store opens it read-only.
// Used by the progress store and tests.

/** Raw stored entries: key → value, exactly as the backend returned them. */
export type Entries = Map<string, unknown>;

/** One step from version `from` to `from + 1`. Must be pure: return new entries, do not mutate. */
export interface Migration {
  from: number;
  describe: string;
  run(entries: Entries): Entries;
}

/**
 * Every migration, in order. Version 1 is the first stored format, so the list is empty; when the
 * format changes, raise PROGRESS_VERSION in model.ts and append `{ from: 1, describe, run }` here,
 * with a unit test that migrates a stored v1 example.
 */
export const migrations: readonly Migration[] = [];

export type MigrationOutcome =
  { ok: true; entries: Entries; applied: string[] } | { ok: false; error: string };

/**
 * Runs migrations from `from` up to `to`, one version at a time, in order. Fails (changing
 * nothing) if a step is missing, a step throws, or `from` > `to` (never downgrade).
 */
export function migrate(
  entries: Entries,
  from: number,
  to: number,
  list: readonly Migration[] = migrations,
): MigrationOutcome {
  if (from > to)
    return { ok: false, error: `cannot downgrade progress from version ${from} to ${to}` };
  let current = new Map(entries);
  const applied: string[] = [];
  for (let v = from; v < to; v++) {
    const step = list.find((m) => m.from === v);
    if (!step) return { ok: false, error: `no migration from version ${v} to ${v + 1}` };
    try {
      current = step.run(current);
    } catch (err) {
      return { ok: false, error: `migration from version ${v} failed: ${String(err)}` };
    }
    applied.push(step.describe);
  }
  return { ok: true, entries: current, applied };
}
