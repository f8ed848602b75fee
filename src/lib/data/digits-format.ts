// Pure: no DOM, no Node. The binary layout of the packed digits file (public/data/digits.bin),
// shared by the packer (scripts/data/digits.mjs, which runs in Node) and the reader
// (src/lib/data/digits.ts, which runs in pages, workers and tests).
//
// Layout, little-endian, 32-byte header then the payload:
//   0  magic      4 bytes  'NBDG'
//   4  version    u32      1
//   8  trainCount u32
//  12  testCount  u32
//  16  rows       u32      28
//  20  cols       u32      28
//  24  checksum   u32      FNV-1a (32-bit) of every payload byte
//  28  splitSeed  u32      the seed of the train/test split (informational)
//  32  payload:   train images (trainCount × 784 uint8, row-major 28×28, 0–255),
//                 train labels (trainCount uint8, 0–9),
//                 test images (testCount × 784), test labels (testCount).

/** One part of the data: `count` digits, `images` count×784 row-major 28×28 pixels in 0–255. */
export interface DigitSplit {
  count: number;
  images: Uint8Array;
  labels: Uint8Array;
}

/** The packed digits: 8,000 training and 2,000 test digits in the shipped file. */
export interface DigitsSet {
  train: DigitSplit;
  test: DigitSplit;
}

export const DIGITS_MAGIC = 'NBDG';
export const DIGITS_VERSION = 1;
export const DIGITS_HEADER_BYTES = 32;
export const DIGIT_ROWS = 28;
export const DIGIT_COLS = 28;
export const DIGIT_PIXELS = DIGIT_ROWS * DIGIT_COLS;
/** The seed of the shipped train/test split. */
export const DIGITS_SPLIT_SEED = 20_261_206;
export const DIGITS_TRAIN_COUNT = 8000;
export const DIGITS_TEST_COUNT = 2000;

/** 32-bit FNV-1a hash of bytes. */
export function fnv1a(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Total file size for the given counts. */
export function digitsFileBytes(trainCount: number, testCount: number): number {
  return DIGITS_HEADER_BYTES + (trainCount + testCount) * (DIGIT_PIXELS + 1);
}

/** Encodes a set into the file layout above. */
export function encodeDigits(set: DigitsSet, splitSeed = DIGITS_SPLIT_SEED): Uint8Array {
  const { train, test } = set;
  for (const [name, s] of [
    ['train', train],
    ['test', test],
  ] as const) {
    if (s.images.length !== s.count * DIGIT_PIXELS || s.labels.length !== s.count) {
      throw new Error(`encodeDigits: ${name} split sizes do not match its count`);
    }
  }
  const out = new Uint8Array(digitsFileBytes(train.count, test.count));
  let o = DIGITS_HEADER_BYTES;
  for (const part of [train.images, train.labels, test.images, test.labels]) {
    out.set(part, o);
    o += part.length;
  }
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = DIGITS_MAGIC.charCodeAt(i);
  view.setUint32(4, DIGITS_VERSION, true);
  view.setUint32(8, train.count, true);
  view.setUint32(12, test.count, true);
  view.setUint32(16, DIGIT_ROWS, true);
  view.setUint32(20, DIGIT_COLS, true);
  view.setUint32(24, fnv1a(out, DIGITS_HEADER_BYTES), true);
  view.setUint32(28, splitSeed >>> 0, true);
  return out;
}
