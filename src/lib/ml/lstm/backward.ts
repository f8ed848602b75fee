// Pure: no DOM. Backpropagation through time for the recurrent layer and its softmax head, from
// a forward cache: gradients of the mean cross-entropy for every weight array, plus the norm of
// ∂L/∂h_t at every step (the vanishing-gradient view reads these).
import type { ForwardCache, SequenceBatch } from './forward.ts';
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
  const dWh = g.recurrent;
  const db = g.bias;
  const dWy = g.outKernel;
  const dby = g.outBias;
  const Wh = w.recurrent;
  const Wy = w.outKernel;
  const { gates, cells, tanhCells, hidden, probs } = cache;
  const tokens = batch.tokens;
  const features = batch.features;
  const targets = batch.targets;
  const scale = cache.counted > 0 ? 1 / cache.counted : 0;
  const dhNext = new Float64Array(B * H);
  const dcNext = new Float64Array(B * H);
  const dh = new Float64Array(H);
  const dz = new Float64Array(G);
  const dy = new Float64Array(V);

  for (let t = T - 1; t >= 0; t--) {
    let normSq = 0;
    for (let b = 0; b < B; b++) {
      const seqIdx = b * T + t;
      const hOff = ((t + 1) * B + b) * H;
      const sb = b * H;
      for (let k = 0; k < H; k++) dh[k] = dhNext[sb + k]!;
      const target = targets ? targets[seqIdx]! : -1;
      if (target >= 0 && V > 0) {
        const po = (t * B + b) * V;
        for (let v = 0; v < V; v++) dy[v] = probs[po + v]! * scale;
        dy[target] = dy[target]! - scale;
        for (let v = 0; v < V; v++) dby[v] = dby[v]! + dy[v]!;
        for (let k = 0; k < H; k++) {
          const hk = hidden[hOff + k]!;
          const row = k * V;
          let s = 0;
          for (let v = 0; v < V; v++) {
            const d = dy[v]!;
            dWy[row + v] = dWy[row + v]! + hk * d;
            s += Wy[row + v]! * d;
          }
          dh[k] = dh[k]! + s;
        }
      }
      for (let k = 0; k < H; k++) normSq += dh[k]! * dh[k]!;
      const go = (t * B + b) * G;
      if (lstm) {
        const cPrev = (t * B + b) * H;
        for (let k = 0; k < H; k++) {
          const i = gates[go + k]!;
          const f = gates[go + H + k]!;
          const cc = gates[go + 2 * H + k]!;
          const o = gates[go + 3 * H + k]!;
          const th = tanhCells[cPrev + k]!;
          const dhk = dh[k]!;
          const dc = dcNext[sb + k]! + dhk * o * (1 - th * th);
          const dO = dhk * th;
          dz[k] = dc * cc * i * (1 - i);
          dz[H + k] = dc * cells[cPrev + k]! * f * (1 - f);
          dz[2 * H + k] = dc * i * (1 - cc * cc);
          dz[3 * H + k] = dO * o * (1 - o);
          dcNext[sb + k] = dc * f;
        }
      } else {
        for (let k = 0; k < H; k++) {
          const h = gates[go + k]!;
          dz[k] = dh[k]! * (1 - h * h);
        }
      }
      for (let j = 0; j < G; j++) db[j] = db[j]! + dz[j]!;
      if (tokens) {
        const row = tokens[seqIdx]! * G;
        for (let j = 0; j < G; j++) dWx[row + j] = dWx[row + j]! + dz[j]!;
      } else {
        const xo = seqIdx * X;
        for (let k = 0; k < X; k++) {
          const xk = features![xo + k]!;
          if (xk === 0) continue;
          const row = k * G;
          for (let j = 0; j < G; j++) dWx[row + j] = dWx[row + j]! + xk * dz[j]!;
        }
      }
      const hPrev = (t * B + b) * H;
      for (let k = 0; k < H; k++) {
        const hk = hidden[hPrev + k]!;
        const row = k * G;
        let s = 0;
        for (let j = 0; j < G; j++) {
          const d = dz[j]!;
          dWh[row + j] = dWh[row + j]! + hk * d;
          s += Wh[row + j]! * d;
        }
        dhNext[sb + k] = s;
      }
    }
    norms[t] = Math.sqrt(normSq);
  }
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
