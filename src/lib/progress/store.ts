// The progress store: loads, validates, migrates and saves progress through a KV backend. No DOM
// rendering; the backend is injected, so tests run it in Node with memory or fake localStorage.
// Used by the quiz element and the progress page.
//
// Guarantees:
// - Never throws to the page: a backend that fails on read is replaced by memory, with a notice.
// - Corrupt or unreadable entries are copied, raw, to a backup key ("nb-backup:<time>") and
//   removed from the live data; every valid entry is kept; the reader gets a notice.
// - Older schema versions are migrated forward in order (the raw data is backed up first); a newer
//   version than PROGRESS_VERSION is opened read-only and never rewritten.
// - Writes add one immutable record under its own key (see model.ts), so two tabs never lose each
//   other's answers; `refresh()` picks up what another tab wrote.
import type { KV } from './kv.ts';
import { Unreadable, memoryKV } from './kv.ts';
import {
  META_KEY,
  BACKUP_PREFIX,
  RECORD_PREFIX,
  PROGRESS_VERSION,
  parseMeta,
  parseRecord,
  recordKey,
  type AnswerRecord,
  type AttemptRecord,
  type Meta,
  type ProgressRecord,
  type Snapshot,
} from './model.ts';
import { migrate, migrations as defaultMigrations, type Migration } from './migrations.ts';

export type NoticeKind = 'not-saved' | 'read-only' | 'recovered' | 'migrated' | 'write-failed';

/** Something the reader should be told about their saved progress. */
export interface Notice {
  kind: NoticeKind;
  message: string;
}

export interface StoreOptions {
  now?: () => number;
  /** Schema version this code writes (tests vary it). */
  version?: number;
  migrations?: readonly Migration[];
}

const notSaved: Notice = {
  kind: 'not-saved',
  message:
    'Your progress is not being saved: this browser does not let the site store data (private browsing or blocked storage). Your answers are kept only until you leave this page.',
};

export class ProgressStore {
  #kv: KV;
  #now: () => number;
  #version: number;
  #migrations: readonly Migration[];
  #meta: Meta = { version: PROGRESS_VERSION };
  #records = new Map<string, ProgressRecord>();
  /** Records shown on this page but not stored (read-only data, or a failed write). */
  #unsaved = new Map<string, ProgressRecord>();
  #readOnly = false;
  #notices: Notice[] = [];

  private constructor(kv: KV, opts: StoreOptions) {
    this.#kv = kv;
    this.#now = opts.now ?? Date.now;
    this.#version = opts.version ?? PROGRESS_VERSION;
    this.#migrations = opts.migrations ?? defaultMigrations;
    this.#meta = { version: this.#version };
    if (kv.kind === 'memory') this.#notices.push(notSaved);
  }

