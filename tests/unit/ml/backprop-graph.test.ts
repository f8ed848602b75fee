import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  backward,
  buildGraph,
  forward,
  lessonNet,
  lossAt,
  num,
  paramNames,
  passCounts,
  type Net221,
} from '../../../src/lib/ml/backprop-graph.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The same network written with tfjs ops; tf.grads differentiates it independently. */
function tfGradients(net: Net221): Record<string, number> {
  const names = [...paramNames, 'x1', 'x2'] as const;
  const values = names.map((n) => (n === 'x1' ? net.x1 : n === 'x2' ? net.x2 : net.params[n]));
  return tf.tidy(() => {
    const f = (...t: tf.Tensor[]): tf.Tensor => {
      const [w1, w2, w3, w4, w5, w6, b1, b2, b3, x1, x2] = t as [
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
        tf.Scalar,
      ];
      const h1 = tf.sigmoid(w1.mul(x1).add(w2.mul(x2)).add(b1));
      const h2 = tf.sigmoid(w3.mul(x1).add(w4.mul(x2)).add(b2));
      const yhat = tf.sigmoid(w5.mul(h1).add(w6.mul(h2)).add(b3));
      return yhat.sub(net.y).square().mul(0.5);
    };
    const grads = tf.grads(f)(values.map((v) => tf.scalar(v)));
    return Object.fromEntries(names.map((n, i) => [n, grads[i]!.dataSync()[0]!]));
  });
}

