// Pure: no DOM. One training step (gradients + penalty + update) and loss evaluation, the two
// calls a training loop makes.
import { computeGradients, type Workspace } from './backprop.ts';
import { lossAndDelta, type LossName } from './losses.ts';
import { maxWidth, parameters, predictInto, type DenseNet } from './network.ts';
import { applyGradients, type OptimizerState } from './optimizers.ts';
import { addPenaltyGradient, penalty, type RegularizationName } from './regularization.ts';

export interface StepOptions {
  loss: LossName;
  learningRate: number;
  regularization: RegularizationName;
  regularizationRate: number;
  dropout: number;
  random?: () => number;
}

/**
 * Trains on one batch (rows start … start+count of inputs/targets, through `order` if given):
 * computes the mean gradient, adds the regularization gradient, updates the weights.
 * Returns the batch's mean data loss before the update (without the penalty).
 */
export function trainStep(
  net: DenseNet,
  optimizer: OptimizerState,
  ws: Workspace,
  inputs: Float32Array,
  targets: Float32Array,
  start: number,
  count: number,
  options: StepOptions,
  order?: ArrayLike<number>,
): number {
  const loss = computeGradients(net, ws, inputs, targets, start, count, options, order);
  addPenaltyGradient(net, ws.grads, options.regularization, options.regularizationRate);
  applyGradients(optimizer, parameters(net), ws.grads, options.learningRate);
  return loss;
}

/** Mean data loss (no penalty, no dropout) of the network on n rows of inputs/targets. */
export function meanLoss(
  net: DenseNet,
  inputs: Float32Array,
  targets: Float32Array,
  n: number,
  loss: LossName,
): number {
  if (n === 0) return NaN;
  const nIn = net.sizes[0]!;
  const nOut = net.sizes[net.sizes.length - 1]!;
  const width = maxWidth(net);
  const scratch: [Float32Array, Float32Array] = [new Float32Array(width), new Float32Array(width)];
  const x = new Float32Array(nIn);
  const y = new Float32Array(nOut);
  const zOut = new Float32Array(nOut);
  const delta = new Float32Array(nOut);
  let total = 0;
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < nIn; i++) x[i] = inputs[r * nIn + i]!;
    predictInto(net, x, y, scratch, zOut);
    total += lossAndDelta(net.output, loss, zOut, y, targets[r]!, delta, nOut);
  }
  return total / n;
}

/** The objective the optimizer minimises: mean data loss plus the regularization penalty. */
export function totalLoss(
  dataLoss: number,
  net: DenseNet,
  kind: RegularizationName,
  rate: number,
): number {
  return dataLoss + penalty(net, kind, rate);
}
