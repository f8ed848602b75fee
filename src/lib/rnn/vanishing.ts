// Pure: no DOM. The vanishing-gradient view's maths: a randomly initialised tanh RNN and LSTM
// run over the same random sequence, a loss L = u · h_T on the last state only, and the norm of
// ∂L/∂h_t for every step t, computed by multiplying per-step Jacobians backwards (BPTT on the
// state only; no weight gradients). Float64 throughout; used by the widget and by tests.
import { createRng, type Rng } from '../ml/rng.ts';

export interface VanishingSettings {
  /** Sequence length T (5–100). */
  readonly length: number;
  /** Hidden units of both networks. */
  readonly hidden: number;
  /** Seed of the weights, the inputs and u. */
  readonly seed: number;
  /** The RNN's recurrent weights are N(0, gain² / hidden). */
  readonly gain: number;
  /** Bias of the LSTM's forget gate (the other gate biases are 0). */
  readonly forgetBias: number;
}

export const vanishingDefaults: VanishingSettings = {
  length: 50,
  hidden: 16,
  seed: 1,
  gain: 1,
  forgetBias: 1,
};

/** Weights of both networks, the inputs x_1 … x_T (scalars) and the loss direction u. */
export interface VanishingSetup {
  readonly n: number;
  /** RNN: W_h (n × n, row-major), W_x (n), b = 0. */
  readonly rnnWh: Float64Array;
  readonly rnnWx: Float64Array;
  /** LSTM: W (4n × n), U (4n), b (4n), gate blocks in the order i, f, g, o. */
  readonly lstmW: Float64Array;
  readonly lstmU: Float64Array;
  readonly lstmB: Float64Array;
  readonly xs: Float64Array;
  readonly u: Float64Array;
}

function normals(rng: Rng, count: number, scale: number): Float64Array {
  const a = new Float64Array(count);
  for (let i = 0; i < count; i++) a[i] = rng.normal() * scale;
  return a;
}

/** Draws everything from one seed. The RNN's weights do not depend on the LSTM's settings. */
export function vanishingSetup(s: VanishingSettings): VanishingSetup {
  const n = s.hidden;
  const rng = createRng(s.seed);
  const xs = normals(rng, 100, 1); // always 100, so a shorter run uses a prefix of the same inputs
  const rawU = normals(rng, n, 1);
  const norm = Math.hypot(...rawU);
  const u = rawU.map((v) => v / norm);
  const rnnWh = normals(rng, n * n, s.gain / Math.sqrt(n));
  const rnnWx = normals(rng, n, 1);
  const lstmW = normals(rng, 4 * n * n, 1 / Math.sqrt(n));
  const lstmU = normals(rng, 4 * n, 1);
  const lstmB = new Float64Array(4 * n);
  lstmB.fill(s.forgetBias, n, 2 * n);
  return { n, rnnWh, rnnWx, lstmW, lstmU, lstmB, xs: xs.slice(0, s.length), u };
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** RNN states h_0 … h_T (h_0 = 0), or from `start` with state `h` if given. */
export function rnnStates(st: VanishingSetup, from = 0, h0?: Float64Array): Float64Array[] {
  const { n, rnnWh, rnnWx, xs } = st;
  const hs: Float64Array[] = [h0 ?? new Float64Array(n)];
  for (let t = from + 1; t <= xs.length; t++) {
    const prev = hs[hs.length - 1]!;
    const h = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let a = rnnWx[i]! * xs[t - 1]!;
      for (let j = 0; j < n; j++) a += rnnWh[i * n + j]! * prev[j]!;
      h[i] = Math.tanh(a);
    }
    hs.push(h);
  }
  return hs;
}

interface LstmTrace {
  h: Float64Array[];
  c: Float64Array[];
  /** Gate activations per step (index t − from − 1): i, f, g, o blocks of n. */
  gates: Float64Array[];
}

