import { describe, expect, it } from 'vitest';
import { parseDigits } from '../../../src/lib/data/digits.ts';
import { packDigits } from '../../../scripts/data/digits.mjs';
import {
  decodeSamples,
  encodeSamples,
  pickSamples,
  sampleGrid,
} from '../../../src/lib/conv/samples.ts';

describe('sample digits', () => {
  const bytes = packDigits();
  const set = parseDigits(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const samples = pickSamples(set);
  it('are the first test example of each class', () => {
    expect(samples.map((s) => s.label)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const s of samples) {
      expect(set.test.labels[s.index]).toBe(s.label);
      expect(Array.from(set.test.labels.slice(0, s.index))).not.toContain(s.label);
    }
  });
  it('survive the round trip through a data attribute', () => {
    const text = encodeSamples(samples);
    expect(text.length).toBeLessThan(11_000);
    const back = decodeSamples(text);
    expect(back.map((s) => [s.label, s.index])).toEqual(samples.map((s) => [s.label, s.index]));
    back.forEach((s, k) => expect(Array.from(s.pixels)).toEqual(Array.from(samples[k]!.pixels)));
    expect(sampleGrid(back[0]!).data.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(decodeSamples('garbage')).toEqual([]);
    expect(decodeSamples(undefined)).toEqual([]);
  });
});