describe('the 2-2-1 computational graph', () => {
  const graph = buildGraph(lessonNet);

  it('computes the forward pass by hand', () => {
    const f = forward(lessonNet);
    expect(f.z1).toBeCloseTo(0.4 * 1 - 0.6 * 0.5 + 0.1, 12);
    expect(f.h1).toBeCloseTo(1 / (1 + Math.exp(-f.z1)), 12);
    expect(f.z3).toBeCloseTo(0.7 * f.h1 - 0.5 * f.h2 + 0.2, 12);
    expect(f.L).toBeCloseTo(0.5 * (f.yhat - 1) ** 2, 12);
    expect(lossAt(lessonNet)).toBe(f.L);
  });

  it('has every parameter and input gradient equal to tf.grads to 1e-6', () => {
    const expected = tfGradients(lessonNet);
    for (const [name, v] of Object.entries(expected)) {
      const node = graph.nodes.find((n) => n.id === name)!;
      expect(Math.abs(node.grad! - v), name).toBeLessThan(1e-6);
    }
  });

  it('agrees with tf.grads on other numbers too', () => {
    const other: Net221 = {
      x1: -0.3,
      x2: 1.7,
      y: 0,
      params: { w1: -1.2, w2: 0.5, w3: 2.1, w4: -0.4, w5: 1.3, w6: 0.9, b1: 0.3, b2: 0, b3: -0.7 },
    };
    const g = backward(other);
    for (const [name, v] of Object.entries(tfGradients(other))) {
      expect(Math.abs(g[name as keyof typeof g] - v), name).toBeLessThan(1e-6);
    }
  });

  it('gives each gradient as the product of local derivatives along its path', () => {
    for (const name of paramNames) {
      const paths = graph.paths.filter((p) => p.to === name);
      expect(paths).toHaveLength(1);
      expect(paths[0]!.product).toBeCloseTo(graph.gradients[name], 14);
    }
    const first = graph.paths.find((p) => p.to === 'w1')!;
    expect(first.edges).toEqual(['yhat-L', 'z3-yhat', 'h1-z3', 'z1-h1', 'w1-z1']);
    const { yhat, h1 } = graph.forward;
    expect(first.factors).toEqual([yhat - 1, yhat * (1 - yhat), 0.7, h1 * (1 - h1), 1]);
  });

  it('sums the two paths from an input', () => {
    for (const x of ['x1', 'x2'] as const) {
      const paths = graph.paths.filter((p) => p.to === x);
      expect(paths).toHaveLength(2);
      expect(paths[0]!.product + paths[1]!.product).toBeCloseTo(graph.gradients[x], 14);
    }
  });

  it('walks forward node by node, then backward, ending with every gradient', () => {
    const fwd = graph.steps.filter((s) => s.phase === 'forward').map((s) => s.node);
    expect(fwd).toEqual(['z1', 'h1', 'z2', 'h2', 'z3', 'yhat', 'L']);
    const first = graph.steps.findIndex((s) => s.phase === 'backward');
    expect(graph.steps.slice(first).every((s) => s.phase === 'backward')).toBe(true);
    const bwd = new Set(graph.steps.slice(first).map((s) => s.node));
    for (const name of [...paramNames, 'x1', 'x2', 'z1', 'z2', 'h1', 'h2', 'z3', 'yhat']) {
      expect(bwd.has(name as never), name).toBe(true);
    }
    graph.steps.forEach((s, i) => expect(s.index).toBe(i));
    expect(graph.steps).toHaveLength(24);
  });

  it('computes a gradient only after the gradient it depends on', () => {
    const at = (node: string): number =>
      graph.steps.findIndex((s) => s.phase === 'backward' && s.node === node);
    expect(at('yhat')).toBeLessThan(at('z3'));
    expect(at('z3')).toBeLessThan(at('h1'));
    expect(at('h1')).toBeLessThan(at('z1'));
    expect(at('z1')).toBeLessThan(at('w1'));
    expect(at('z2')).toBeLessThan(at('x1'));
  });

  it('writes each step as TeX with the numbers it uses', () => {
    const z1 = graph.steps[0]!;
    expect(z1.tex).toBe(
      'z_1 = w_1x_1 + w_2x_2 + b_1 = 0.4000\\cdot1.0000 + (-0.6000)\\cdot0.5000 + 0.1000 = 0.2000',
    );
    expect(z1.text).toContain('z1 = w1·x1 + w2·x2 + b1 = 0.2000');
    const w1 = graph.steps.find((s) => s.phase === 'backward' && s.node === 'w1')!;
    expect(w1.tex).toContain('\\frac{\\partial L}{\\partial w_1}');
    expect(w1.pathTex).toContain(num(graph.gradients.w1, 6));
    expect(w1.value).toBe(graph.gradients.w1);
    expect(
      graph.steps.find((s) => s.node === 'h1' && s.phase === 'backward')!.pathTex,
    ).toBeUndefined();
  });

  it('lists the local derivative on every edge', () => {
    const e = graph.edges.find((x) => x.id === 'w1-z1')!;
    expect(e.local).toBe(lessonNet.x1);
    expect(e.tex).toBe('\\frac{\\partial z_1}{\\partial w_1} = x_1');
    expect(graph.edges.find((x) => x.id === 'z3-yhat')!.local).toBeCloseTo(
      graph.forward.yhat * (1 - graph.forward.yhat),
      14,
    );
    expect(graph.nodes.find((n) => n.id === 'y')!.grad).toBeUndefined();
    expect(graph.nodes.find((n) => n.id === 'L')!.grad).toBe(1);
  });

  it('formats numbers for equations', () => {
    expect(num(-0.5, 2)).toBe('-0.50');
    expect(num(-0.5, 2, true)).toBe('(-0.50)');
    expect(num(-0.00001, 2, true)).toBe('0.00');
    expect(num(1.23456)).toBe('1.2346');
  });

  it('counts passes: backprop one forward and one backward, perturbation one per parameter', () => {
    expect(passCounts(9)).toEqual({
      backprop: { forward: 1, backward: 1 },
      oneSided: 10,
      central: 18,
    });
    expect(passCounts(1_000_000).central).toBe(2_000_000);
    expect(() => passCounts(0)).toThrow(/positive integer/);
  });

  it('leaves no tensors behind', () => {
    expect(tf.memory().numTensors).toBe(0);
  });
});
