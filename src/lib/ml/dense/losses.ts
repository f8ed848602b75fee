// Pure: no DOM. Output layers and losses of the dense engine: the prediction for one example and
// the loss's gradient with respect to the output layer's pre-activations.

/** The output layer: linear (regression), sigmoid (two classes), softmax (three or more). */
export type OutputKind = 'linear' | 'sigmoid' | 'softmax';
export const lossNames = ['squared', 'cross-entropy'] as const;
export type LossName = (typeof lossNames)[number];

/**
 * Writes the network's outputs y[0..n) from the output pre-activations z[0..n).
 * For softmax the largest z is subtracted first so exp never overflows.
 */
export function outputInto(kind: OutputKind, z: Float32Array, y: Float32Array, n: number): void {
  if (kind === 'linear') {
    for (let k = 0; k < n; k++) y[k] = z[k]!;
  } else if (kind === 'sigmoid') {
    for (let k = 0; k < n; k++) {
      const v = z[k]!;
      y[k] = v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }
  } else {
    let max = -Infinity;
    for (let k = 0; k < n; k++) if (z[k]! > max) max = z[k]!;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const e = Math.exp(z[k]! - max);
      y[k] = e;
      sum += e;
    }
    for (let k = 0; k < n; k++) y[k] = y[k]! / sum;
  }
}

/** Target value of output k: the regression value, the 0/1 label, or a one-hot class. */
function targetOf(kind: OutputKind, target: number, k: number): number {
  if (kind === 'softmax') return k === target ? 1 : 0;
  return target;
}

/**
 * The loss of one example, and dL/dz for its output pre-activations written to delta[0..n).
 * `target` is a real value (linear), a 0/1 label (sigmoid) or a class index (softmax).
 *
 * - squared: mean over the n outputs of (y_k − t_k)², matching tf.losses.meanSquaredError
 *   once averaged over the batch.
 * - cross-entropy, sigmoid: −t·log p − (1−t)·log(1−p), computed from the logit z as
 *   max(z,0) − z·t + log(1+e^−|z|) (tf.losses.sigmoidCrossEntropy); dL/dz = p − t.
 * - cross-entropy, softmax: −log p_target = logsumexp(z) − z_target
 *   (tf.losses.softmaxCrossEntropy); dL/dz_k = p_k − onehot_k.
 *
 * `y` must already hold outputInto(kind, z, …). Cross-entropy needs a sigmoid or softmax output.
 */
export function lossAndDelta(
  kind: OutputKind,
  loss: LossName,
  z: Float32Array,
  y: Float32Array,
  target: number,
  delta: Float32Array,
  n: number,
): number {
  if (loss === 'cross-entropy') {
    if (kind === 'sigmoid') {
      const v = z[0]!;
      delta[0] = y[0]! - target;
      return Math.max(v, 0) - v * target + Math.log1p(Math.exp(-Math.abs(v)));
    }
    if (kind === 'softmax') {
      let max = -Infinity;
      for (let k = 0; k < n; k++) if (z[k]! > max) max = z[k]!;
      let sum = 0;
      for (let k = 0; k < n; k++) sum += Math.exp(z[k]! - max);
      for (let k = 0; k < n; k++) delta[k] = y[k]! - (k === target ? 1 : 0);
      return max + Math.log(sum) - z[target]!;
    }
    throw new Error('cross-entropy needs a sigmoid or softmax output, not a linear one');
  }
  // Squared error: g_k = dL/dy_k, then through the output function.
  let total = 0;
  for (let k = 0; k < n; k++) {
    const diff = y[k]! - targetOf(kind, target, k);
    total += diff * diff;
    delta[k] = (2 * diff) / n;
  }
  if (kind === 'sigmoid') {
    for (let k = 0; k < n; k++) delta[k] = delta[k]! * y[k]! * (1 - y[k]!);
  } else if (kind === 'softmax') {
    // Softmax Jacobian: dL/dz_j = y_j (g_j − Σ_k g_k y_k).
    let dot = 0;
    for (let k = 0; k < n; k++) dot += delta[k]! * y[k]!;
    for (let k = 0; k < n; k++) delta[k] = y[k]! * (delta[k]! - dot);
  }
  return total / n;
}
