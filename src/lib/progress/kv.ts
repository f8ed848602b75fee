// Browser storage backends behind one small key-value interface: IndexedDB (idb-keyval), then
// localStorage, then memory. No DOM rendering; touches browser storage APIs only when asked, and
// takes them as arguments so tests can pass fakes. Used by the progress store.
import { createStore, entries, set, del, get } from 'idb-keyval';
import { RECORD_PREFIX, BACKUP_PREFIX, META_KEY } from './model.ts';

/** A stored value that could not even be decoded (e.g. invalid JSON in localStorage). */
export class Unreadable {
  constructor(
    readonly raw: unknown,
    readonly reason: string,
  ) {}
}

export type BackendKind = 'indexeddb' | 'localstorage' | 'memory';

/** What the progress store needs from a storage backend. Values are plain JSON-like data. */
export interface KV {
  readonly kind: BackendKind;
  /** Every progress key ("nb:…" and "nb-backup:…") with its value (or an Unreadable). */
  entries(): Promise<Array<[string, unknown]>>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

const ours = (key: string): boolean =>
  key.startsWith(RECORD_PREFIX) || key.startsWith(BACKUP_PREFIX);

/** In-memory backend (nothing survives the page). Pass a shared Map to simulate two tabs in tests. */
export function memoryKV(map: Map<string, unknown> = new Map()): KV {
  const copy = (v: unknown): unknown => (v === undefined ? v : structuredClone(v));
  return {
    kind: 'memory',
    entries: () =>
      Promise.resolve([...map.entries()].filter(([k]) => ours(k)).map(([k, v]) => [k, copy(v)])),
    set: (key, value) => {
      map.set(key, copy(value));
      return Promise.resolve();
    },
    del: (key) => {
      map.delete(key);
      return Promise.resolve();
    },
  };
}

/** The part of the Web Storage API the localStorage backend uses. */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** localStorage backend: one JSON string per key; invalid JSON comes back as Unreadable. */
export function storageKV(storage: StorageLike): KV {
  return {
    kind: 'localstorage',
    entries: () => {
      const out: Array<[string, unknown]> = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key === null || !ours(key)) continue;
        const raw = storage.getItem(key);
        try {
          out.push([key, JSON.parse(raw ?? 'null') as unknown]);
        } catch {
          out.push([key, new Unreadable(raw, 'not valid JSON')]);
        }
      }
      return Promise.resolve(out);
    },
    set: (key, value) => {
      storage.setItem(key, JSON.stringify(value));
      return Promise.resolve();
    },
    del: (key) => {
      storage.removeItem(key);
      return Promise.resolve();
    },
  };
}

/** IndexedDB database and object store names used for progress. */
export const IDB_NAME = 'neuronbook';
export const IDB_STORE = 'progress';

/** IndexedDB backend through idb-keyval (values stored as structured clones). */
export function idbKV(): KV {
  const store = createStore(IDB_NAME, IDB_STORE);
  return {
    kind: 'indexeddb',
    entries: async () =>
      (await entries<IDBValidKey, unknown>(store)).flatMap(([k, v]): Array<[string, unknown]> =>
        typeof k === 'string' && ours(k) ? [[k, v]] : [],
      ),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
  };
}

function timeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** The browser facilities openKV tries; tests pass fakes or `undefined` to force a fallback. */
export interface StorageEnv {
  indexedDB?: unknown;
  localStorage?: () => StorageLike | undefined;
}

/**
 * Moves progress records from one backend into another (used when IndexedDB works again after a
 * visit that had to use localStorage). Records are immutable and keyed by content, so copying is
 * a union; the target's meta is kept. Backups move too. Returns how many entries moved.
 */
export async function adoptEntries(from: KV, to: KV): Promise<number> {
  const have = new Set((await to.entries()).map(([k]) => k));
  let moved = 0;
  for (const [key, value] of await from.entries()) {
    if (key === META_KEY) continue;
    if (!have.has(key))
      await to.set(
        key,
        value instanceof Unreadable ? { unreadable: value.raw, reason: value.reason } : value,
      );
    await from.del(key);
    moved++;
  }
  return moved;
}

/**
 * The best working backend: IndexedDB if it opens and answers within 3 s (taking over any
 * progress an earlier visit had to keep in localStorage), else localStorage if a probe write
 * succeeds, else memory. Never throws.
 */
export async function openKV(env: StorageEnv): Promise<KV> {
  if (env.indexedDB) {
    try {
      const store = createStore(IDB_NAME, IDB_STORE);
      await timeout(get(META_KEY, store), 3000);
      const idb = idbKV();
      try {
        const ls = env.localStorage?.();
        if (ls) await adoptEntries(storageKV(ls), idb);
      } catch {
        // localStorage unavailable: nothing to take over
      }
      return idb;
    } catch {
      // fall through to localStorage
    }
  }
  try {
    const ls = env.localStorage?.();
    if (ls) {
      const probe = `${RECORD_PREFIX}probe`;
      ls.setItem(probe, '1');
      ls.removeItem(probe);
      return storageKV(ls);
    }
  } catch {
    // fall through to memory
  }
  return memoryKV();
}

/** The real browser environment (call only in a browser). */
export function browserEnv(): StorageEnv {
  return {
    indexedDB: typeof indexedDB === 'undefined' ? undefined : indexedDB,
    localStorage: () => (typeof localStorage === 'undefined' ? undefined : localStorage),
  };
}
