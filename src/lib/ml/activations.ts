// Pure: no DOM. Activation functions with their derivatives, as plain numbers. Used by the
// activation widgets, the neuron explorer, the activation race's engine choice and unit tests.

/** Names of the element-wise activations the course plots and trains with. */
export const activationNames = ['step', 'sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear'] as const;
export type ActivationName = (typeof activationNames)[number];

/** An element-wise activation: its value and its slope at x. */
export interface Activation {
  readonly name: ActivationName;
  /** Human label, e.g. "Leaky ReLU". */
  readonly label: string;
  /** f(x) as TeX, for captions. */
  readonly tex: string;
  readonly f: (x: number) => number;
  /**
   * f′(x). Where f has a kink or jump (step at 0, ReLU at 0) we return the right-hand
   * convention used by most libraries: 0 for step, 0 for ReLU at exactly 0.
   */
  readonly df: (x: number) => number;
  /** The range of f as an interval, for axis limits and the text. */
  readonly range: readonly [number, number];
}

/** Default negative slope of leaky ReLU. */
export const LEAKY_SLOPE = 0.01;

/** Heaviside step: 1 for x ≥ 0, else 0. Its slope is 0 wherever it is defined. */
export function step(x: number): number {
  return x >= 0 ? 1 : 0;
}
/** The step's derivative: 0 everywhere except x = 0, where it is undefined (we return 0). */
export function stepDerivative(_x: number): number {
  return 0;
}

/** Logistic sigmoid S(x) = 1 / (1 + e^(−x)), computed without overflow for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
/** S′(x) = S(x)(1 − S(x)); at most 0.25, at x = 0. */
export function sigmoidDerivative(x: number): number {
  const s = sigmoid(x);
  return s * (1 - s);
}

/** Hyperbolic tangent, range (−1, 1). */
export function tanh(x: number): number {
  return Math.tanh(x);
}
/** tanh′(x) = 1 − tanh²(x); at most 1, at x = 0. */
export function tanhDerivative(x: number): number {
  const t = Math.tanh(x);
  return 1 - t * t;
}

/** ReLU(x) = max(0, x). */
export function relu(x: number): number {
  return x > 0 ? x : 0;
}
/** ReLU′(x) = 1 for x > 0, 0 for x < 0 (and 0 at exactly 0, by convention). */
export function reluDerivative(x: number): number {
  return x > 0 ? 1 : 0;
}

/** Leaky ReLU: x for x > 0, αx otherwise (α = 0.01 unless given). */
export function leakyRelu(x: number, alpha = LEAKY_SLOPE): number {
  return x > 0 ? x : alpha * x;
}
/** Leaky ReLU′: 1 for x > 0, α otherwise. */
export function leakyReluDerivative(x: number, alpha = LEAKY_SLOPE): number {
  return x > 0 ? 1 : alpha;
}

/** Identity (no activation): a layer of these is a purely linear map. */
export function linear(x: number): number {
  return x;
}
export function linearDerivative(_x: number): number {
  return 1;
}

/**
 * Softmax of a vector of scores: e^(z_i) / Σ_j e^(z_j). Subtracts max(z) first so large scores
 * cannot overflow. Returns probabilities that sum to 1.
 * @throws RangeError for an empty vector or a non-finite score
 */
export function softmax(z: readonly number[]): number[] {
  if (z.length === 0) throw new RangeError('softmax needs at least one score');
  if (z.some((v) => !Number.isFinite(v))) throw new RangeError('softmax scores must be finite');
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/**
 * The Jacobian of softmax: J[i][j] = ∂s_i/∂z_j = s_i (δ_ij − s_j).
 * Each row sums to 0, because the outputs always sum to 1.
 */
export function softmaxJacobian(z: readonly number[]): number[][] {
  const s = softmax(z);
  return s.map((si, i) => s.map((sj, j) => si * ((i === j ? 1 : 0) - sj)));
}

/**
 * Maxout unit: the largest of k linear pieces z_1..z_k (each z_i = w_i·x + b_i, computed by the
 * caller). @throws RangeError for an empty vector
 */
export function maxout(z: readonly number[]): number {
  if (z.length === 0) throw new RangeError('maxout needs at least one piece');
  return Math.max(...z);
}

/**
 * Gradient of maxout with respect to its pieces: 1 for the winning piece (the first one on a
 * tie), 0 for the others. Only the winning piece learns from a given example.
 */
export function maxoutGradient(z: readonly number[]): number[] {
  if (z.length === 0) throw new RangeError('maxout needs at least one piece');
  let best = 0;
  for (let i = 1; i < z.length; i++) if (z[i]! > z[best]!) best = i;
  return z.map((_, i) => (i === best ? 1 : 0));
}

/**
 * The element-wise activations by name, each with f, f′, a TeX formula and its range.
 * The leaky ReLU uses α = 0.01.
 */
export const activations: Readonly<Record<ActivationName, Activation>> = {
  step: {
    name: 'step',
    label: 'Step',
    tex: 'f(x) = \\begin{cases} 1 & x \\ge 0 \\\\ 0 & x < 0 \\end{cases}',
    f: step,
    df: stepDerivative,
    range: [0, 1],
  },
  sigmoid: {
    name: 'sigmoid',
    label: 'Sigmoid',
    tex: 'S(x) = \\frac{1}{1 + e^{-x}}',
    f: sigmoid,
    df: sigmoidDerivative,
    range: [0, 1],
  },
  tanh: {
    name: 'tanh',
    label: 'Tanh',
    tex: '\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}',
    f: tanh,
    df: tanhDerivative,
    range: [-1, 1],
  },
  relu: {
    name: 'relu',
    label: 'ReLU',
    tex: '\\mathrm{ReLU}(x) = \\max(0, x)',
    f: relu,
    df: reluDerivative,
    range: [0, Infinity],
  },
  'leaky-relu': {
    name: 'leaky-relu',
    label: 'Leaky ReLU',
    tex: 'f(x) = \\max(0.01x, x)',
    f: (x) => leakyRelu(x),
    df: (x) => leakyReluDerivative(x),
    range: [-Infinity, Infinity],
  },
  linear: {
    name: 'linear',
    label: 'Linear (none)',
    tex: 'f(x) = x',
    f: linear,
    df: linearDerivative,
    range: [-Infinity, Infinity],
  },
};

/** True if `name` is one of the element-wise activation names. */
export function isActivationName(name: string): name is ActivationName {
  return (activationNames as readonly string[]).includes(name);
}

/**
 * Central finite difference (f(x+h) − f(x−h)) / 2h: the slope estimated from two nearby values.
 * Used by tests and by the notebook cell to estimate the slope of a reader-written activation.
 */
export function finiteDifference(f: (x: number) => number, x: number, h = 1e-5): number {
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** Samples of f and f′ on [lo, hi] for plotting (n ≥ 2 points, evenly spaced). */
export function sampleActivation(
  act: Pick<Activation, 'f' | 'df'>,
  lo: number,
  hi: number,
  n = 201,
): Array<{ x: number; y: number; dy: number }> {
  if (!(n >= 2) || !(hi > lo)) throw new RangeError('need n ≥ 2 and hi > lo');
  const out: Array<{ x: number; y: number; dy: number }> = [];
  for (let i = 0; i < n; i++) {
    const x = lo + ((hi - lo) * i) / (n - 1);
    out.push({ x, y: act.f(x), dy: act.df(x) });
  }
  return out;
}
