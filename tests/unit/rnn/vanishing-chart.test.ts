import { describe, expect, it } from 'vitest';
import { powerOfTen, sci, vanishingChart } from '../../../src/lib/rnn/vanishing-chart.ts';
import { gradientNorms, vanishingDefaults } from '../../../src/lib/rnn/vanishing.ts';

describe('vanishing chart', () => {
  it('formats powers of ten and small numbers', () => {
    expect(powerOfTen(-13)).toBe('10⁻¹³');
    expect(powerOfTen(0)).toBe('1');
    expect(sci(1.27e-13)).toBe('1.3 × 10⁻¹³');
    expect(sci(0.064)).toBe('0.064');
    expect(sci(9.96e-5)).toBe('1.0 × 10⁻⁴');
  });
  it('draws one point per step on a log axis and summarises step 1', () => {
    const s = { ...vanishingDefaults, length: 100 };
    const c = vanishingChart(gradientNorms(s), s);
    expect(c.rnn.match(/[ML]/g)).toHaveLength(100);
    expect(c.rows).toHaveLength(100);
    expect(c.yTicks[0]!.label).toBe('1');
    expect(c.summary).toContain('the gradient norm is 1.3 × 10⁻¹³ for the tanh RNN (gain 1)');
    expect(c.xTicks.at(-1)!.label).toBe('100');
  });
});
