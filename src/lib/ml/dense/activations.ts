// Pure: no DOM. The hidden-layer activation functions of the dense engine, each with its
// derivative. Used by the engine's passes, the playground and tests.

/** Names of the activations a hidden layer can use. */
export const activationNames = ['relu', 'tanh', 'sigmoid', 'linear', 'leaky-relu'] as const;
export type ActivationName = (typeof activationNames)[number];

export interface Activation {
  readonly name: ActivationName;
  /** f(z): the unit's output for pre-activation z. */
  readonly output: (z: number) => number;
  /**
   * f'(z), given both z and a = f(z) (whichever is cheaper: tanh and sigmoid use a).
   * ReLU's derivative at exactly 0 is taken as 0, as in tfjs.
   */
  readonly derivative: (z: number, a: number) => number;
}

/** Slope of leaky ReLU for negative inputs (the lessons' α; tf.leakyRelu(z, LEAKY_ALPHA)). */
export const LEAKY_ALPHA = 0.01;

/** The logistic function 1 / (1 + e^-z), written to avoid overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export const activations: Readonly<Record<ActivationName, Activation>> = {
  relu: {
    name: 'relu',
    output: (z) => (z > 0 ? z : 0),
    derivative: (z) => (z > 0 ? 1 : 0),
  },
  tanh: {
    name: 'tanh',
    output: (z) => Math.tanh(z),
    derivative: (_z, a) => 1 - a * a,
  },
  sigmoid: {
    name: 'sigmoid',
    output: sigmoid,
    derivative: (_z, a) => a * (1 - a),
  },
  linear: {
    name: 'linear',
    output: (z) => z,
    derivative: () => 1,
  },
  'leaky-relu': {
    name: 'leaky-relu',
    output: (z) => (z > 0 ? z : LEAKY_ALPHA * z),
    derivative: (z) => (z > 0 ? 1 : LEAKY_ALPHA),
  },
};

/** Applies `kind` to z[0..n) and writes the outputs to a[0..n). */
export function activateInto(
  kind: ActivationName,
  z: Float32Array,
  a: Float32Array,
  n: number,
): void {
  // One switch per layer, plain loops inside: this runs hundreds of thousands of times a second.
  switch (kind) {
    case 'relu':
      for (let i = 0; i < n; i++) a[i] = z[i]! > 0 ? z[i]! : 0;
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) a[i] = Math.tanh(z[i]!);
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) a[i] = sigmoid(z[i]!);
      return;
    case 'linear':
      for (let i = 0; i < n; i++) a[i] = z[i]!;
      return;
    case 'leaky-relu':
      for (let i = 0; i < n; i++) a[i] = z[i]! > 0 ? z[i]! : LEAKY_ALPHA * z[i]!;
      return;
  }
}

/** Multiplies d[0..n) in place by f'(z) (given z and the pre-dropout outputs a). */
export function multiplyByDerivative(
  kind: ActivationName,
  z: Float32Array,
  a: Float32Array,
  d: Float32Array,
  n: number,
): void {
  switch (kind) {
    case 'relu':
      for (let i = 0; i < n; i++) if (!(z[i]! > 0)) d[i] = 0;
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) d[i] = d[i]! * (1 - a[i]! * a[i]!);
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) d[i] = d[i]! * a[i]! * (1 - a[i]!);
      return;
    case 'linear':
      return;
    case 'leaky-relu':
      for (let i = 0; i < n; i++) if (!(z[i]! > 0)) d[i] = d[i]! * LEAKY_ALPHA;
      return;
  }
}
