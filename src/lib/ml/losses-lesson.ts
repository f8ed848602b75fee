// Pure: no DOM, no tfjs. The four losses of the "Loss and gradient descent" lesson with their
// gradients, on plain number arrays, so the lesson's formulas can be unit tested line by line
// (tests/unit/ml/losses-lesson.test.ts compares them with tfjs and with finite differences).

/** Probabilities are clipped into [EPS, 1 − EPS] before a logarithm, as tfjs and Keras do. */
export const EPS = 1e-7;

/** A loss value together with its gradient with respect to the predictions. */
export interface LossWithGradient {
  readonly loss: number;
  /** ∂loss/∂prediction, same shape as the predictions. */
  readonly grad: number[];
}

function sameLength(y: readonly number[], p: readonly number[]): void {
  if (y.length !== p.length) {
    throw new Error(`targets and predictions differ in length (${y.length} vs ${p.length})`);
  }
  if (y.length === 0) throw new Error('a loss needs at least one example');
}

const clip = (p: number): number => Math.min(1 - EPS, Math.max(EPS, p));

/**
 * Sum of squared errors: SSE = Σᵢ (ŷᵢ − yᵢ)². Gradient: 2(ŷᵢ − yᵢ).
 * @param y targets
 * @param yHat predictions (same length)
 */
export function sse(y: readonly number[], yHat: readonly number[]): LossWithGradient {
  sameLength(y, yHat);
  let loss = 0;
  const grad = yHat.map((p, i) => {
    const d = p - y[i]!;
    loss += d * d;
    return 2 * d;
  });
  return { loss, grad };
}

/**
 * Mean squared error: MSE = (1/n) Σᵢ (ŷᵢ − yᵢ)². Gradient: 2(ŷᵢ − yᵢ)/n.
 * @param y targets
 * @param yHat predictions (same length)
 */
export function mse(y: readonly number[], yHat: readonly number[]): LossWithGradient {
  const { loss, grad } = sse(y, yHat);
  const n = y.length;
  return { loss: loss / n, grad: grad.map((g) => g / n) };
}

/**
 * Binary cross-entropy averaged over examples:
 * BCE = −(1/n) Σᵢ [yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)], with pᵢ clipped to [EPS, 1 − EPS].
 * Gradient with respect to pᵢ: (pᵢ − yᵢ) / (pᵢ(1 − pᵢ) n) (zero where the clip is active).
 * @param y targets in [0, 1] (usually 0 or 1)
 * @param p predicted probabilities of class 1
 */
export function binaryCrossEntropy(y: readonly number[], p: readonly number[]): LossWithGradient {
  sameLength(y, p);
  const n = y.length;
  let loss = 0;
  const grad = p.map((raw, i) => {
    const t = y[i]!;
    const q = clip(raw);
    loss -= t * Math.log(q) + (1 - t) * Math.log(1 - q);
    if (q !== raw) return 0;
    return (q - t) / (q * (1 - q) * n);
  });
  return { loss: loss / n, grad };
}

/**
 * Binary cross-entropy computed from the logit z (p = σ(z)) in the numerically stable form
 * max(z, 0) − z·y + log(1 + e^−|z|). Its gradient with respect to z is the famous (σ(z) − y)/n.
 * @param y targets in [0, 1]
 * @param z logits (pre-sigmoid scores)
 */
export function binaryCrossEntropyFromLogits(
  y: readonly number[],
  z: readonly number[],
): LossWithGradient {
  sameLength(y, z);
  const n = y.length;
  let loss = 0;
  const grad = z.map((zi, i) => {
    const t = y[i]!;
    loss += Math.max(zi, 0) - zi * t + Math.log1p(Math.exp(-Math.abs(zi)));
    return (sigmoid(zi) - t) / n;
  });
  return { loss: loss / n, grad };
}

