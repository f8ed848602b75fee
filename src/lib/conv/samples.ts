// Pure: no DOM. The explorers' sample digits: the first example of each class in the test split of
// the packed MNIST digits (src/lib/data/digits.ts), carried in the page as one base64 string so a
// lesson does not download the whole data file to show ten digits.
import type { DigitsSet } from '../data/digits.ts';
import { makeGrid, type Grid } from './grid.ts';

const PIXELS = 784;

export interface SampleDigit {
  readonly label: number;
  /** Index in the test split. */
  readonly index: number;
  /** 784 bytes, 0–255, row-major 28×28. */
  readonly pixels: Uint8Array;
}

/** The first test digit of each class 0–9, in class order. */
export function pickSamples(set: DigitsSet): SampleDigit[] {
  const out: SampleDigit[] = [];
  for (let label = 0; label < 10; label++) {
    const index = set.test.labels.indexOf(label);
    if (index < 0) throw new RangeError(`The test split has no digit ${label}.`);
    out.push({ label, index, pixels: set.test.images.slice(index * PIXELS, (index + 1) * PIXELS) });
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    s += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    s += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    s += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return s;
}

function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const v = [0, 1, 2, 3].map((k) => (i + k < clean.length ? B64.indexOf(clean[i + k]!) : 0));
    const n = (v[0]! << 18) | (v[1]! << 12) | (v[2]! << 6) | v[3]!;
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** "label:index,…;base64 pixels" for a data-* attribute. */
export function encodeSamples(samples: readonly SampleDigit[]): string {
  const head = samples.map((s) => `${s.label}:${s.index}`).join(',');
  const all = new Uint8Array(samples.length * PIXELS);
  samples.forEach((s, k) => all.set(s.pixels, k * PIXELS));
  return `${head};${toBase64(all)}`;
}

/** Reads encodeSamples' string back; [] if it is malformed. */
export function decodeSamples(text: string | undefined): SampleDigit[] {
  if (!text) return [];
  const [head, body] = text.split(';');
  if (!head || !body) return [];
  const meta = head.split(',').map((p) => p.split(':').map(Number));
  const bytes = fromBase64(body);
  if (bytes.length !== meta.length * PIXELS) return [];
  return meta.map(([label, index], k) => ({
    label: label ?? 0,
    index: index ?? 0,
    pixels: bytes.slice(k * PIXELS, (k + 1) * PIXELS),
  }));
}

/** A sample as a 28×28 grid in 0–1. */
export function sampleGrid(s: SampleDigit): Grid {
  return makeGrid(
    28,
    28,
    Array.from(s.pixels, (p) => p / 255),
  );
}
