// Pure: no DOM. The classical classifiers of lesson 5.1, fitted on a frozen network's features:
// a linear SVM (one-vs-rest hinge loss) and multinomial logistic regression, both with an L2
// penalty, each with its loss and gradient written out (tests compare them with finite
// differences), and one deterministic full-batch optimiser. Used by transfer.ts (worker, tests).

/** A linear classifier: scores s = x·W + b with W [d][K] row-major. */
export interface LinearModel {
  readonly d: number;
  readonly K: number;
  readonly W: Float32Array;
  readonly b: Float32Array;
}

export type LinearKind = 'svm' | 'logreg';

/** Rows of features (n × d, row-major) and their classes 0…K−1. */
export interface FeatureSet {
  readonly X: Float32Array;
  readonly y: Uint8Array;
  readonly n: number;
  readonly d: number;
}

export interface LossAndGradient {
  loss: number;
  gW: Float64Array;
  gb: Float64Array;
}

export function zeroModel(d: number, K: number): LinearModel {
  return { d, K, W: new Float32Array(d * K), b: new Float32Array(K) };
}

/** Scores of row i into `out` (length K). */
export function scoresInto(m: LinearModel, X: Float32Array, i: number, out: Float64Array): void {
  const { d, K, W, b } = m;
  for (let c = 0; c < K; c++) out[c] = b[c]!;
  const base = i * d;
  for (let j = 0; j < d; j++) {
    const x = X[base + j]!;
    if (x === 0) continue;
    const row = j * K;
    for (let c = 0; c < K; c++) out[c]! += x * W[row + c]!;
  }
}

function penalty(m: LinearModel, lambda: number, gW: Float64Array): number {
  let sq = 0;
  for (let k = 0; k < m.W.length; k++) {
    const w = m.W[k]!;
    sq += w * w;
    gW[k] = lambda * w;
  }
  return 0.5 * lambda * sq;
}

/**
 * One-vs-rest hinge loss, the linear SVM's objective:
 *   L = (1/n) Σᵢ Σ_c max(0, 1 − tᵢc·sᵢc) + (λ/2)‖W‖²,  tᵢc = +1 if yᵢ = c else −1,
 * and its (sub)gradient ∂L/∂W_c = −(1/n) Σ_{i: tᵢc·sᵢc < 1} tᵢc·xᵢ + λW_c, ∂L/∂b_c likewise
 * without xᵢ and λ. At a kink (tᵢc·sᵢc = 1 exactly) the zero subgradient is taken.
 */
export function hingeLoss(m: LinearModel, data: FeatureSet, lambda: number): LossAndGradient {
  const { d, K } = m;
  const gW = new Float64Array(d * K);
  const gb = new Float64Array(K);
  let loss = penalty(m, lambda, gW);
  const s = new Float64Array(K);
  const coef = new Float64Array(K);
  const inv = 1 / data.n;
  for (let i = 0; i < data.n; i++) {
    scoresInto(m, data.X, i, s);
    let active = false;
    for (let c = 0; c < K; c++) {
      const t = data.y[i] === c ? 1 : -1;
      const margin = t * s[c]!;
      if (margin < 1) {
        loss += (1 - margin) * inv;
        coef[c] = -t * inv;
        gb[c]! += coef[c]!;
        active = true;
      } else coef[c] = 0;
    }
    if (active) addOuter(data.X, i, d, K, coef, gW);
  }
  return { loss, gW, gb };
}

/**
 * Multinomial logistic regression (softmax cross-entropy):
 *   L = −(1/n) Σᵢ log pᵢ,yᵢ + (λ/2)‖W‖²,  pᵢ = softmax(sᵢ),
 * with ∂L/∂W = (1/n) Σᵢ xᵢ (pᵢ − e_yᵢ)ᵀ + λW and ∂L/∂b = (1/n) Σᵢ (pᵢ − e_yᵢ).
 */
export function logisticLoss(m: LinearModel, data: FeatureSet, lambda: number): LossAndGradient {
  const { d, K } = m;
  const gW = new Float64Array(d * K);
  const gb = new Float64Array(K);
  let loss = penalty(m, lambda, gW);
  const s = new Float64Array(K);
  const coef = new Float64Array(K);
  const inv = 1 / data.n;
  for (let i = 0; i < data.n; i++) {
    scoresInto(m, data.X, i, s);
    let max = -Infinity;
    for (let c = 0; c < K; c++) max = Math.max(max, s[c]!);
    let z = 0;
    for (let c = 0; c < K; c++) z += Math.exp(s[c]! - max);
    const y = data.y[i]!;
    loss -= (s[y]! - max - Math.log(z)) * inv;
    for (let c = 0; c < K; c++) {
      coef[c] = (Math.exp(s[c]! - max) / z - (c === y ? 1 : 0)) * inv;
      gb[c]! += coef[c]!;
    }
    addOuter(data.X, i, d, K, coef, gW);
  }
  return { loss, gW, gb };
}

/** gW += xᵢ coefᵀ. */
function addOuter(
  X: Float32Array,
  i: number,
  d: number,
  K: number,
  coef: Float64Array,
  gW: Float64Array,
): void {
  const base = i * d;
  for (let j = 0; j < d; j++) {
    const x = X[base + j]!;
    if (x === 0) continue;
    const row = j * K;
    for (let c = 0; c < K; c++) gW[row + c]! += x * coef[c]!;
  }
}

export interface FitOptions {
  /** L2 strength λ (default 0.01). */
  lambda?: number;
  /** Full-batch steps (default 300). */
  iterations?: number;
  /** Step size at the start; it decays as lr/√(1 + t/50) (default 0.5). */
  learningRate?: number;
}

/**
 * Fits W, b from zero by full-batch (sub)gradient descent with a slowly decaying step. No
 * randomness: the result depends only on the data. Features should be of order one (the widget
 * scales each feature vector to unit length).
 */
export function fitLinear(kind: LinearKind, data: FeatureSet, K: number, opts: FitOptions = {}) {
  const lambda = opts.lambda ?? 0.01;
  const iterations = opts.iterations ?? 300;
  const lr0 = opts.learningRate ?? 0.5;
  const m = zeroModel(data.d, K);
  const f = kind === 'svm' ? hingeLoss : logisticLoss;
  let loss = NaN;
  for (let t = 0; t < iterations; t++) {
    const g = f(m, data, lambda);
    loss = g.loss;
    const lr = lr0 / Math.sqrt(1 + t / 50);
    for (let k = 0; k < m.W.length; k++) m.W[k] = m.W[k]! - lr * g.gW[k]!;
    for (let c = 0; c < K; c++) m.b[c] = m.b[c]! - lr * g.gb[c]!;
  }
  return { model: m, loss };
}

/** Predicted class of row i (highest score; ties to the lower class). */
export function classify(m: LinearModel, X: Float32Array, i: number, s: Float64Array): number {
  scoresInto(m, X, i, s);
  let best = 0;
  for (let c = 1; c < m.K; c++) if (s[c]! > s[best]!) best = c;
  return best;
}

/** Fraction of rows classified correctly. */
export function linearAccuracy(m: LinearModel, data: FeatureSet): number {
  const s = new Float64Array(m.K);
  let ok = 0;
  for (let i = 0; i < data.n; i++) if (classify(m, data.X, i, s) === data.y[i]) ok++;
  return data.n ? ok / data.n : 0;
}
