// Pure: no DOM. A dense network's forward and backward pass over a whole batch at once, on the
// dense engine's weight layout (src/lib/ml/dense/network.ts: W row-major, weights[l][j·nIn + i]).
// Activations are stored feature-major (unit j of example e at [j·capacity + e]) so that every
// inner loop runs along the batch: long, contiguous and easy for the JIT (about 3× faster than
// one example at a time on 16-unit layers). The GAN needs what the dense engine's fused pass
// does not offer: the gradient with respect to the *input* (the discriminator hands it to the
// generator), and backward passes that leave the weight gradients alone (a generator step must
// not touch the discriminator's).
import type { DenseNet } from '../ml/dense/network.ts';
import { layerForward, layerInputGrads, layerWeightGrads } from './mlp-kernels.ts';

/** Scratch memory of one network for batches of up to `capacity` examples. */
export interface MlpWorkspace {
  readonly capacity: number;
  /** z[l]: pre-activations of layer l (z[0] unused), sizes[l] × capacity. */
  readonly z: Float32Array[];
  /** a[l]: outputs of layer l; a[0] is the input, a[L] the raw linear output. */
  readonly a: Float32Array[];
  /** delta[l]: dLoss/dz[l]; delta[L] is set by the caller, delta[0] is dLoss/dinput. */
  readonly delta: Float32Array[];
  /** Gradient sums in parameters() order: dW0, db0, dW1, db1, … */
  readonly grads: Float32Array[];
}

export function createMlpWorkspace(net: DenseNet, capacity: number): MlpWorkspace {
  const per = () => net.sizes.map((s) => new Float32Array(s * capacity));
  const grads: Float32Array[] = [];
  for (let l = 0; l < net.weights.length; l++) {
    grads.push(new Float32Array(net.weights[l]!.length), new Float32Array(net.biases[l]!.length));
  }
  const z = per();
  const a = per();
  // The last layer is linear: its outputs are its pre-activations.
  a[a.length - 1] = z[z.length - 1]!;
  return { capacity, z, a, delta: per(), grads };
}

/**
 * Forward pass for the n ≤ capacity examples already in ws.a[0] (feature-major). Hidden layers
 * use net.activation (ReLU or tanh); the last layer stays linear (the GAN applies the
 * discriminator's sigmoid inside its losses). Returns ws.a[L].
 */
export function forward(net: DenseNet, ws: MlpWorkspace, n: number): Float32Array {
  const L = net.weights.length;
  const C = ws.capacity;
  const act = net.activation === 'tanh' ? 2 : 1;
  for (let l = 1; l <= L; l++) {
    const Z = ws.z[l]!;
    layerForward(
      net.weights[l - 1]!,
      net.biases[l - 1]!,
      ws.a[l - 1]!,
      Z,
      ws.a[l]!,
      net.sizes[l - 1]!,
      net.sizes[l]!,
      C,
      n,
      l < L ? act : 0,
    );
  }
  return ws.a[L]!;
}

/**
 * Backward pass for the batch whose forward pass is in ws, given dLoss/doutput in ws.delta[L].
 * Adds Σ over the batch of the weight gradients to ws.grads when `accumulate`; writes
 * dLoss/dinput to ws.delta[0] when `inputGradient`. Hidden layers use the derivative of
 * net.activation (ReLU's derivative at 0 is 0, as in tfjs).
 */
export function backward(
  net: DenseNet,
  ws: MlpWorkspace,
  n: number,
  accumulate: boolean,
  inputGradient: boolean,
): void {
  const L = net.weights.length;
  const C = ws.capacity;
  const act = net.activation === 'tanh' ? 2 : 1;
  for (let l = L; l >= 1; l--) {
    const nIn = net.sizes[l - 1]!;
    const nOut = net.sizes[l]!;
    const Dl = ws.delta[l]!;
    if (accumulate)
      layerWeightGrads(
        Dl,
        ws.a[l - 1]!,
        ws.grads[2 * (l - 1)]!,
        ws.grads[2 * (l - 1) + 1]!,
        nIn,
        nOut,
        C,
        n,
      );
    if (l === 1 && !inputGradient) break;
    layerInputGrads(
      net.weights[l - 1]!,
      Dl,
      ws.delta[l - 1]!,
      ws.z[l - 1]!,
      ws.a[l - 1]!,
      nIn,
      nOut,
      C,
      n,
      l > 1 ? act : 0,
    );
  }
}

/** Zeroes the gradient sums. */
export function zeroGrads(ws: MlpWorkspace): void {
  for (const g of ws.grads) g.fill(0);
}

/** Multiplies the gradient sums by `factor` (sums → means with 1/n). */
export function scaleGrads(ws: MlpWorkspace, factor: number): void {
  for (const g of ws.grads) for (let k = 0; k < g.length; k++) g[k] = g[k]! * factor;
}
