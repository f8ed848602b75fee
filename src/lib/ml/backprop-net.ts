// Pure: no DOM, no tfjs. The 2-2-1 sigmoid network of the backpropagation lesson on one example:
// its parameters, the forward pass node by node, the loss and the backward gradients. The graph
// the BackpropGraph widget draws (backprop-graph.ts) is built from these numbers.
//
//   z₁ = w₁x₁ + w₂x₂ + b₁   h₁ = σ(z₁)
//   z₂ = w₃x₁ + w₄x₂ + b₂   h₂ = σ(z₂)
//   z₃ = w₅h₁ + w₆h₂ + b₃   ŷ = σ(z₃)     L = ½(ŷ − y)²

/** The nine trainable parameters, in the order tables and tests list them. */
export const paramNames = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'b1', 'b2', 'b3'] as const;
export type ParamName = (typeof paramNames)[number];
export type Params = Record<ParamName, number>;

/** One training example and the network's parameters. */
export interface Net221 {
  readonly x1: number;
  readonly x2: number;
  /** The target output. */
  readonly y: number;
  readonly params: Params;
}

/** The example the lesson works through. */
export const lessonNet: Net221 = {
  x1: 1,
  x2: 0.5,
  y: 1,
  params: { w1: 0.4, w2: -0.6, w3: 0.3, w4: 0.8, w5: 0.7, w6: -0.5, b1: 0.1, b2: -0.2, b3: 0.2 },
};

export const sigma = (z: number): number => 1 / (1 + Math.exp(-z));

/** Every value the forward pass computes. */
export interface ForwardValues {
  readonly z1: number;
  readonly h1: number;
  readonly z2: number;
  readonly h2: number;
  readonly z3: number;
  readonly yhat: number;
  readonly L: number;
}

/** The forward pass: each intermediate value of the graph for one example. */
export function forward(net: Net221): ForwardValues {
  const { x1, x2, y, params: p } = net;
  const z1 = p.w1 * x1 + p.w2 * x2 + p.b1;
  const h1 = sigma(z1);
  const z2 = p.w3 * x1 + p.w4 * x2 + p.b2;
  const h2 = sigma(z2);
  const z3 = p.w5 * h1 + p.w6 * h2 + p.b3;
  const yhat = sigma(z3);
  const L = 0.5 * (yhat - y) ** 2;
  return { z1, h1, z2, h2, z3, yhat, L };
}

/** The loss alone as a function of the parameters (what finite differences perturb). */
export function lossAt(net: Net221, params: Params = net.params): number {
  return forward({ ...net, params }).L;
}

/** ∂L/∂(every node): parameters, inputs and intermediate values. */
export interface Gradients extends Params {
  readonly yhat: number;
  readonly z3: number;
  readonly h1: number;
  readonly h2: number;
  readonly z1: number;
  readonly z2: number;
  readonly x1: number;
  readonly x2: number;
}

/** The backward pass: one sweep from L back to the inputs, reusing each node's gradient. */
export function backward(net: Net221, f: ForwardValues = forward(net)): Gradients {
  const { x1, x2, y, params: p } = net;
  const yhat = f.yhat - y;
  const z3 = yhat * f.yhat * (1 - f.yhat);
  const h1 = z3 * p.w5;
  const h2 = z3 * p.w6;
  const z1 = h1 * f.h1 * (1 - f.h1);
  const z2 = h2 * f.h2 * (1 - f.h2);
  return {
    yhat,
    z3,
    w5: z3 * f.h1,
    w6: z3 * f.h2,
    b3: z3,
    h1,
    h2,
    z1,
    z2,
    w1: z1 * x1,
    w2: z1 * x2,
    b1: z1,
    w3: z2 * x1,
    w4: z2 * x2,
    b2: z2,
    x1: z1 * p.w1 + z2 * p.w3,
    x2: z1 * p.w2 + z2 * p.w4,
  };
}
