// Every number the GAN lesson's digits section states, on the code path the widget runs
// (createDigitsSession + readQuality, the shipped model file, the chapter-2 classifier).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect, beforeAll } from 'vitest';
import { buildDigitsSet } from '../../../../scripts/data/digits.mjs';
import {
  decodeModel,
  type CnnModelMeta,
  type TrainedCnn,
} from '../../../../src/lib/ml/cnn/model-file.ts';
import { enlargeImages, shrinkDigits } from '../../../../src/lib/gan/digits/image.ts';
import { decodeGan, type GanModelMeta } from '../../../../src/lib/gan/digits/model-file.ts';
import { judgeDigits, QUALITY_SAMPLES } from '../../../../src/lib/gan/digits/quality.ts';
import { createDigitsSession } from '../../../../src/lib/gan/digits/session.ts';
import { EMA_DECAY, readQuality } from '../../../../src/lib/gan/digits/runner.ts';
import { meetsTarget } from '../../../../src/lib/gan/digits/protocol.ts';

const root = join(import.meta.dirname, '../../../..');
const bytes = (p: string) => {
  const b = readFileSync(join(root, p));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};

let classifier: TrainedCnn;
let data: ReturnType<typeof buildDigitsSet>;
let images: Float32Array;
beforeAll(() => {
  classifier = decodeModel(
    JSON.parse(
      readFileSync(join(root, 'public/models/digits-cnn/model.json'), 'utf8'),
    ) as CnnModelMeta,
    bytes('public/models/digits-cnn/weights.bin'),
  );
  data = buildDigitsSet();
  images = shrinkDigits(data.train.images, data.train.count);
});

const session = () =>
  createDigitsSession({ seed: 1, images, count: data.train.count, emaDecay: EMA_DECAY });

describe('the lesson’s digits-GAN claims', () => {
  it('real test digits, shrunk to 14×14 and enlarged again: coverage 10, confidence 0.93', () => {
    const n = QUALITY_SAMPLES;
    const q = judgeDigits(enlargeImages(shrinkDigits(data.test.images, n), n), n, classifier);
    expect(q.coverage).toBe(10);
    expect(q.confidence).toBeGreaterThan(0.925);
    expect(q.confidence).toBeLessThan(0.935);
  });

  it('seed 1 before training: all 256 read as a 6 (confidence 0.54)', () => {
    const q = readQuality(session(), classifier, 0);
    expect(q.coverage).toBe(1);
    expect(q.counts[6]).toBe(256);
    expect(q.confidence).toBeCloseTo(0.54, 2);
  });

  it('seed 1: 5 digits (0.36) after 500 iterations, 9 digits (0.63) after 1,000', () => {
    const s = session();
    s.run(500);
    const a = readQuality(s, classifier, 0);
    expect(a.coverage).toBe(5);
    expect(a.confidence).toBeCloseTo(0.36, 2);
    s.run(500);
    const b = readQuality(s, classifier, 0);
    expect(b.coverage).toBe(9);
    expect(b.confidence).toBeCloseTo(0.63, 2);
  }, 180_000);

  it('the shipped generator: coverage 10, confidence 0.68, as its model.json says', () => {
    const meta = JSON.parse(
      readFileSync(join(root, 'public/models/gan-digits/model.json'), 'utf8'),
    ) as GanModelMeta;
    const weights = decodeGan(meta, bytes('public/models/gan-digits/weights.bin'));
    const s = session();
    s.load(weights, meta.training.iterations);
    const q = readQuality(s, classifier, 0);
    expect(q.coverage).toBeGreaterThanOrEqual(8);
    expect(meetsTarget({ coverage: 8, confidence: 0.8 })).toBe(true);
    expect(q.coverage).toBe(meta.quality.coverage);
    expect(q.confidence).toBeCloseTo(meta.quality.confidence, 3);
    expect(meta.training.seed).toBe(1);
    expect(meta.training.iterations).toBe(6000);
    expect(q.coverage).toBe(10);
    expect(q.confidence).toBeCloseTo(0.68, 2);
  });
});
