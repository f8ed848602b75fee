import { describe, it, expect } from 'vitest';
import {
  activations,
  activationNames,
  step,
  stepDerivative,
  sigmoid,
  sigmoidDerivative,
  tanh,
  tanhDerivative,
  relu,
  reluDerivative,
  leakyRelu,
  leakyReluDerivative,
  linear,
  linearDerivative,
  softmax,
  softmaxJacobian,
  maxout,
  maxoutGradient,
  finiteDifference,
  sampleActivation,
  isActivationName,
  LEAKY_SLOPE,
} from '../../../src/lib/ml/activations.ts';

// Points away from the kinks at 0, where a finite difference is exact enough.
const xs = [-6, -3.3, -1, -0.4, 0.3, 0.9, 2.2, 5];

describe('element-wise activations', () => {
  it('compute the textbook values', () => {
    expect(step(-0.1)).toBe(0);
    expect(step(0)).toBe(1);
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2)).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
    expect(sigmoid(-2)).toBeCloseTo(1 / (1 + Math.exp(2)), 15);
    expect(tanh(0.5)).toBeCloseTo(Math.tanh(0.5), 15);
    expect(relu(-3)).toBe(0);
    expect(relu(2.5)).toBe(2.5);
    expect(leakyRelu(-3)).toBeCloseTo(-0.03, 15);
    expect(leakyRelu(-3, 0.2)).toBeCloseTo(-0.6, 15);
    expect(leakyRelu(4)).toBe(4);
    expect(linear(-7)).toBe(-7);
  });

  it('keep sigmoid finite and in (0, 1) far out, where a naive formula overflows', () => {
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    expect(Number.isNaN(sigmoid(-1000))).toBe(false);
    expect(sigmoidDerivative(-1000)).toBe(0);
  });

  it('have peak slopes 0.25 (sigmoid) and 1 (tanh) at 0', () => {
    expect(sigmoidDerivative(0)).toBe(0.25);
    expect(tanhDerivative(0)).toBe(1);
    for (const x of xs) {
      expect(sigmoidDerivative(x)).toBeLessThan(0.25);
      expect(tanhDerivative(x)).toBeLessThan(1);
    }
  });

  it('relate tanh to the sigmoid: tanh(x) = 2S(2x) − 1', () => {
    for (const x of xs) expect(tanh(x)).toBeCloseTo(2 * sigmoid(2 * x) - 1, 12);
  });

  it.each(activationNames.filter((n) => n !== 'step'))(
    '%s: the derivative matches a central finite difference',
    (name) => {
      const a = activations[name];
      for (const x of xs) expect(a.df(x)).toBeCloseTo(finiteDifference(a.f, x), 6);
    },
  );

  it('step: slope 0 on both sides, and the finite difference agrees away from 0', () => {
    for (const x of xs) {
      expect(stepDerivative(x)).toBe(0);
      expect(finiteDifference(step, x)).toBe(0);
    }
  });

  it('use the conventions at the kink: ReLU′(0) = 0, leaky ReLU′(0) = α', () => {
    expect(reluDerivative(0)).toBe(0);
    expect(reluDerivative(1e-9)).toBe(1);
    expect(leakyReluDerivative(0)).toBe(LEAKY_SLOPE);
    expect(leakyReluDerivative(-2, 0.3)).toBe(0.3);
    expect(linearDerivative(123)).toBe(1);
  });

  it('saturate: sigmoid and tanh slopes vanish for large |x|, ReLU keeps slope 1', () => {
    expect(sigmoidDerivative(10)).toBeLessThan(1e-4);
    expect(tanhDerivative(-10)).toBeLessThan(1e-8);
    expect(reluDerivative(10)).toBe(1);
  });

  it('give a range for each function that its samples respect', () => {
    for (const name of activationNames) {
      const a = activations[name];
      for (const p of sampleActivation(a, -8, 8, 33)) {
        expect(p.y).toBeGreaterThanOrEqual(a.range[0]);
        expect(p.y).toBeLessThanOrEqual(a.range[1]);
      }
    }
  });
});

describe('sampleActivation', () => {
  it('samples evenly including both ends and refuses bad arguments', () => {
    const s = sampleActivation(activations.relu, -1, 1, 5);
    expect(s.map((p) => p.x)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(s.map((p) => p.y)).toEqual([0, 0, 0, 0.5, 1]);
    expect(s.map((p) => p.dy)).toEqual([0, 0, 0, 1, 1]);
    expect(() => sampleActivation(activations.relu, 1, -1)).toThrow(RangeError);
    expect(() => sampleActivation(activations.relu, -1, 1, 1)).toThrow(RangeError);
  });
});

describe('isActivationName', () => {
  it('accepts known names only', () => {
    expect(isActivationName('relu')).toBe(true);
    expect(isActivationName('swish')).toBe(false);
  });
});

describe('finiteDifference', () => {
  it('estimates the slope of x² as 2x', () => {
    expect(finiteDifference((x) => x * x, 3)).toBeCloseTo(6, 6);
  });
});

describe('softmax', () => {
  it('turns scores into probabilities that sum to 1 and keep the order', () => {
    const s = softmax([2, 1, 0.1]);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(s[0]).toBeCloseTo(0.659, 3);
    expect(s[1]).toBeCloseTo(0.2424, 3);
    expect(s[2]).toBeCloseTo(0.0986, 3);
  });

  it('is unchanged by adding a constant to every score and does not overflow', () => {
    const a = softmax([1, 2, 3]);
    const b = softmax([1001, 1002, 1003]);
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 12));
  });

  it('with two classes is the sigmoid of the difference', () => {
    expect(softmax([1.7, 0])[0]).toBeCloseTo(sigmoid(1.7), 12);
  });

  it('rejects empty or non-finite scores', () => {
    expect(() => softmax([])).toThrow(RangeError);
    expect(() => softmax([1, Number.NaN])).toThrow(/finite/);
  });

  it('has a Jacobian that matches finite differences and whose rows sum to 0', () => {
    const z = [0.5, -1, 2];
    const j = softmaxJacobian(z);
    for (let i = 0; i < 3; i++) {
      expect(j[i]!.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
      for (let k = 0; k < 3; k++) {
        const f = (t: number): number => softmax(z.map((v, m) => (m === k ? t : v)))[i]!;
        expect(j[i]![k]).toBeCloseTo(finiteDifference(f, z[k]!), 7);
      }
    }
  });
});

describe('maxout', () => {
  it('takes the largest piece and passes the gradient to it alone', () => {
    expect(maxout([0.2, 1.5, -3])).toBe(1.5);
    expect(maxoutGradient([0.2, 1.5, -3])).toEqual([0, 1, 0]);
    expect(maxoutGradient([2, 2])).toEqual([1, 0]);
  });

  it('of the pieces (0, x) is ReLU, and its gradient matches finite differences', () => {
    for (const x of xs) {
      expect(maxout([0, x])).toBe(relu(x));
      const g = maxoutGradient([0.25, x])[1]!;
      expect(g).toBeCloseTo(
        finiteDifference((t) => maxout([0.25, t]), x),
        6,
      );
    }
  });

  it('rejects no pieces', () => {
    expect(() => maxout([])).toThrow(RangeError);
    expect(() => maxoutGradient([])).toThrow(RangeError);
  });
});
