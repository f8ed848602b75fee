// The vanishing-gradient view: ∂L/∂h_t from the backward Jacobian products equals finite
// differences on a tiny case, for the tanh RNN and the LSTM; and the numbers the lesson quotes.
import { describe, expect, it } from 'vitest';
import {
  gradientNorms,
  lossOf,
  lstmStateGradients,
  lstmStates,
  rnnStateGradients,
  rnnStates,
  vanishingDefaults,
  vanishingSetup,
} from '../../../src/lib/rnn/vanishing.ts';

const tiny = { ...vanishingDefaults, length: 6, hidden: 3, seed: 7, gain: 1.3, forgetBias: 1 };
const EPS = 1e-6;

/** Central difference of L with respect to h_t[j], rerunning the network from step t. */
function fdRnn(t: number, j: number): number {
  const st = vanishingSetup(tiny);
  const hs = rnnStates(st);
  const at = (d: number): number => {
    const h = Float64Array.from(hs[t]!);
    h[j] = h[j]! + d;
    const run = rnnStates(st, t, h);
    return lossOf(st, run[run.length - 1]!);
  };
  return (at(EPS) - at(-EPS)) / (2 * EPS);
}

function fdLstm(t: number, j: number): number {
  const st = vanishingSetup(tiny);
  const tr = lstmStates(st);
  const at = (d: number): number => {
    const h = Float64Array.from(tr.h[t]!);
    h[j] = h[j]! + d;
    const run = lstmStates(st, t, h, tr.c[t]);
    return lossOf(st, run.h[run.h.length - 1]!);
  };
  return (at(EPS) - at(-EPS)) / (2 * EPS);
}

describe('state gradients equal finite differences', () => {
  const st = vanishingSetup(tiny);
  it('tanh RNN, every step and unit', () => {
    const g = rnnStateGradients(st);
    expect(g).toHaveLength(7);
    for (let t = 0; t <= 6; t++)
      for (let j = 0; j < 3; j++) expect(g[t]![j]).toBeCloseTo(fdRnn(t, j), 7);
  });
  it('LSTM, every step and unit (c_t held fixed)', () => {
    const g = lstmStateGradients(st);
    for (let t = 0; t <= 6; t++)
      for (let j = 0; j < 3; j++) expect(g[t]![j]).toBeCloseTo(fdLstm(t, j), 7);
  });
  it('the norms the view plots are those gradients', () => {
    const n = gradientNorms(tiny);
    const g = rnnStateGradients(st);
    expect(n.rnn).toHaveLength(6);
    expect(n.rnn[0]).toBeCloseTo(Math.hypot(...g[1]!), 12);
    expect(n.rnn[5]).toBeCloseTo(1, 12); // ∂L/∂h_T = u, a unit vector
    expect(n.lstm[5]).toBeCloseTo(1, 12);
  });
});

describe('what the lesson says about the view (seed 1, 16 units)', () => {
  it('T = 100, gain 1, forget bias 1: the RNN falls below 1e-12 at step 1, the LSTM stays above 1e-6', () => {
    const n = gradientNorms({ ...vanishingDefaults, length: 100 });
    expect(n.rnn[0]).toBeLessThan(1e-12);
    expect(n.lstm[0]).toBeGreaterThan(1e-6);
    expect(n.lstm[0]).toBeLessThan(1e-4);
  });
  it('forget bias 3 keeps the LSTM gradient at step 1 above 0.01', () => {
    const n = gradientNorms({ ...vanishingDefaults, length: 100, forgetBias: 3 });
    expect(n.lstm[0]).toBeGreaterThan(0.01);
  });
  it('a short sequence has one norm per step and ends at 1 (∂L/∂h_T = u)', () => {
    const n = gradientNorms({ ...vanishingDefaults, length: 5 });
    expect(n.rnn).toHaveLength(5);
    expect(n.rnn[4]).toBeCloseTo(1, 12);
  });
});

describe('more of what the lesson says', () => {
  it('T = 100: the RNN near 1.3e-13 at step 1, the LSTM near 6e-6; gain 3 explodes to about 6', () => {
    const n = gradientNorms({ ...vanishingDefaults, length: 100 });
    expect(n.rnn[0]).toBeGreaterThan(1e-13);
    expect(n.rnn[0]).toBeLessThan(1.5e-13);
    expect(n.lstm[0]).toBeGreaterThan(5.5e-6);
    expect(n.lstm[0]).toBeLessThan(6.5e-6);
    const g = gradientNorms({ ...vanishingDefaults, length: 100, gain: 3 });
    expect(g.rnn[0]).toBeGreaterThan(5.5);
    expect(g.rnn[0]).toBeLessThan(7);
  });
  it('the quiz window: T = 55 … 70 give RNN < 1e-6 and LSTM > 1e-4 at step 1', () => {
    for (const length of [55, 60, 65, 70]) {
      const n = gradientNorms({ ...vanishingDefaults, length });
      expect(n.rnn[0]).toBeLessThan(1e-6);
      expect(n.lstm[0]).toBeGreaterThan(1e-4);
    }
  });
});
