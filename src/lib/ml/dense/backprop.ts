// Pure: no DOM. The dense engine's fused training pass: for each example of a batch, forward
// through the layers, then backward, adding its gradient to running sums. Written to be read in
// the backpropagation lesson as well as to run fast: no allocation per step, plain loops.
import { activateInto, multiplyByDerivative } from './activations.ts';
import { lossAndDelta, outputInto, type LossName } from './losses.ts';
import { denseInto, type DenseNet } from './network.ts';

/** Scratch memory for one network: reuse it for every step. */
export interface Workspace {
  /** Pre-activations z per layer (index l for layer l, 0 unused). */
  readonly z: Float32Array[];
  /** Outputs before dropout (activation(z)); h[0] is the input. */
  readonly h: Float32Array[];
  /** Outputs after dropout, what the next layer reads; a[0] is the input. */
  readonly a: Float32Array[];
  /** Dropout multipliers per hidden unit for the current example (0 or 1/(1−rate)). */
  readonly mask: Float32Array[];
  /** dL/dz per layer for the current example. */
  readonly delta: Float32Array[];
  /** Gradient sums, then means, in the order of parameters(net): dW0, db0, dW1, db1, … */
  readonly grads: Float32Array[];
}

export function createWorkspace(net: DenseNet): Workspace {
  const per = () => net.sizes.map((s) => new Float32Array(s));
  const grads: Float32Array[] = [];
  for (let l = 0; l < net.weights.length; l++) {
    grads.push(new Float32Array(net.weights[l]!.length), new Float32Array(net.biases[l]!.length));
  }
  return { z: per(), h: per(), a: per(), mask: per(), delta: per(), grads };
}

export interface PassOptions {
  loss: LossName;
  /** Fraction of hidden units dropped per example, in [0, 1). 0 turns dropout off. */
  dropout: number;
  /** Uniform [0, 1) numbers for the dropout masks; needed when dropout > 0. */
  random?: () => number;
}

/**
 * Mean loss over a batch and the mean gradient of that loss, written to ws.grads (no
 * regularization: see regularization.ts). The batch is rows rows[start … start+count) of
 * `inputs` (sizes[0] numbers per row) and `targets` (one number per row: a value, a 0/1 label
 * or a class index), looked up through `order` when given (a shuffled index list).
 *
 * Dropout, when on, is inverted dropout at training time: each hidden unit is kept with
 * probability 1 − rate and its output multiplied by 1 / (1 − rate), so predictInto (test time,
 * no dropout) needs no rescaling. Masks are drawn example by example, layer by layer, unit by unit.
 */
export function computeGradients(
  net: DenseNet,
  ws: Workspace,
  inputs: Float32Array,
  targets: Float32Array,
  start: number,
  count: number,
  options: PassOptions,
  order?: ArrayLike<number>,
): number {
  const L = net.weights.length;
  const sizes = net.sizes;
  const nIn0 = sizes[0]!;
  const { z, h, a, mask, delta, grads } = ws;
  const rate = options.dropout;
  const dropping = rate > 0 && L > 1;
  const random = options.random;
  if (dropping && !random) throw new Error('dropout needs a random number source');
  const keepScale = 1 / (1 - rate);
  for (const g of grads) g.fill(0);

  let total = 0;
  for (let e = 0; e < count; e++) {
    const row = order ? order[start + e]! : start + e;
    // Forward: input → hidden layers → output.
    const x = a[0]!;
    for (let i = 0; i < nIn0; i++) x[i] = inputs[row * nIn0 + i]!;
    for (let l = 1; l <= L; l++) {
      const nIn = sizes[l - 1]!;
      const nOut = sizes[l]!;
      const zl = z[l]!;
      denseInto(net.weights[l - 1]!, net.biases[l - 1]!, a[l - 1]!, zl, nIn, nOut);
      if (l === L) {
        outputInto(net.output, zl, a[l]!, nOut);
      } else {
        const hl = h[l]!;
        const al = a[l]!;
        activateInto(net.activation, zl, hl, nOut);
        if (dropping) {
          const ml = mask[l]!;
          for (let j = 0; j < nOut; j++) {
            ml[j] = random!() < rate ? 0 : keepScale;
            al[j] = hl[j]! * ml[j]!;
          }
        } else {
          for (let j = 0; j < nOut; j++) al[j] = hl[j]!;
        }
      }
    }
    // Loss and dL/dz of the output layer.
    total += lossAndDelta(
      net.output,
      options.loss,
      z[L]!,
      a[L]!,
      targets[row]!,
      delta[L]!,
      sizes[L]!,
    );

    // Backward: for each layer, add δ·aᵀ to dW and δ to db, then push δ down a layer.
    for (let l = L; l >= 1; l--) {
      const nIn = sizes[l - 1]!;
      const nOut = sizes[l]!;
      const dl = delta[l]!;
      const input = a[l - 1]!;
      const gw = grads[2 * (l - 1)]!;
      const gb = grads[2 * (l - 1) + 1]!;
      for (let j = 0, r = 0; j < nOut; j++, r += nIn) {
        const d = dl[j]!;
        gb[j] = gb[j]! + d;
        for (let i = 0; i < nIn; i++) gw[r + i] = gw[r + i]! + d * input[i]!;
      }
      if (l > 1) {
        const w = net.weights[l - 1]!;
        const below = delta[l - 1]!;
        for (let i = 0; i < nIn; i++) {
          let s = 0;
          for (let j = 0; j < nOut; j++) s += w[j * nIn + i]! * dl[j]!;
          below[i] = s;
        }
        if (dropping) {
          const ml = mask[l - 1]!;
          for (let i = 0; i < nIn; i++) below[i] = below[i]! * ml[i]!;
        }
        multiplyByDerivative(net.activation, z[l - 1]!, h[l - 1]!, below, nIn);
      }
    }
  }
  // Sums → means over the batch.
  const inv = 1 / count;
  for (const g of grads) for (let k = 0; k < g.length; k++) g[k] = g[k]! * inv;
  return total * inv;
}
