// The progress store over memory and (fake) localStorage backends: saving and reloading,
// two writers, corruption recovery with a backup, migrations, read-only newer data, fallbacks.
import { describe, it, expect } from 'vitest';
import { ProgressStore } from '../../../src/lib/progress/store.ts';
import {
  memoryKV,
  storageKV,
  openKV,
  browserEnv,
  adoptEntries,
  Unreadable,
  type KV,
  type StorageLike,
} from '../../../src/lib/progress/kv.ts';
import { migrate, migrations, type Migration } from '../../../src/lib/progress/migrations.ts';
import { PROGRESS_VERSION } from '../../../src/lib/progress/model.ts';
import { answer, attempt } from './fixtures.ts';

/** A Web Storage stand-in backed by a Map (shared Map = two tabs of one browser). */
function fakeStorage(map = new Map<string, string>()): StorageLike & { map: Map<string, string> } {
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const now = () => Date.UTC(2026, 0, 1);

describe('progress store', () => {
  it('starts empty, writes the schema version, and keeps what it saves', async () => {
    const map = new Map<string, unknown>();
    const s1 = await ProgressStore.open(memoryKV(map), { now });
    expect(s1.snapshot()).toEqual({ meta: { version: 1 }, attempts: [], answers: [] });
    expect(map.get('nb:meta')).toEqual({ version: 1 });
    expect(await s1.add([attempt('a1', 10), answer('a', true, 20)])).toBe(2);
    expect(await s1.add([answer('a', true, 20)])).toBe(0);
    const s2 = await ProgressStore.open(memoryKV(map), { now });
    expect(s2.snapshot().answers).toHaveLength(1);
    expect(s2.snapshot().attempts[0]!.id).toBe('a1');
  });

  it('says progress is not saved when it runs on memory', async () => {
    const s = await ProgressStore.open(memoryKV(), { now });
    expect(s.notices.map((n) => n.kind)).toEqual(['not-saved']);
    expect(s.notices[0]!.message).toMatch(/not being saved/);
  });

  it('two writers answering different questions lose nothing (memory and localStorage)', async () => {
    for (const make of [() => memoryKV(sharedMap), () => storageKV(sharedStorage)]) {
      sharedMap.clear();
      sharedStorage.map.clear();
      const tabA = await ProgressStore.open(make(), { now });
      const tabB = await ProgressStore.open(make(), { now });
      await tabA.add([answer('a', true, 100)]);
      await tabB.add([answer('b', false, 101)]);
      await tabA.add([answer('c', true, 102)]);
      await tabB.add([answer('a', false, 103)]);
      const fresh = await ProgressStore.open(make(), { now });
      expect(fresh.snapshot().answers.map((x) => `${x.question}@${x.at}`)).toEqual([
        'a@100',
        'b@101',
        'c@102',
        'a@103',
      ]);
      // A tab sees the other's answers after refresh().
      await tabA.refresh();
      expect(tabA.snapshot().answers).toHaveLength(4);
    }
  });

  it('keeps corrupt entries aside under a backup key, recovers the rest, and says so', async () => {
    const storage = fakeStorage();
    const good = answer('a', true, 100);
    storage.setItem('nb:meta', JSON.stringify({ version: 1 }));
    storage.setItem('nb:answer:intro:a:100:a1', JSON.stringify(good));
    storage.setItem('nb:answer:intro:b:101:a1', '{"kind":"answer", broken');
    storage.setItem('nb:attempt:intro:a1', JSON.stringify({ kind: 'attempt', quiz: 'intro' }));
    storage.setItem('nb:mystery', '42');
    storage.setItem('starlight-theme', 'dark'); // not ours: untouched
    const s = await ProgressStore.open(storageKV(storage), { now });
    expect(s.snapshot().answers).toEqual([good]);
    expect(s.notices).toHaveLength(1);
    expect(s.notices[0]).toMatchObject({ kind: 'recovered' });
    expect(s.notices[0]!.message).toContain('3 entries');
    const backupKey = [...storage.map.keys()].find((k) => k.startsWith('nb-backup:'))!;
    expect(backupKey).toBe('nb-backup:2026-01-01T00:00:00.000Z');
    const backup = JSON.parse(storage.getItem(backupKey)!) as {
      reason: string;
      entries: Record<string, unknown>;
    };
    expect(backup.reason).toBe('unreadable');
    expect(backup.entries['nb:answer:intro:b:101:a1']).toEqual({
      unreadable: '{"kind":"answer", broken',
      reason: 'not valid JSON',
    });
    expect(backup.entries['nb:mystery']).toBe(42);
    expect(storage.getItem('nb:answer:intro:b:101:a1')).toBeNull();
    expect(storage.getItem('starlight-theme')).toBe('dark');
    // Next load: clean, no notice, backup still there.
    const again = await ProgressStore.open(storageKV(storage), { now });
    expect(again.notices).toEqual([]);
    expect(storage.getItem(backupKey)).not.toBeNull();
  });

  it('repairs an unreadable meta entry, keeping it in the backup', async () => {
    const map = new Map<string, unknown>([
      ['nb:meta', 'oops'],
      ['nb:answer:intro:a:1:a1', answer('a', true, 1)],
    ]);
    const s = await ProgressStore.open(memoryKV(map), { now });
    expect(s.snapshot().answers).toHaveLength(1);
    expect(map.get('nb:meta')).toEqual({ version: 1 });
    const backup = [...map].find(([k]) => k.startsWith('nb-backup:'))![1] as {
      entries: Record<string, unknown>;
    };
    expect(backup.entries['nb:meta']).toBe('oops');
  });

  it('opens data from a newer version read-only and never writes to it', async () => {
    const map = new Map<string, unknown>([
      ['nb:meta', { version: 3 }],
      ['nb:answer:intro:a:1:a1', answer('a', true, 1)],
      ['nb:future-thing', { x: 1 }],
    ]);
    const before = structuredClone([...map]);
    const s = await ProgressStore.open(memoryKV(map), { now });
    expect(s.readOnly).toBe(true);
    expect(s.notices.map((n) => n.kind)).toEqual(['not-saved', 'read-only']);
    expect(s.snapshot().answers).toHaveLength(1);
    expect(await s.add([answer('b', true, 2)])).toBe(0);
    // The page still shows the new answer (it is just not stored), even after a refresh.
    await s.refresh();
    expect(s.snapshot().answers.map((a) => a.question)).toEqual(['a', 'b']);
    await s.setLastExport(5);
    await s.clearAll();
    expect([...map]).toEqual(before);
  });

  const v1toV2: Migration = {
    from: 1,
    describe: 'answers gain a "v2" flag',
    run: (entries) =>
      new Map(
        [...entries].map(([k, v]) => [
          k,
          k.startsWith('nb:answer:') && typeof v === 'object' ? { ...v, flagged: true } : v,
        ]),
      ),
  };

  it('migrates older data forward in order, backing up the raw data first', async () => {
    const a = answer('a', true, 1);
    const map = new Map<string, unknown>([
      ['nb:meta', { version: 1 }],
      ['nb:answer:intro:a:1:a1', a],
    ]);
    const s = await ProgressStore.open(memoryKV(map), { now, version: 2, migrations: [v1toV2] });
    expect(s.readOnly).toBe(false);
    expect(map.get('nb:meta')).toEqual({ version: 2 });
    expect(map.get('nb:answer:intro:a:1:a1')).toMatchObject({ flagged: true });
    expect(s.notices.map((n) => n.kind)).toContain('migrated');
    const backup = [...map].find(([k]) => k.startsWith('nb-backup:'))![1] as {
      reason: string;
      entries: Record<string, unknown>;
    };
    expect(backup.reason).toBe('before-migration');
    expect(backup.entries['nb:answer:intro:a:1:a1']).toEqual(a);
  });

  it('opens read-only when a migration step is missing', async () => {
    const map = new Map<string, unknown>([['nb:meta', { version: 1 }]]);
    const s = await ProgressStore.open(memoryKV(map), { now, version: 3, migrations: [v1toV2] });
    expect(s.readOnly).toBe(true);
    expect(s.notices.find((n) => n.kind === 'read-only')!.message).toContain(
      'no migration from version 2 to 3',
    );
    expect(map.get('nb:meta')).toEqual({ version: 1 });
  });

  it('falls back to memory when the backend cannot be read at all', async () => {
    const broken: KV = {
      kind: 'indexeddb',
      entries: () => Promise.reject(new Error('disk gone')),
      set: () => Promise.resolve(),
      del: () => Promise.resolve(),
    };
    const s = await ProgressStore.open(broken, { now });
    expect(s.backend).toBe('memory');
    expect(s.notices[0]!.message).toContain('disk gone');
  });

  it('reports a failed write once and keeps the answer on the page', async () => {
    const kv = memoryKV();
    const s = await ProgressStore.open(
      {
        ...kv,
        kind: 'localstorage',
        set: (k, v) => (k === 'nb:meta' ? kv.set(k, v) : Promise.reject(new Error('quota'))),
      },
      { now },
    );
    expect(await s.add([answer('a', true, 1), answer('b', true, 2)])).toBe(0);
    await s.refresh();
    expect(s.snapshot().answers).toHaveLength(2);
    expect(s.notices.filter((n) => n.kind === 'write-failed')).toHaveLength(1);
  });

  it('deletes attempts and answers on request but keeps backups', async () => {
    const map = new Map<string, unknown>([['nb-backup:old', { x: 1 }]]);
    const s = await ProgressStore.open(memoryKV(map), { now });
    await s.add([attempt('a1', 1), answer('a', true, 2)]);
    await s.setLastExport(9);
    expect(s.meta.lastExportAt).toBe(9);
    await s.clearAll();
    expect(s.snapshot().answers).toEqual([]);
    expect([...map.keys()].sort()).toEqual(['nb-backup:old', 'nb:meta']);
  });
});

const sharedMap = new Map<string, unknown>();
const sharedStorage = fakeStorage();

describe('backends', () => {
  it('openKV picks localStorage without IndexedDB, memory without either', async () => {
    expect((await openKV({ localStorage: () => fakeStorage() })).kind).toBe('localstorage');
    const throwing = (): StorageLike => {
      throw new Error('SecurityError');
    };
    expect((await openKV({ localStorage: throwing })).kind).toBe('memory');
    const full = {
      ...fakeStorage(),
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
    };
    expect((await openKV({ localStorage: () => full })).kind).toBe('memory');
  });
  it('openKV falls back when IndexedDB does not work', async () => {
    // `indexedDB` is truthy but idb-keyval cannot open it in Node: localStorage is used.
    expect((await openKV({ indexedDB: {}, localStorage: () => fakeStorage() })).kind).toBe(
      'localstorage',
    );
  });
  it('browserEnv finds no storage in Node, so openKV falls back to memory', async () => {
    const env = browserEnv();
    expect(env.indexedDB).toBeUndefined();
    expect(env.localStorage?.()).toBeUndefined();
    expect((await openKV(env)).kind).toBe('memory');
  });
  it('localStorage backend returns unreadable JSON as Unreadable and only our keys', async () => {
    const st = fakeStorage();
    st.setItem('nb:x', '{');
    st.setItem('other', '1');
    const entries = await storageKV(st).entries();
    expect(entries).toHaveLength(1);
    expect(entries[0]![1]).toBeInstanceOf(Unreadable);
  });
  it('adoptEntries moves records (and unreadable ones, for the store to back up) without overwriting', async () => {
    const st = fakeStorage();
    const a = answer('a', true, 1);
    st.setItem('nb:meta', JSON.stringify({ version: 1 }));
    st.setItem('nb:answer:intro:a:1:a1', JSON.stringify(a));
    st.setItem('nb:answer:intro:b:2:a1', '{broken');
    st.setItem('nb:attempt:intro:a1', JSON.stringify({ x: 'local' }));
    const map = new Map<string, unknown>([['nb:attempt:intro:a1', attempt('a1', 1)]]);
    expect(await adoptEntries(storageKV(st), memoryKV(map))).toBe(3);
    expect(map.get('nb:answer:intro:a:1:a1')).toEqual(a);
    expect(map.get('nb:answer:intro:b:2:a1')).toEqual({
      unreadable: '{broken',
      reason: 'not valid JSON',
    });
    expect(map.get('nb:attempt:intro:a1')).toEqual(attempt('a1', 1));
    expect(map.has('nb:meta')).toBe(false);
    expect([...st.map.keys()]).toEqual(['nb:meta']);
    const s = await ProgressStore.open(memoryKV(map), { now });
    expect(s.snapshot().answers).toEqual([a]);
    expect(s.notices.map((n) => n.kind)).toContain('recovered');
  });
  it('memory backend hands out copies, not live objects', async () => {
    const kv = memoryKV();
    const v = { a: 1 };
    await kv.set('nb:k', v);
    v.a = 2;
    expect((await kv.entries())[0]![1]).toEqual({ a: 1 });
  });
});

describe('migrate', () => {
  it('has one step for every version below the current one, in order', () => {
    expect(migrations.map((m) => m.from)).toEqual(
      Array.from({ length: PROGRESS_VERSION - 1 }, (_, i) => i + 1),
    );
    expect(migrate(new Map(), 1, PROGRESS_VERSION)).toMatchObject({ ok: true });
  });

  const step = (from: number): Migration => ({
    from,
    describe: `to ${from + 1}`,
    run: (e) => new Map([...e, [`nb:step${from}`, from]]),
  });
  it('runs steps in order and reports them', () => {
    const out = migrate(new Map(), 1, 3, [step(2), step(1)]);
    expect(out.ok && [...out.entries.keys()]).toEqual(['nb:step1', 'nb:step2']);
    expect(out.ok && out.applied).toEqual(['to 2', 'to 3']);
  });
  it('does nothing between equal versions, refuses to downgrade and reports a throwing step', () => {
    expect(migrate(new Map([['k', 1]]), 2, 2, [])).toMatchObject({ ok: true, applied: [] });
    expect(migrate(new Map(), 3, 2, [])).toMatchObject({ ok: false });
    const bad: Migration = {
      from: 1,
      describe: 'x',
      run: () => {
        throw new Error('nope');
      },
    };
    expect(migrate(new Map(), 1, 2, [bad])).toMatchObject({
      ok: false,
      error: expect.stringContaining('nope') as unknown,
    });
  });
  it('leaves the input entries untouched', () => {
    const input = new Map([['nb:a', 1]]);
    migrate(input, 1, 2, [
      {
        from: 1,
        describe: 'x',
        run: (e) => {
          const m = new Map(e);
          m.set('nb:a', 2);
          return m;
        },
      },
    ]);
    expect(input.get('nb:a')).toBe(1);
  });
});
