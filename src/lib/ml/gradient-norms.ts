// Pure: no DOM. Vanishing and exploding gradients made visible (issue 11, "Show, don't claim"):
// the size of the loss gradient for each weight layer of a deeper network at initialisation,
// for sigmoid, tanh and ReLU hidden units and two ways of drawing the starting weights, from one
// seed. Uses the dense engine's backward pass. Drawn by the GradientNorms widget; the lesson's
// claims about the ordering are checked in tests/unit/ml/gradient-norms.test.ts.
import { createNet, createWorkspace, computeGradients, type DenseNet } from './dense/index.ts';
import { circles, toArrays } from './datasets.ts';
import { createRng } from './rng.ts';

export const normActivations = ['sigmoid', 'tanh', 'relu'] as const;
export type NormActivation = (typeof normActivations)[number];

/**
 * 'standard': every weight drawn from a normal distribution with standard deviation 1, whatever
 * the layer's size (a naive choice). 'scaled': the variance-preserving choice for the activation,
 * Xavier/Glorot (variance 1/fan-in, here the average of fan-in and fan-out) for sigmoid and tanh,
 * He (variance 2/fan-in) for ReLU.
 */
export const normInits = ['standard', 'scaled'] as const;
export type NormInit = (typeof normInits)[number];

export interface NormSetup {
  readonly activation: NormActivation;
  readonly init: NormInit;
  /** hidden layers (default 8) of `width` units (default 16) */
  readonly depth?: number;
  readonly width?: number;
  readonly seed?: number;
  /** examples in the batch the gradient is averaged over (default 100) */
  readonly batch?: number;
}

export interface LayerNorm {
  /** 1 = the first weight layer (inputs → first hidden layer) */
  readonly layer: number;
  /** Euclidean norm of ∂L/∂W for this layer, averaged over the batch */
  readonly norm: number;
}

export interface NormResult {
  readonly setup: Required<NormSetup>;
  readonly layers: readonly LayerNorm[];
  /** norm of the first layer's gradient divided by the last layer's */
  readonly firstOverLast: number;
  readonly loss: number;
}

/** A standard normal number from two uniforms (Box–Muller). */
function gaussian(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** The network of `setup` with its starting weights drawn from the seed. */
export function normNet(setup: Required<NormSetup>): DenseNet {
  const rng = createRng(setup.seed);
  const sizes = [2, ...Array.from({ length: setup.depth }, () => setup.width), 1];
  const net = createNet({ sizes, activation: setup.activation, output: 'sigmoid' }, () =>
    rng.next(),
  );
  net.weights.forEach((w, l) => {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    const std =
      setup.init === 'standard'
        ? 1
        : setup.activation === 'relu'
          ? Math.sqrt(2 / fanIn)
          : Math.sqrt(2 / (fanIn + fanOut));
    for (let k = 0; k < w.length; k++) w[k] = std * gaussian(() => rng.next());
  });
  // Small positive biases keep ReLU units from starting dead on the inputs that are all zero.
  if (setup.activation === 'relu') for (const b of net.biases.slice(0, -1)) b.fill(0.01);
  return net;
}

/** Per-layer gradient norms at initialisation for one setup (deterministic for a seed). */
export function gradientNorms(setup: NormSetup): NormResult {
  const s: Required<NormSetup> = { depth: 8, width: 16, seed: 1, batch: 100, ...setup };
  const net = normNet(s);
  const points = circles(createRng(s.seed + 1000), { n: s.batch, noise: 0.1 });
  const { xs, ys } = toArrays(points);
  const ws = createWorkspace(net);
  const loss = computeGradients(net, ws, xs, ys, 0, points.length, {
    loss: 'cross-entropy',
    dropout: 0,
  });
  const layers = net.weights.map((_, l) => {
    const g = ws.grads[2 * l]!;
    let sum = 0;
    for (let k = 0; k < g.length; k++) sum += g[k]! * g[k]!;
    return { layer: l + 1, norm: Math.sqrt(sum) };
  });
  const first = layers[0]!.norm;
  const last = layers[layers.length - 1]!.norm;
  return { setup: s, layers, firstOverLast: first / last, loss };
}