/** LSTM states from step `from` (default 0, zero state) to T. */
export function lstmStates(
  st: VanishingSetup,
  from = 0,
  h0?: Float64Array,
  c0?: Float64Array,
): LstmTrace {
  const { n, lstmW, lstmU, lstmB, xs } = st;
  const tr: LstmTrace = {
    h: [h0 ?? new Float64Array(n)],
    c: [c0 ?? new Float64Array(n)],
    gates: [],
  };
  for (let t = from + 1; t <= xs.length; t++) {
    const hp = tr.h[tr.h.length - 1]!;
    const cp = tr.c[tr.c.length - 1]!;
    const z = new Float64Array(4 * n);
    for (let r = 0; r < 4 * n; r++) {
      let a = lstmB[r]! + lstmU[r]! * xs[t - 1]!;
      for (let j = 0; j < n; j++) a += lstmW[r * n + j]! * hp[j]!;
      const block = Math.floor(r / n);
      z[r] = block === 2 ? Math.tanh(a) : sigmoid(a);
    }
    const h = new Float64Array(n);
    const c = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      c[k] = z[n + k]! * cp[k]! + z[k]! * z[2 * n + k]!;
      h[k] = z[3 * n + k]! * Math.tanh(c[k]!);
    }
    tr.h.push(h);
    tr.c.push(c);
    tr.gates.push(z);
  }
  return tr;
}

const dot = (a: Float64Array, b: Float64Array): number => a.reduce((s, v, i) => s + v * b[i]!, 0);
const norm = (a: Float64Array): number => Math.sqrt(dot(a, a));

/** L = u · h_T. */
export function lossOf(st: VanishingSetup, hT: Float64Array): number {
  return dot(st.u, hT);
}

/** ∂L/∂h_t for t = 0 … T of the tanh RNN: g_{t−1} = W_hᵀ (g_t ⊙ (1 − h_t²)), g_T = u. */
export function rnnStateGradients(st: VanishingSetup): Float64Array[] {
  const { n, rnnWh } = st;
  const hs = rnnStates(st);
  const T = hs.length - 1;
  const gs: Float64Array[] = new Array<Float64Array>(T + 1);
  gs[T] = Float64Array.from(st.u);
  for (let t = T; t >= 1; t--) {
    const g = gs[t]!;
    const h = hs[t]!;
    const da = g.map((v, i) => v * (1 - h[i]! * h[i]!));
    const prev = new Float64Array(n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) prev[j] = prev[j]! + rnnWh[i * n + j]! * da[i]!;
    gs[t - 1] = prev;
  }
  return gs;
}

/**
 * ∂L/∂h_t for t = 0 … T of the LSTM (the total derivative through every later step, with c_t
 * held as it is: h_t reaches the loss through the gates of step t + 1 and everything after).
 */
export function lstmStateGradients(st: VanishingSetup): Float64Array[] {
  const { n, lstmW } = st;
  const tr = lstmStates(st);
  const T = tr.h.length - 1;
  const gs: Float64Array[] = new Array<Float64Array>(T + 1);
  let dh = Float64Array.from(st.u);
  let dc = new Float64Array(n);
  gs[T] = dh;
  for (let t = T; t >= 1; t--) {
    const z = tr.gates[t - 1]!;
    const c = tr.c[t]!;
    const cp = tr.c[t - 1]!;
    const da = new Float64Array(4 * n);
    const dcPrev = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const i = z[k]!;
      const f = z[n + k]!;
      const g = z[2 * n + k]!;
      const o = z[3 * n + k]!;
      const tc = Math.tanh(c[k]!);
      const dck = dc[k]! + dh[k]! * o * (1 - tc * tc);
      da[k] = dck * g * i * (1 - i);
      da[n + k] = dck * cp[k]! * f * (1 - f);
      da[2 * n + k] = dck * i * (1 - g * g);
      da[3 * n + k] = dh[k]! * tc * o * (1 - o);
      dcPrev[k] = dck * f;
    }
    const dhPrev = new Float64Array(n);
    for (let r = 0; r < 4 * n; r++)
      for (let j = 0; j < n; j++) dhPrev[j] = dhPrev[j]! + lstmW[r * n + j]! * da[r]!;
    gs[t - 1] = dhPrev;
    dh = dhPrev;
    dc = dcPrev;
  }
  return gs;
}

/** The view's data: ‖∂L/∂h_t‖ for t = 1 … T for both networks. */
export interface GradientNorms {
  readonly length: number;
  /** Index t − 1. */
  readonly rnn: number[];
  readonly lstm: number[];
}

export function gradientNorms(s: VanishingSettings): GradientNorms {
  const st = vanishingSetup(s);
  return {
    length: s.length,
    rnn: rnnStateGradients(st).slice(1).map(norm),
    lstm: lstmStateGradients(st).slice(1).map(norm),
  };
}
