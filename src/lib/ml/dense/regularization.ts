// Pure: no DOM. L1 and L2 weight penalties (on weights, not biases, as tfjs's kernelRegularizer).
import type { DenseNet } from './network.ts';

export const regularizationNames = ['none', 'l1', 'l2'] as const;
export type RegularizationName = (typeof regularizationNames)[number];

/**
 * The penalty added to the loss: rate·Σ|w| (L1) or rate·Σw² (L2), over every weight matrix.
 * Matches tf.regularizers.l1({ l1: rate }) and l2({ l2: rate }).
 */
export function penalty(net: DenseNet, kind: RegularizationName, rate: number): number {
  if (kind === 'none' || rate === 0) return 0;
  let s = 0;
  for (const w of net.weights) {
    if (kind === 'l1') for (let k = 0; k < w.length; k++) s += Math.abs(w[k]!);
    else for (let k = 0; k < w.length; k++) s += w[k]! * w[k]!;
  }
  return rate * s;
}

/**
 * Adds the penalty's gradient to `grads` (ordered as parameters(net)): rate·sign(w) for L1
 * (0 at w = 0, as tfjs), 2·rate·w for L2. Bias gradients are left alone.
 */
export function addPenaltyGradient(
  net: DenseNet,
  grads: Float32Array[],
  kind: RegularizationName,
  rate: number,
): void {
  if (kind === 'none' || rate === 0) return;
  for (let l = 0; l < net.weights.length; l++) {
    const w = net.weights[l]!;
    const g = grads[2 * l]!;
    if (kind === 'l1') {
      for (let k = 0; k < w.length; k++) g[k] = g[k]! + rate * Math.sign(w[k]!);
    } else {
      const twice = 2 * rate;
      for (let k = 0; k < w.length; k++) g[k] = g[k]! + twice * w[k]!;
    }
  }
}
