// Every number the GAN lesson's digits section states, on the code path the widget runs
// (createDigitsSession + readQuality, the shipped model file, the chapter-2 classifier).
import { describe, it, expect, beforeAll } from 'vitest';
import { buildDigitsSet } from '../../../../scripts/data/digits.mjs';
import type { TrainedCnn } from '../../../../src/lib/ml/cnn/model-file.ts';
import { enlargeImages, shrinkDigits } from '../../../../src/lib/gan/digits/image.ts';
import { judgeDigits, QUALITY_SAMPLES } from '../../../../src/lib/gan/digits/quality.ts';
import { createDigitsSession } from '../../../../src/lib/gan/digits/session.ts';
import { EMA_DECAY, readQuality } from '../../../../src/lib/gan/digits/runner.ts';
import { meetsTarget } from '../../../../src/lib/gan/digits/protocol.ts';
import { DIGITS_GAN_SPEC, generateWith } from '../../../../src/lib/gan/digits/model.ts';
import { fixedLabel, GRID_COLS, interpolateInputs } from '../../../../src/lib/gan/digits/fixed.ts';
import { inputDim } from '../../../../src/lib/gan/digits/inputs.ts';
import { readClassifier, readShippedGan } from './fixtures.ts';

let classifier: TrainedCnn;
let data: ReturnType<typeof buildDigitsSet>;
let images: Float32Array;
beforeAll(() => {
  classifier = readClassifier();
  data = buildDigitsSet();
  images = shrinkDigits(data.train.images, data.train.count);
});

const session = () =>
  createDigitsSession({
    seed: 1,
    images,
    count: data.train.count,
    labels: data.train.labels,
    emaDecay: EMA_DECAY,
  });

/** Digits in order of how many samples the classifier reads as them, most first. */
const byCount = (counts: number[]) =>
  counts.map((n, d) => [n, d] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);

describe('the lesson’s digits-GAN claims', () => {
  it('real test digits, shrunk to 14×14 and enlarged again: coverage 10, confidence 0.93', () => {
    const n = QUALITY_SAMPLES;
    const q = judgeDigits(enlargeImages(shrinkDigits(data.test.images, n), n), n, classifier);
    expect(q.coverage).toBe(10);
    expect(q.confidence).toBeGreaterThan(0.925);
    expect(q.confidence).toBeLessThan(0.935);
  });

  it('seed 1 before training: all 256 read as a 6 (confidence 0.51), 10% drawn as asked', () => {
    const q = readQuality(session(), classifier, 0);
    expect(q.coverage).toBe(1);
    expect(q.counts[6]).toBe(256);
    expect(q.confidence).toBeCloseTo(0.51, 2);
    // Exactly the samples that asked for a 6 (sample k asks for k mod 10).
    expect(q.agreement! * QUALITY_SAMPLES).toBe(fixedLabels6());
  });

  it('seed 1: 7 digits, 0.52, 12% as asked at 1,000; 10, 0.61, 44% at 2,000; 0.84, 88% at 4,000', () => {
    const s = session();
    s.run(1000);
    const a = readQuality(s, classifier, 0);
    expect(a.coverage).toBe(7);
    expect(a.confidence).toBeCloseTo(0.52, 2);
    expect(Math.round(a.agreement! * 100)).toBe(12);
    // "most columns are a jumble of 9s, 8s and 0s": the three commonest readings.
    expect(
      byCount(a.counts)
        .slice(0, 3)
        .map(([, d]) => d),
    ).toEqual([9, 0, 8]);
    expect(meetsTarget(a)).toBe(false);
    s.run(1000);
    const b = readQuality(s, classifier, 0);
    expect(b.coverage).toBe(10);
    expect(b.confidence).toBeCloseTo(0.61, 2);
    expect(Math.round(b.agreement! * 100)).toBe(44);
    expect(meetsTarget(b)).toBe(false);
    s.run(2000);
    const c = readQuality(s, classifier, 0);
    expect(c.coverage).toBe(10);
    expect(c.confidence).toBeCloseTo(0.84, 2);
    expect(Math.round(c.agreement! * 100)).toBe(88);
    expect(meetsTarget(c)).toBe(true);
  }, 300_000);

  it('the shipped generator: 12,000 iterations from seed 1, coverage 10, 0.91, 94% as asked', () => {
    const { meta, weights } = readShippedGan();
    const s = session();
    s.load(weights, meta.training.iterations);
    const q = readQuality(s, classifier, 0);
    expect(q.coverage).toBe(meta.quality.coverage);
    expect(q.confidence).toBeCloseTo(meta.quality.confidence, 3);
    expect(q.agreement).toBeCloseTo(meta.quality.agreement!, 3);
    expect(meta.training.seed).toBe(1);
    expect(meta.training.iterations).toBe(12000);
    expect(meta.training.emaDecay).toBe(EMA_DECAY);
    expect(meta.training.lrD).toBe(0.002);
    expect(q.coverage).toBe(10);
    expect(q.confidence).toBeCloseTo(0.91, 2);
    expect(Math.round(q.agreement! * 100)).toBe(94);
  });

  it('a walk within a column keeps the digit; across columns it changes', () => {
    const { weights } = readShippedGan();
    const spec = DIGITS_GAN_SPEC;
    const steps = 9;
    const walk = (a: number, b: number) => {
      const x = new Float32Array(steps * inputDim(spec));
      for (let k = 0; k < steps; k++) {
        x.set(interpolateInputs(spec, a, b, k / (steps - 1)), k * inputDim(spec));
      }
      const img = generateWith(spec, weights.G, x, steps);
      return Array.from(judgeDigits(enlargeImages(img, steps), steps, classifier).labels);
    };
    // Samples 1 and 11 of the widget (indices 0 and GRID_COLS) both ask for a 0.
    expect(fixedLabel(0)).toBe(fixedLabel(GRID_COLS));
    expect(walk(0, GRID_COLS)).toEqual(new Array(steps).fill(0));
    // Samples 1 and 2 ask for a 0 and a 1: the walk starts as one and ends as the other.
    const across = walk(0, 1);
    expect(across[0]).toBe(0);
    expect(across[steps - 1]).toBe(1);
  });
});

function fixedLabels6(): number {
  let n = 0;
  for (let k = 0; k < QUALITY_SAMPLES; k++) if (fixedLabel(k) === 6) n++;
  return n;
}
