// Pure: no DOM. Backpropagation through time for the recurrent layer and its softmax head, from
// a forward cache: gradients of the mean cross-entropy for every weight array, plus the norm of
// ∂L/∂h_t at every step (the vanishing-gradient view reads these).
import type { ForwardCache, SequenceBatch } from './forward.ts';
import { matmulNT, scratch, transpose } from './kernels.ts';
import { gateCount, zeroWeights, type RecurrentModel, type RecurrentWeights } from './spec.ts';

export interface Gradients {
  /** Same layout as the model's weights. */
  readonly grads: RecurrentWeights;
  /** [T] ‖∂L/∂h_t‖ over the whole batch, for t = 1…T (index t−1). */
  readonly hiddenGradNorms: Float64Array;
}

/** Zeroed gradient buffers for a model (reuse them between steps). */
export function createGradients(model: RecurrentModel, steps = 0): Gradients {
  return { grads: zeroWeights(model.spec), hiddenGradNorms: new Float64Array(steps) };
}

/**
 * Fills `out` (or new buffers) with ∂L/∂θ for L = cache.loss, the mean cross-entropy over the
 * steps that have a target. The batch must be the one the cache came from. The initial state is
 * treated as a constant (truncated BPTT).
 *
 * LSTM, per step, with δh = ∂L/∂h_t (from the head and from step t+1) and δc from step t+1:
 *   δo = δh⊙tanh(c);  δc += δh⊙o⊙(1 − tanh²c);
 *   δi = δc⊙c̃;  δc̃ = δc⊙i;  δf = δc⊙c₋₁;  δc₋₁ = δc⊙f   (the additive path: only ⊙f per step)
 *   δz = [δi⊙i(1−i), δf⊙f(1−f), δc̃⊙(1−c̃²), δo⊙o(1−o)];  δh₋₁ = δz·Uᵀ;  ∂U += h₋₁ᵀ·δz.
 */
