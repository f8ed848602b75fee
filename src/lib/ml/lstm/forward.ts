// Pure: no DOM. The forward pass of the recurrent layer and its softmax head over a batch of
// sequences, keeping everything backpropagation through time needs (the cache). Plain loops over
// Float32Arrays: for small recurrent models tfjs spends most of its time on per-operation
// overhead, not arithmetic (PITFALLS.md).
import { matmulNT, scratch, transpose } from './kernels.ts';
import { gateCount, type RecurrentModel, type RecurrentSpec } from './spec.ts';

/**
 * A batch of B sequences of T steps, batch-major like tfjs's [batch, time, features].
 * Give either `tokens` (ids < inputSize, read as one-hot vectors) or `features`.
 */
export interface SequenceBatch {
  readonly batchSize: number;
  readonly steps: number;
  /** [B×T] token ids: one-hot inputs (the kernel row is looked up, not multiplied). */
  readonly tokens?: ArrayLike<number>;
  /** [B×T×inputSize] dense inputs. */
  readonly features?: Float32Array;
  /** [B×T] class to predict at each step; −1 (or absent) means no loss at that step. */
  readonly targets?: ArrayLike<number>;
}

/** Everything one forward pass produced, time-major. Reused between calls of the same shape. */
export interface ForwardCache {
  readonly batchSize: number;
  readonly steps: number;
  readonly spec: RecurrentSpec;
  /** [T×B×G·H] activated gates: LSTM i, f, c̃, o blocks (sigmoid, sigmoid, tanh, sigmoid); RNN h. */
  readonly gates: Float32Array;
  /** [(T+1)×B×H] cell states, c₀ first (LSTM; empty for the RNN). */
  readonly cells: Float32Array;
  /** [T×B×H] tanh(c_t) (LSTM). */
  readonly tanhCells: Float32Array;
  /** [(T+1)×B×H] hidden states, h₀ first. */
  readonly hidden: Float32Array;
  /** [T×B×V] softmax probabilities at steps with a target (other rows: scratch). */
  readonly probs: Float32Array;
  /** Mean cross-entropy over steps with a target (0 if none). */
  loss: number;
  /** Steps with a target (the loss's divisor). */
  counted: number;
  /** Correct argmax predictions among counted steps. */
  correct: number;
}

export function createCache(spec: RecurrentSpec, batchSize: number, steps: number): ForwardCache {
  const H = spec.hiddenSize;
  const G = gateCount(spec.cell) * H;
  const lstm = spec.cell === 'lstm';
  return {
    batchSize,
    steps,
    spec,
    gates: new Float32Array(steps * batchSize * G),
    cells: new Float32Array(lstm ? (steps + 1) * batchSize * H : 0),
    tanhCells: new Float32Array(lstm ? steps * batchSize * H : 0),
    hidden: new Float32Array((steps + 1) * batchSize * H),
    probs: new Float32Array(steps * batchSize * spec.outputSize),
    loss: 0,
    counted: 0,
    correct: 0,
  };
}

