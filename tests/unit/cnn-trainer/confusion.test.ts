import { describe, expect, it } from 'vitest';
import {
  accuracy,
  cellExamples,
  cellShade,
  confusionMatrix,
  confusionRows,
  describeConfusion,
  recalls,
  topConfusions,
} from '../../../src/lib/cnn-trainer/confusion';

const labels = [0, 0, 1, 1, 4, 4, 4, 9, 9, 9];
const preds = [0, 0, 1, 7, 9, 9, 4, 9, 9, 4];

describe('confusion matrix', () => {
  const c = confusionMatrix(labels, preds);
  it('counts true class by row, prediction by column', () => {
    expect(c.counts[0 * 10 + 0]).toBe(2);
    expect(c.counts[4 * 10 + 9]).toBe(2);
    expect(c.counts[9 * 10 + 4]).toBe(1);
    expect(c.correct).toBe(6);
    expect(accuracy(c)).toBeCloseTo(0.6);
    expect([...c.counts].reduce((a, b) => a + b, 0)).toBe(labels.length);
  });
  it('lists the examples behind a cell', () => {
    expect(cellExamples(labels, preds, 4, 9)).toEqual([4, 5]);
    expect(cellExamples(labels, preds, 4, 9, 1)).toEqual([4]);
    expect(cellExamples(labels, preds, 2, 2)).toEqual([]);
  });
  it('ranks mix-ups and describes them', () => {
    expect(topConfusions(c, 2)).toEqual([
      { actual: 4, predicted: 9, count: 2 },
      { actual: 1, predicted: 7, count: 1 },
    ]);
    expect(recalls(c)[4]).toBeCloseTo(1 / 3);
    expect(Number.isNaN(recalls(c)[2])).toBe(true);
    const text = describeConfusion(c);
    expect(text).toContain('6 of 10 test digits right (60.0%)');
    expect(text).toContain('Hardest digit: 4');
    expect(text).toContain('4 taken for 9 (2×)');
  });
  it('gives table rows and row-relative shades', () => {
    expect(confusionRows(c)[4]).toEqual(['4', '0', '0', '0', '0', '1', '0', '0', '0', '0', '2']);
    expect(cellShade(c, 0, 0)).toBe(1);
    expect(cellShade(c, 2, 2)).toBe(0);
  });
  it('rejects mismatched lengths', () => {
    expect(() => confusionMatrix([1, 2], [1])).toThrow(/2 labels but 1/);
  });
});
