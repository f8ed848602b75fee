import { describe, it, expect } from 'vitest';
import { formatValue } from '../../../src/components/notebook/inspect.ts';

describe('formatValue (cell values shown as text)', () => {
  it('formats primitives', () => {
    expect(formatValue(undefined)).toBe('undefined');
    expect(formatValue(null)).toBe('null');
    expect(formatValue('hi')).toBe('"hi"');
    expect(formatValue(3)).toBe('3');
    expect(formatValue(1 / 3)).toBe('0.333333');
    expect(formatValue(true)).toBe('true');
    expect(formatValue(10n)).toBe('10');
  });

  it('shows functions by their parameters', () => {
    expect(formatValue((z: number) => z)).toBe('ƒ(z)');
    expect(
      formatValue(function named(a: number, b: number) {
        return a + b;
      }),
    ).toBe('ƒ(a, b)');
  });

  it('summarises arrays, typed arrays, maps and objects', () => {
    expect(formatValue([1, 2, 3])).toBe('Array(3) [1, 2, 3]');
    expect(formatValue(Array.from({ length: 12 }, (_, i) => i))).toBe(
      'Array(12) [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, …]',
    );
    expect(formatValue(new Float32Array([0.5, 1]))).toBe('Float32Array(2) [0.5, 1]');
    expect(formatValue(new Map([[1, 2]]))).toBe('Map(1)');
    expect(formatValue({ x: 1, value: 0.7310585786, nested: { a: [1, 2] } })).toBe(
      '{x: 1, value: 0.731059, nested: {a: Array(2)}}',
    );
  });
});