export interface ForwardOptions {
  /** A cache to reuse (must match spec, batch size and steps); a new one otherwise. */
  cache?: ForwardCache;
  /** [B×H] starting hidden state (zeros if absent). */
  initialHidden?: Float32Array;
  /** [B×H] starting cell state (LSTM; zeros if absent). */
  initialCell?: Float32Array;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function checkBatch(spec: RecurrentSpec, batch: SequenceBatch): void {
  const n = batch.batchSize * batch.steps;
  if (batch.tokens) {
    if (batch.tokens.length !== n) throw new RangeError(`tokens must have B×T = ${n} entries`);
  } else if (batch.features) {
    if (batch.features.length !== n * spec.inputSize)
      throw new RangeError(`features must have B×T×inputSize = ${n * spec.inputSize} entries`);
  } else throw new RangeError('a batch needs tokens or features');
  if (batch.targets && batch.targets.length !== n)
    throw new RangeError(`targets must have B×T = ${n} entries`);
}

/**
 * Runs the layer over the batch and the softmax head at every step that has a target.
 * LSTM: z = b + x·W + h₋₁·U; i = σ(z_i), f = σ(z_f), c̃ = tanh(z_c), o = σ(z_o);
 * c = f⊙c₋₁ + i⊙c̃; h = o⊙tanh(c). RNN: h = tanh(z). Head: p = softmax(h·V + b_V).
 */
export function forward(
  model: RecurrentModel,
  batch: SequenceBatch,
  options: ForwardOptions = {},
): ForwardCache {
  const { spec, weights: w } = model;
  checkBatch(spec, batch);
  const B = batch.batchSize;
  const T = batch.steps;
  const X = spec.inputSize;
  const H = spec.hiddenSize;
  const V = spec.outputSize;
  const lstm = spec.cell === 'lstm';
  const G = gateCount(spec.cell) * H;
  let cache = options.cache;
  if (!cache || cache.batchSize !== B || cache.steps !== T || cache.spec !== spec)
    cache = createCache(spec, B, T);
  const { gates, cells, tanhCells, hidden, probs } = cache;
  if (options.initialHidden) hidden.set(options.initialHidden.subarray(0, B * H));
  else hidden.fill(0, 0, B * H);
  if (lstm) {
    if (options.initialCell) cells.set(options.initialCell.subarray(0, B * H));
    else cells.fill(0, 0, B * H);
  }
  const Wx = w.kernel;
  const bias = w.bias;
  const tokens = batch.tokens;
  const features = batch.features;
  const targets = batch.targets;
  // Uᵀ [G×H], so each step's B×G sums are dot products along contiguous rows (kernels.ts).
  const Ut = scratch('fwd.Ut', G * H);
  transpose(w.recurrent, 0, H, G, Ut);
  const z = scratch('fwd.z', B * G);
  const BH = B * H;

  for (let t = 0; t < T; t++) {
    // z = h₋₁·U for the whole batch, then + b + x·W per sequence (one kernel row for a token).
    matmulNT(hidden, t * BH, H, Ut, 0, H, z, 0, G, B, G, H);
    for (let b = 0; b < B; b++) {
      const seqIdx = b * T + t;
      const zo = b * G;
      for (let j = 0; j < G; j++) z[zo + j] = z[zo + j]! + bias[j]!;
      if (tokens) {
        const row = tokens[seqIdx]! * G;
        for (let j = 0; j < G; j++) z[zo + j] = z[zo + j]! + Wx[row + j]!;
      } else {
        const xo = seqIdx * X;
        for (let k = 0; k < X; k++) {
          const xk = features![xo + k]!;
          if (xk === 0) continue;
          const row = k * G;
          for (let j = 0; j < G; j++) z[zo + j] = z[zo + j]! + xk * Wx[row + j]!;
        }
      }
      const go = (t * B + b) * G;
      const hNext = (t + 1) * BH + b * H;
      if (lstm) {
        const cPrev = t * BH + b * H;
        const cNext = hNext;
        for (let k = 0; k < H; k++) {
          const i = sigmoid(z[zo + k]!);
          const f = sigmoid(z[zo + H + k]!);
          const g = Math.tanh(z[zo + 2 * H + k]!);
          const o = sigmoid(z[zo + 3 * H + k]!);
          gates[go + k] = i;
          gates[go + H + k] = f;
          gates[go + 2 * H + k] = g;
          gates[go + 3 * H + k] = o;
          const c = f * cells[cPrev + k]! + i * g;
          cells[cNext + k] = c;
          const th = Math.tanh(c);
          tanhCells[cPrev + k] = th;
          hidden[hNext + k] = o * th;
        }
      } else {
        for (let k = 0; k < H; k++) {
          const h = Math.tanh(z[zo + k]!);
          gates[go + k] = h;
          hidden[hNext + k] = h;
        }
      }
    }
  }

  let lossSum = 0;
  let counted = 0;
  let correct = 0;
  if (targets && V > 0) {
    // The head for every step at once: logits [T·B×V] = H₁…T · V_W (+ b) into `probs`, then a
    // softmax on the rows that have a target.
    const Wyt = scratch('fwd.Wyt', V * H);
    transpose(w.outKernel, 0, H, V, Wyt);
    matmulNT(hidden, BH, H, Wyt, 0, H, probs, 0, V, T * B, V, H);
    const by = w.outBias;
    const logits = new Float64Array(V);
    for (let t = 0; t < T; t++) {
      for (let b = 0; b < B; b++) {
        const target = targets[b * T + t]!;
        if (target < 0) continue;
        const po = (t * B + b) * V;
        let max = -Infinity;
        let arg = 0;
        for (let v = 0; v < V; v++) {
          const l = probs[po + v]! + by[v]!;
          logits[v] = l;
          if (l > max) {
            max = l;
            arg = v;
          }
        }
        let sum = 0;
        for (let v = 0; v < V; v++) {
          const e = Math.exp(logits[v]! - max);
          logits[v] = e;
          sum += e;
        }
        for (let v = 0; v < V; v++) probs[po + v] = logits[v]! / sum;
        lossSum -= Math.log(Math.max(logits[target]! / sum, 1e-30));
        counted++;
        if (arg === target) correct++;
      }
    }
  }
  cache.loss = counted > 0 ? lossSum / counted : 0;
  cache.counted = counted;
  cache.correct = correct;
  return cache;
}

/** The final hidden state [B×H] of a cache (a view, not a copy). */
export function finalHidden(cache: ForwardCache): Float32Array {
  const n = cache.batchSize * cache.spec.hiddenSize;
  return cache.hidden.subarray(cache.steps * n, (cache.steps + 1) * n);
}

/** The final cell state [B×H] of a cache (LSTM; a view). */
export function finalCell(cache: ForwardCache): Float32Array {
  const n = cache.batchSize * cache.spec.hiddenSize;
  return cache.cells.subarray(cache.steps * n, (cache.steps + 1) * n);
}
