// Pure: no DOM. A small fully connected network stored in Float32Arrays, and its forward pass
// for prediction (no dropout). Used by the playground worker, its views and tests.
import { activateInto, type ActivationName } from './activations.ts';
import { outputInto, type OutputKind } from './losses.ts';

/**
 * A dense network. Layer l maps sizes[l] inputs to sizes[l+1] outputs:
 * z = W·x + b, with W stored row-major (weights[l][j * sizes[l] + i] connects input i to unit j).
 * Hidden layers use `activation`; the last layer uses `output`.
 */
export interface DenseNet {
  readonly sizes: readonly number[];
  readonly activation: ActivationName;
  readonly output: OutputKind;
  readonly weights: Float32Array[];
  readonly biases: Float32Array[];
}

export interface DenseNetSpec {
  /** [inputs, hidden…, outputs]; every entry ≥ 1. */
  sizes: readonly number[];
  activation: ActivationName;
  output: OutputKind;
}

/**
 * A new network with Glorot-uniform weights (limit √(6 / (fanIn + fanOut)), as tfjs's default
 * initializer) and zero biases. `random` returns uniform numbers in [0, 1); the same sequence
 * gives the same network.
 */
export function createNet(spec: DenseNetSpec, random: () => number): DenseNet {
  const { sizes } = spec;
  if (sizes.length < 2)
    throw new RangeError('a network needs at least an input and an output size');
  for (const s of sizes) {
    if (!Number.isInteger(s) || s < 1) throw new RangeError(`layer sizes must be ≥ 1, got ${s}`);
  }
  const weights: Float32Array[] = [];
  const biases: Float32Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const w = new Float32Array(fanIn * fanOut);
    for (let k = 0; k < w.length; k++) w[k] = (2 * random() - 1) * limit;
    weights.push(w);
    biases.push(new Float32Array(fanOut));
  }
  return { sizes: [...sizes], activation: spec.activation, output: spec.output, weights, biases };
}

/** A deep copy (weights and biases copied, not shared). */
export function cloneNet(net: DenseNet): DenseNet {
  return {
    sizes: [...net.sizes],
    activation: net.activation,
    output: net.output,
    weights: net.weights.map((w) => w.slice()),
    biases: net.biases.map((b) => b.slice()),
  };
}

/** The trainable arrays in a fixed order: W0, b0, W1, b1, … (the optimizers' slot order). */
export function parameters(net: DenseNet): Float32Array[] {
  const out: Float32Array[] = [];
  for (let l = 0; l < net.weights.length; l++) out.push(net.weights[l]!, net.biases[l]!);
  return out;
}

/** Number of weights and biases. */
export function parameterCount(net: DenseNet): number {
  return parameters(net).reduce((n, p) => n + p.length, 0);
}

/** Largest layer width, for scratch buffers. */
export function maxWidth(net: DenseNet): number {
  return Math.max(...net.sizes);
}

/**
 * One dense layer for one example: z[j] = b[j] + Σ_i W[j·nIn + i]·x[i].
 * The inner loop of everything the engine does.
 */
export function denseInto(
  w: Float32Array,
  b: Float32Array,
  x: Float32Array,
  z: Float32Array,
  nIn: number,
  nOut: number,
): void {
  for (let j = 0, row = 0; j < nOut; j++, row += nIn) {
    let s = b[j]!;
    for (let i = 0; i < nIn; i++) s += w[row + i]! * x[i]!;
    z[j] = s;
  }
}

/**
 * Predicts one example: writes the outputs to `y` (length sizes[last]), and the output layer's
 * pre-activations to `zOut` when given (losses need the logits). Dropout is never applied here:
 * this is test time. `scratch` (two arrays of at least maxWidth) avoids allocation.
 */
export function predictInto(
  net: DenseNet,
  x: Float32Array,
  y: Float32Array,
  scratch: [Float32Array, Float32Array] = [
    new Float32Array(maxWidth(net)),
    new Float32Array(maxWidth(net)),
  ],
  zOut?: Float32Array,
): void {
  const L = net.weights.length;
  let input = x;
  for (let l = 0; l < L; l++) {
    const nIn = net.sizes[l]!;
    const nOut = net.sizes[l + 1]!;
    const z = scratch[l % 2]!;
    denseInto(net.weights[l]!, net.biases[l]!, input, z, nIn, nOut);
    if (l === L - 1) {
      if (zOut) for (let k = 0; k < nOut; k++) zOut[k] = z[k]!;
      outputInto(net.output, z, y, nOut);
    } else activateInto(net.activation, z, z, nOut);
    input = z;
  }
}

/** Predicts one example and returns a new array of outputs. */
export function predict(net: DenseNet, x: ArrayLike<number>): Float32Array {
  const y = new Float32Array(net.sizes[net.sizes.length - 1]!);
  predictInto(net, Float32Array.from(x), y);
  return y;
}

/**
 * Every unit's output for many examples at once (a heatmap grid): `inputs` holds n examples of
 * sizes[0] values each, row after row. Returns units[l][j], a Float32Array of n values for unit j
 * of layer l+1 (hidden layers after their activation, the last layer after the output function).
 * Pass `into` from a previous call to reuse its arrays.
 */
export function unitOutputs(
  net: DenseNet,
  inputs: Float32Array,
  n: number,
  into?: Float32Array[][],
): Float32Array[][] {
  const L = net.weights.length;
  const units =
    into ??
    net.sizes.slice(1).map((size) => Array.from({ length: size }, () => new Float32Array(n)));
  const width = maxWidth(net);
  const z = new Float32Array(width);
  const bufs = [new Float32Array(width), new Float32Array(width)] as const;
  const x = new Float32Array(net.sizes[0]!);
  const nIn0 = net.sizes[0]!;
  for (let p = 0; p < n; p++) {
    for (let i = 0; i < nIn0; i++) x[i] = inputs[p * nIn0 + i]!;
    let input = x;
    for (let l = 0; l < L; l++) {
      const nIn = net.sizes[l]!;
      const nOut = net.sizes[l + 1]!;
      const a = bufs[l % 2]!;
      denseInto(net.weights[l]!, net.biases[l]!, input, z, nIn, nOut);
      if (l === L - 1) outputInto(net.output, z, a, nOut);
      else activateInto(net.activation, z, a, nOut);
      const layer = units[l]!;
      for (let j = 0; j < nOut; j++) layer[j]![p] = a[j]!;
      input = a;
    }
  }
  return units;
}
