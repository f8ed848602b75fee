// The RNN step equals its formula; the stepper's sequences and equations read what the lesson says.
import { describe, expect, it } from 'vitest';
import { rnnStep, unroll, type RnnParams } from '../../../src/lib/rnn/step.ts';
import {
  describeStep,
  fmt,
  stepperRnn,
  stepperRun,
  stepperSequences,
  stepTex,
} from '../../../src/lib/rnn/stepper.ts';
import katex from 'katex';

const p: RnnParams = {
  wh: [
    [0.5, -0.3],
    [0.2, 0.1],
  ],
  wx: [
    [1, 0, 2],
    [-1, 0.5, 0],
  ],
  b: [0.1, -0.2],
};

describe('rnnStep', () => {
  it('computes tanh(W_h h + W_x x + b) element by element', () => {
    const h = [0.4, -0.7];
    const x = [1, 2, -0.5];
    const r = rnnStep(p, h, x);
    const a0 = 0.5 * 0.4 + -0.3 * -0.7 + (1 * 1 + 0 * 2 + 2 * -0.5) + 0.1;
    const a1 = 0.2 * 0.4 + 0.1 * -0.7 + (-1 * 1 + 0.5 * 2 + 0 * -0.5) - 0.2;
    expect(r.pre[0]).toBeCloseTo(a0, 12);
    expect(r.pre[1]).toBeCloseTo(a1, 12);
    expect(r.h[0]).toBeCloseTo(Math.tanh(a0), 12);
    expect(r.h[1]).toBeCloseTo(Math.tanh(a1), 12);
    expect(r.recurrent[0]! + r.input[0]! + p.b[0]!).toBeCloseTo(a0, 12);
  });

  it('rejects mismatched sizes', () => {
    expect(() => rnnStep(p, [0], [1, 2, 3])).toThrow(/hidden units/);
    expect(() => rnnStep(p, [0, 0], [1])).toThrow(/wrong length/);
  });

  it('unrolls with the same weights at every step, h_t feeding step t + 1', () => {
    const xs = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const run = unroll(p, xs);
    expect(run.map((s) => s.t)).toEqual([1, 2, 3]);
    expect(run[0]!.hPrev).toEqual([0, 0]);
    for (let k = 1; k < run.length; k++) {
      expect(run[k]!.hPrev).toEqual(run[k - 1]!.h);
      expect(run[k]!.h).toEqual(rnnStep(p, run[k - 1]!.h, xs[k]!).h);
    }
  });
});

describe('the stepper', () => {
  const run = (id: string) => stepperRun(stepperSequences.find((s) => s.id === id)!);

  it('one pulse: unit 1 latches near 0.93, unit 2 fades, unit 3 returns to tanh(0.1)', () => {
    const r = run('pulse');
    expect(r.map((s) => fmt(s.h[0]!))).toEqual(['0.76', '0.88', '0.92', '0.93', '0.93', '0.93']);
    expect(r.map((s) => fmt(s.h[1]!))).toEqual(['0.54', '0.41', '0.31', '0.25', '0.19', '0.15']);
    expect(fmt(r[5]!.h[2]!)).toBe('0.10');
  });

  it('a pulse then its opposite: unit 1 keeps the first sign, unit 2 flips', () => {
    const r = run('flip');
    expect(r.every((s) => s.h[0]! > 0.5)).toBe(true);
    expect(fmt(r[3]!.h[1]!)).toBe('−0.34');
    expect(fmt(r[3]!.h[2]!)).toBe('−0.89');
  });

  it('a weak pulse is amplified by the self-weight 1.8 (0.29 → 0.93)', () => {
    const r = run('weak');
    expect(fmt(r[0]!.h[0]!)).toBe('0.29');
    expect(fmt(r[5]!.h[0]!)).toBe('0.93');
  });

  it('every step equation renders in KaTeX and shows its numbers', () => {
    for (const seq of stepperSequences)
      for (const s of stepperRun(seq)) {
        const tex = stepTex(s);
        expect(() =>
          katex.renderToString(tex, { throwOnError: true, displayMode: true }),
        ).not.toThrow();
        expect(tex).toContain(`\\mathbf{h}_{${s.t}}`);
        expect(tex).toContain(s.h.map((v) => fmt(v).replace('−', '-')).join('\\\\'));
      }
    expect(stepperRnn.b.length).toBe(3);
  });

  it('describes a step in words', () => {
    expect(describeStep(run('pulse')[0]!, 6)).toBe(
      'Step 1 of 6: input x₁ = 1.00. New hidden state h₁ = (0.76, 0.54, 0.92).',
    );
  });
});