export function backward(
  model: RecurrentModel,
  batch: SequenceBatch,
  cache: ForwardCache,
  out?: Gradients,
): Gradients {
  const { spec, weights: w } = model;
  const B = cache.batchSize;
  const T = cache.steps;
  const X = spec.inputSize;
  const H = spec.hiddenSize;
  const V = spec.outputSize;
  const lstm = spec.cell === 'lstm';
  const G = gateCount(spec.cell) * H;
  let result = out;
  if (!result || result.hiddenGradNorms.length !== T) {
    result = {
      grads: result?.grads ?? zeroWeights(spec),
      hiddenGradNorms: new Float64Array(T),
    };
  }
  const g = result.grads;
  g.kernel.fill(0);
  g.recurrent.fill(0);
  g.bias.fill(0);
  g.outKernel.fill(0);
  g.outBias.fill(0);
  const norms = result.hiddenGradNorms;
  const dWx = g.kernel;
  const db = g.bias;
  const { gates, cells, tanhCells, hidden, probs } = cache;
  const tokens = batch.tokens;
  const features = batch.features;
  const targets = batch.targets;
  const scale = cache.counted > 0 ? 1 / cache.counted : 0;
  const TB = T * B;
  const BH = B * H;
  // Hidden states transposed once, [H × (T+1)·B]: column block 0 is h₀ (the inputs of ∂U),
  // blocks 1…T the head's inputs.
  const ld = (T + 1) * B;
  const Ht = scratch('bwd.Ht', H * ld);
  transpose(hidden, 0, ld, H, Ht);
  // ∂L/∂h from the head at every step, [T·B × H] (zero where no target).
  const dHead = scratch('bwd.dHead', TB * H);
  dHead.fill(0, 0, TB * H);
  if (targets && V > 0 && cache.counted > 0) {
    const dY = scratch('bwd.dY', TB * V);
    for (let t = 0; t < T; t++) {
      for (let b = 0; b < B; b++) {
        const o = (t * B + b) * V;
        const target = targets[b * T + t]!;
        if (target < 0) {
          dY.fill(0, o, o + V);
          continue;
        }
        for (let v = 0; v < V; v++) dY[o + v] = probs[o + v]! * scale;
        dY[o + target] = dY[o + target]! - scale;
      }
    }
    const dby = g.outBias;
    for (let n = 0; n < TB; n++) {
      const o = n * V;
      for (let v = 0; v < V; v++) dby[v] = dby[v]! + dY[o + v]!;
    }
    const dYt = scratch('bwd.dYt', V * TB);
    transpose(dY, 0, TB, V, dYt);
    // ∂V_W [H×V] = H₁…Tᵀ·dY;  dHead = dY·V_Wᵀ.
    matmulNT(Ht, B, ld, dYt, 0, TB, g.outKernel, 0, V, H, V, TB);
    matmulNT(dY, 0, V, w.outKernel, 0, V, dHead, 0, H, TB, H, V);
  }
  const dhNext = scratch('bwd.dhNext', BH);
  dhNext.fill(0, 0, BH);
  const dcNext = new Float64Array(BH);
  const dZ = scratch('bwd.dZ', TB * G);

  for (let t = T - 1; t >= 0; t--) {
    let normSq = 0;
    for (let b = 0; b < B; b++) {
      const sb = b * H;
      const ho = (t * B + b) * H;
      const go = (t * B + b) * G;
      if (lstm) {
        for (let k = 0; k < H; k++) {
          const dhk = dHead[ho + k]! + dhNext[sb + k]!;
          normSq += dhk * dhk;
          const i = gates[go + k]!;
          const f = gates[go + H + k]!;
          const cc = gates[go + 2 * H + k]!;
          const o = gates[go + 3 * H + k]!;
          const th = tanhCells[ho + k]!;
          const dc = dcNext[sb + k]! + dhk * o * (1 - th * th);
          dZ[go + k] = dc * cc * i * (1 - i);
          dZ[go + H + k] = dc * cells[ho + k]! * f * (1 - f);
          dZ[go + 2 * H + k] = dc * i * (1 - cc * cc);
          dZ[go + 3 * H + k] = dhk * th * o * (1 - o);
          dcNext[sb + k] = dc * f;
        }
      } else {
        for (let k = 0; k < H; k++) {
          const dhk = dHead[ho + k]! + dhNext[sb + k]!;
          normSq += dhk * dhk;
          const h = gates[go + k]!;
          dZ[go + k] = dhk * (1 - h * h);
        }
      }
    }
    norms[t] = Math.sqrt(normSq);
    // δh₋₁ = δz·Uᵀ for the whole batch (U is [H×G]: its rows are already Bᵀ's).
    if (t > 0) matmulNT(dZ, t * B * G, G, w.recurrent, 0, G, dhNext, 0, H, B, H, G);
  }

  // Weight gradients over all steps at once: ∂b = Σ δz; ∂W by token rows (or xᵀ·δz);
  // ∂U = h₀…T₋₁ᵀ · δz.
  for (let n = 0; n < TB; n++) {
    const o = n * G;
    for (let j = 0; j < G; j++) db[j] = db[j]! + dZ[o + j]!;
  }
  for (let t = 0; t < T; t++) {
    for (let b = 0; b < B; b++) {
      const o = (t * B + b) * G;
      const seqIdx = b * T + t;
      if (tokens) {
        const row = tokens[seqIdx]! * G;
        for (let j = 0; j < G; j++) dWx[row + j] = dWx[row + j]! + dZ[o + j]!;
      } else {
        const xo = seqIdx * X;
        for (let k = 0; k < X; k++) {
          const xk = features![xo + k]!;
          if (xk === 0) continue;
          const row = k * G;
          for (let j = 0; j < G; j++) dWx[row + j] = dWx[row + j]! + xk * dZ[o + j]!;
        }
      }
    }
  }
  const dZt = scratch('bwd.dZt', G * TB);
  transpose(dZ, 0, TB, G, dZt);
  matmulNT(Ht, 0, ld, dZt, 0, TB, g.recurrent, 0, G, H, G, TB);
  return result;
}

/** ‖g‖ over every gradient array. */
export function globalNorm(g: RecurrentWeights): number {
  let s = 0;
  for (const a of [g.kernel, g.recurrent, g.bias, g.outKernel, g.outBias]) {
    for (let i = 0; i < a.length; i++) s += a[i]! * a[i]!;
  }
  return Math.sqrt(s);
}

/**
 * Rescales the gradients in place so their global norm is at most `maxNorm` (as
 * tf.clipByGlobalNorm / Keras clipnorm over all weights). Returns the norm before clipping.
 */
export function clipGlobalNorm(g: RecurrentWeights, maxNorm: number): number {
  const n = globalNorm(g);
  if (maxNorm > 0 && n > maxNorm) {
    const s = maxNorm / n;
    for (const a of [g.kernel, g.recurrent, g.bias, g.outKernel, g.outBias]) {
      for (let i = 0; i < a.length; i++) a[i] = a[i]! * s;
    }
  }
  return n;
}