  /** Opens and loads the store; never rejects. */
  static async open(kv: KV, opts: StoreOptions = {}): Promise<ProgressStore> {
    const store = new ProgressStore(kv, opts);
    try {
      await store.#load(true);
    } catch (err) {
      store.#kv = memoryKV();
      store.#records.clear();
      store.#notices.push({
        kind: 'not-saved',
        message: `Your saved progress could not be read (${String(err)}), so it is not shown and new answers are not being saved. Nothing was deleted.`,
      });
    }
    return store;
  }

  get backend(): KV['kind'] {
    return this.#kv.kind;
  }
  /** True when the stored data comes from a newer version: shown, never written. */
  get readOnly(): boolean {
    return this.#readOnly;
  }
  get notices(): readonly Notice[] {
    return this.#notices;
  }
  get meta(): Readonly<Meta> {
    return this.#meta;
  }

  /** Everything loaded, as plain arrays (attempts by start time, answers by time). */
  snapshot(): Snapshot {
    const attempts: AttemptRecord[] = [];
    const answers: AnswerRecord[] = [];
    for (const r of [...this.#records.values(), ...this.#unsaved.values()]) {
      if (r.kind === 'attempt') attempts.push(r);
      else answers.push(r);
    }
    attempts.sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
    answers.sort((a, b) => a.at - b.at);
    return { meta: { ...this.#meta }, attempts, answers };
  }

  /** Re-reads the backend (another tab may have written). Quiet: no new notices for old issues. */
  async refresh(): Promise<void> {
    try {
      await this.#load(false);
    } catch {
      // keep what we have; the next write will report a failure if storage is gone
    }
  }

  async #load(announce: boolean): Promise<void> {
    const raw = new Map(await this.#kv.entries());
    const metaRaw = raw.get(META_KEY);
    const bad = new Map<string, unknown>();
    let meta = metaRaw === undefined ? undefined : parseMeta(metaRaw);
    if (metaRaw !== undefined && !meta) bad.set(META_KEY, metaRaw);
    // No readable meta: the data was written by version 1 (or is new).
    meta ??= { version: Math.min(1, this.#version) };

    if (meta.version > this.#version) {
      this.#readOnly = true;
      this.#meta = meta;
      this.#records = parseAll(raw, new Map());
      if (announce)
        this.#notices.push({
          kind: 'read-only',
          message: `Your progress was saved by a newer version of Neuronbook (data version ${meta.version}, this page knows ${this.#version}). It is shown but not changed here: answers you give now are not saved.`,
        });
      return;
    }

    let entries = raw;
    if (meta.version < this.#version) {
      const records = [...raw].filter(([k]) => !k.startsWith(BACKUP_PREFIX));
      const out = migrate(new Map(records), meta.version, this.#version, this.#migrations);
      if (!out.ok) {
        this.#readOnly = true;
        this.#meta = meta;
        this.#records = parseAll(raw, new Map());
        if (announce)
          this.#notices.push({
            kind: 'read-only',
            message: `Your saved progress could not be updated to this version (${out.error}). It is shown but not changed.`,
          });
        return;
      }
      await this.#backup('before-migration', new Map(records));
      for (const k of records.map(([key]) => key)) if (!out.entries.has(k)) await this.#kv.del(k);
      for (const [k, v] of out.entries) if (k !== META_KEY) await this.#kv.set(k, v);
      entries = new Map([...out.entries].filter(([k]) => k !== META_KEY));
      meta = { ...meta, version: this.#version };
      await this.#kv.set(META_KEY, meta);
      if (announce && out.applied.length > 0)
        this.#notices.push({
          kind: 'migrated',
          message: `Your saved progress was updated to the current format (${out.applied.join('; ')}). A copy of the old data was kept.`,
        });
    } else if (metaRaw === undefined || bad.has(META_KEY)) {
      await this.#kv.set(META_KEY, meta);
    }
    this.#meta = meta;

    this.#records = parseAll(entries, bad);
    if (bad.size > 0) {
      const key = await this.#backup('unreadable', bad);
      for (const k of bad.keys()) if (k !== META_KEY) await this.#kv.del(k);
      this.#notices.push({
        kind: 'recovered',
        message: `Some of your saved progress could not be read (${bad.size} ${bad.size === 1 ? 'entry' : 'entries'}). A copy was kept aside under "${key}" and everything else was recovered.`,
      });
    }
  }

  /** Saves raw entries under a new backup key; returns the key. */
  async #backup(reason: string, entries: Map<string, unknown>): Promise<string> {
    const at = this.#now();
    let key = `${BACKUP_PREFIX}${new Date(at).toISOString()}`;
    const existing = new Set((await this.#kv.entries()).map(([k]) => k));
    for (let i = 2; existing.has(key); i++)
      key = `${BACKUP_PREFIX}${new Date(at).toISOString()}-${i}`;
    const raw: Record<string, unknown> = {};
    for (const [k, v] of entries)
      raw[k] = v instanceof Unreadable ? { unreadable: v.raw, reason: v.reason } : v;
    await this.#kv.set(key, { reason, at, entries: raw });
    return key;
  }

  /**
   * Adds records (new attempts, answers, or imported ones). A record whose key already exists is
   * left as it is. Returns how many were saved. When read-only, or when a write fails, the records
   * are still kept for this page (the reader's answers do not vanish) but not stored.
   */
  async add(records: readonly ProgressRecord[]): Promise<number> {
    let saved = 0;
    for (const r of records) {
      const key = recordKey(r);
      if (this.#records.has(key) || this.#unsaved.has(key)) continue;
      if (this.#readOnly) {
        this.#unsaved.set(key, r);
        continue;
      }
      this.#records.set(key, r);
      try {
        await this.#kv.set(key, r);
        saved++;
      } catch (err) {
        this.#records.delete(key);
        this.#unsaved.set(key, r);
        this.#reportWriteFailure(err);
      }
    }
    return saved;
  }

  /**
   * Deletes every attempt and answer (the reader asked to). Backups ("nb-backup:…") are kept.
   * Does nothing when read-only.
   */
  async clearAll(): Promise<void> {
    if (this.#readOnly) return;
    for (const [key] of await this.#kv.entries())
      if (key.startsWith(RECORD_PREFIX) && key !== META_KEY) await this.#kv.del(key);
    this.#records.clear();
    this.#unsaved.clear();
    this.#meta = { version: this.#version };
    await this.#kv.set(META_KEY, this.#meta);
  }

  /** Records when progress was last exported. */
  async setLastExport(at: number): Promise<void> {
    this.#meta = { ...this.#meta, lastExportAt: at };
    if (this.#readOnly) return;
    try {
      await this.#kv.set(META_KEY, this.#meta);
    } catch (err) {
      this.#reportWriteFailure(err);
    }
  }

  #reportWriteFailure(err: unknown): void {
    if (this.#notices.some((n) => n.kind === 'write-failed')) return;
    this.#notices.push({
      kind: 'write-failed',
      message: `Your latest answers could not be saved (${String(err)}); they are kept on this page until you leave it.`,
    });
  }
}

/** Parses every record entry; invalid ones go to `bad`. Meta and backups are skipped. */
function parseAll(
  entries: Map<string, unknown>,
  bad: Map<string, unknown>,
): Map<string, ProgressRecord> {
  const out = new Map<string, ProgressRecord>();
  for (const [key, value] of entries) {
    if (key === META_KEY || key.startsWith(BACKUP_PREFIX)) continue;
    const r = value instanceof Unreadable ? undefined : parseRecord(key, value);
    if (r) out.set(key, r);
    else bad.set(key, value);
  }
  return out;
}
