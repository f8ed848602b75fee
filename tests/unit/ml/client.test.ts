import { describe, expect, it } from 'vitest';
import { createTrainer, readCachedBackend } from '../../../src/lib/ml/client';
import type { FromTrainer, MlpConfig, ProgressMessage } from '../../../src/lib/ml/protocol';

const MLP: MlpConfig = {
  kind: 'mlp',
  dataset: 'xor',
  n: 100,
  noise: 0.1,
  testFraction: 0.2,
  hidden: [4],
  activation: 'tanh',
  optimizer: 'adam',
  learningRate: 0.05,
  batchSize: 10,
  l2: 0,
};

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('readCachedBackend', () => {
  const now = 1_000_000_000_000;
  it('returns a fresh, valid cached choice', () => {
    const s = memoryStorage();
    s.setItem('nb.backend.v1.k', JSON.stringify({ backend: 'wasm', at: now - 1000 }));
    expect(readCachedBackend(s, 'k', now)).toBe('wasm');
  });
  it('ignores stale, malformed or unknown entries without throwing', () => {
    const s = memoryStorage();
    s.setItem('nb.backend.v1.old', JSON.stringify({ backend: 'wasm', at: now - 40 * 86_400_000 }));
    s.setItem('nb.backend.v1.bad', '{not json');
    s.setItem('nb.backend.v1.odd', JSON.stringify({ backend: 'tpu', at: now }));
    expect(readCachedBackend(s, 'old', now)).toBeUndefined();
    expect(readCachedBackend(s, 'bad', now)).toBeUndefined();
    expect(readCachedBackend(s, 'odd', now)).toBeUndefined();
    expect(readCachedBackend(null, 'k', now)).toBeUndefined();
  });
});

describe('createTrainer without a worker (main-thread slices, cpu)', () => {
  it('queues messages until ready, steps exactly, answers snapshots, and disposes', async () => {
    const t = createTrainer(MLP, 3, { worker: false, backend: 'cpu', storage: memoryStorage() });
    expect(t.mode).toBe('main');
    const seen: FromTrainer[] = [];
    t.subscribe((m) => seen.push(m));
    t.step(25); // sent before the engine has even loaded
    await expect
      .poll(() => seen.some((m) => m.type === 'progress' && m.step === 25), { timeout: 20_000 })
      .toBe(true);
    const snap = await t.snapshot({ grid: 5 });
    expect(snap.step).toBe(25);
    expect(snap.grid?.values.length).toBe(25);
    const last = seen.filter((m): m is ProgressMessage => m.type === 'progress').at(-1)!;
    expect(last.backend).toBe('cpu');
    const pending = t.snapshot({ grid: 5 });
    t.dispose();
    await expect(pending).rejects.toThrow(/disposed/);
    await expect(t.snapshot({})).rejects.toThrow(/disposed/);
    t.dispose(); // idempotent
  });

  it('caches the probe winner per workload when a probe runs', async () => {
    const storage = memoryStorage();
    const t = createTrainer({ ...MLP, hidden: [5] }, 1, { worker: false, storage });
    await expect
      .poll(() => storage.getItem('nb.backend.v1.mlp:2-5-1:b10'), { timeout: 20_000 })
      .not.toBeNull();
    expect(
      (JSON.parse(storage.getItem('nb.backend.v1.mlp:2-5-1:b10')!) as { backend: string }).backend,
    ).toBe('cpu');
    t.dispose();
  });
});
