// The claims the activation lesson makes about the GradientNorms widget (per-layer gradient sizes
// of a 2-16×8-1 network at initialisation, seed 1), checked in Node.
import { describe, it, expect } from 'vitest';
import { gradientNorms } from '../../../src/lib/ml/gradient-norms.ts';
import { allSetups, fmtNorm } from '../../../src/components/widgets/GradientNorms/model.ts';

const norms = (activation: 'sigmoid' | 'tanh' | 'relu', init: 'scaled' | 'standard') =>
  gradientNorms({ activation, init });
const spread = (r: ReturnType<typeof gradientNorms>) => {
  const v = r.layers.map((l) => l.norm);
  return Math.max(...v) / Math.min(...v);
};

describe('gradient norms per layer (vanishing and exploding gradients)', () => {
  it('is deterministic for a seed and has one norm per weight layer', () => {
    const a = norms('tanh', 'scaled');
    expect(a.layers).toHaveLength(9);
    expect(norms('tanh', 'scaled').layers).toEqual(a.layers);
  });

  it('sigmoid: the gradient vanishes towards the first layer with either initialisation', () => {
    const scaled = norms('sigmoid', 'scaled');
    expect(scaled.firstOverLast).toBeLessThan(1e-5); // about a millionth
    expect(scaled.firstOverLast).toBeGreaterThan(1e-7);
    for (let l = 1; l < 9; l++)
      expect(scaled.layers[l - 1]!.norm).toBeLessThan(scaled.layers[l]!.norm);
    expect(norms('sigmoid', 'standard').firstOverLast).toBeLessThan(1e-2);
  });

  it('tanh with Xavier and ReLU with He keep the gradient about level', () => {
    expect(spread(norms('tanh', 'scaled'))).toBeLessThan(3);
    expect(spread(norms('relu', 'scaled'))).toBeLessThan(10);
  });

  it('with standard deviation 1, tanh grows towards the first layer and ReLU explodes everywhere', () => {
    expect(norms('tanh', 'standard').firstOverLast).toBeGreaterThan(3);
    const big = norms('relu', 'standard');
    const small = norms('relu', 'scaled');
    expect(Math.min(...big.layers.map((l) => l.norm))).toBeGreaterThan(
      100 * Math.max(...small.layers.map((l) => l.norm)),
    );
  });

  it('orders the first layer’s share as the text says: sigmoid ≪ ReLU < tanh (scaled)', () => {
    const s = norms('sigmoid', 'scaled').firstOverLast;
    const r = norms('relu', 'scaled').firstOverLast;
    const t = norms('tanh', 'scaled').firstOverLast;
    expect(s).toBeLessThan(r / 1000);
    expect(r).toBeLessThan(t);
  });

  it('builds the widget’s six views with words that match the numbers', () => {
    const views = allSetups();
    expect(views.map((v) => v.key)).toEqual([
      'sigmoid-standard',
      'sigmoid-scaled',
      'tanh-standard',
      'tanh-scaled',
      'relu-standard',
      'relu-scaled',
    ]);
    const by = Object.fromEntries(views.map((v) => [v.key, v.summary]));
    expect(by['sigmoid-scaled']).toMatch(/vanishing/);
    expect(by['tanh-scaled']).toMatch(/about the same size/);
    expect(by['tanh-standard']).toMatch(/exploding/);
    expect(by['relu-standard']).toMatch(/huge/);
    expect(fmtNorm(3.3e-7)).toBe('3.3 × 10⁻⁷');
    expect(fmtNorm(0.052)).toBe('0.052');
  });
});