/** The logistic sigmoid σ(z) = 1/(1 + e^−z), computed without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Softmax of one row of scores, shifted by the maximum so large scores do not overflow. */
export function softmax(scores: readonly number[]): number[] {
  if (scores.length === 0) throw new Error('softmax needs at least one score');
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** A loss over a batch of rows, with its gradient row by row. */
export interface RowLossWithGradient {
  readonly loss: number;
  readonly grad: number[][];
}

function sameRows(y: readonly (readonly number[])[], p: readonly (readonly number[])[]): void {
  if (y.length !== p.length) {
    throw new Error(`targets and predictions differ in rows (${y.length} vs ${p.length})`);
  }
  if (y.length === 0) throw new Error('a loss needs at least one example');
  y.forEach((row, i) => {
    if (row.length !== p[i]!.length) {
      throw new Error(`row ${i}: ${row.length} targets but ${p[i]!.length} probabilities`);
    }
  });
}

/**
 * Categorical cross-entropy averaged over examples: CCE = −(1/n) Σᵢ Σₖ yᵢₖ log pᵢₖ, with p clipped.
 * Gradient with respect to pᵢₖ: −yᵢₖ / (pᵢₖ n).
 * @param y one-hot (or soft) targets, one row per example
 * @param p predicted class probabilities, one row per example (each row sums to 1)
 */
export function categoricalCrossEntropy(
  y: readonly (readonly number[])[],
  p: readonly (readonly number[])[],
): RowLossWithGradient {
  sameRows(y, p);
  const n = y.length;
  let loss = 0;
  const grad = p.map((row, i) =>
    row.map((raw, k) => {
      const t = y[i]![k]!;
      const q = clip(raw);
      loss -= t * Math.log(q);
      return q === raw ? -t / (q * n) : 0;
    }),
  );
  return { loss: loss / n, grad };
}

/**
 * Categorical cross-entropy from scores (logits) through softmax. The gradient with respect to the
 * scores is (softmax(s) − y)/n: the same "prediction minus target" as for the sigmoid case.
 * @param y one-hot (or soft) targets, one row per example
 * @param scores logits, one row per example
 */
export function softmaxCrossEntropy(
  y: readonly (readonly number[])[],
  scores: readonly (readonly number[])[],
): RowLossWithGradient {
  sameRows(y, scores);
  const n = y.length;
  let loss = 0;
  const grad = scores.map((row, i) => {
    const max = Math.max(...row);
    const logSum = max + Math.log(row.reduce((a, s) => a + Math.exp(s - max), 0));
    const probs = softmax(row);
    return row.map((s, k) => {
      const t = y[i]![k]!;
      loss -= t * (s - logSum);
      return (probs[k]! - t) / n;
    });
  });
  return { loss: loss / n, grad };
}

/**
 * Mean absolute error: MAE = (1/n) Σᵢ |ŷᵢ − yᵢ|. Gradient: sign(ŷᵢ − yᵢ)/n (0 at a tie, the
 * subgradient libraries use).
 */
export function mae(y: readonly number[], yHat: readonly number[]): LossWithGradient {
  sameLength(y, yHat);
  const n = y.length;
  let loss = 0;
  const grad = yHat.map((p, i) => {
    const d = p - y[i]!;
    loss += Math.abs(d);
    return Math.sign(d) / n;
  });
  return { loss: loss / n, grad };
}

/**
 * Huber loss with threshold δ, averaged: ½e² for |e| ≤ δ, δ(|e| − ½δ) beyond (tf.losses.huberLoss).
 * Gradient: e/n inside, δ·sign(e)/n outside: squared error near the target, absolute error far
 * from it, so a few outliers cannot dominate.
 */
export function huber(y: readonly number[], yHat: readonly number[], delta = 1): LossWithGradient {
  sameLength(y, yHat);
  const n = y.length;
  let loss = 0;
  const grad = yHat.map((p, i) => {
    const e = p - y[i]!;
    const a = Math.abs(e);
    loss += a <= delta ? 0.5 * e * e : delta * (a - 0.5 * delta);
    return (a <= delta ? e : delta * Math.sign(e)) / n;
  });
  return { loss: loss / n, grad };
}

/**
 * The slope each loss puts on the output unit's weighted input z when the target is 1 and the
 * sigmoid output is p = σ(z): squared error (p − 1)² has ∂L/∂z = 2(p − 1)·p(1 − p), which vanishes
 * as p → 0 (confidently wrong); cross-entropy −ln p has ∂L/∂z = p − 1, largest exactly there.
 */
export function outputSlopes(p: number): { mse: number; bce: number } {
  return { mse: 2 * (p - 1) * p * (1 - p), bce: p - 1 };
}
