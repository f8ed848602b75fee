// Pure: no DOM. A dense network's forward and backward pass over a whole batch at once, on the
// dense engine's weight layout (src/lib/ml/dense/network.ts: W row-major, weights[l][j·nIn + i]).
// Activations are stored feature-major (unit j of example e at [j·capacity + e]) so that every
// inner loop runs along the batch: long, contiguous and easy for the JIT (about 3× faster than
// one example at a time on 16-unit layers). The GAN needs what the dense engine's fused pass
// does not offer: the gradient with respect to the *input* (the discriminator hands it to the
// generator), and backward passes that leave the weight gradients alone (a generator step must
// not touch the discriminator's).
import type { DenseNet } from '../ml/dense/network.ts';

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
 * Z[j][e] = b[j] + Σᵢ W[j][i]·X[i][e] for e < n, and A = act(Z) when `act` is given (A may be
 * Z's own array for a linear layer). Register-blocked: two outputs × four examples per pass over
 * i, sums in locals, each weight and input loaded once per block (measured ~2× the loop that
 * loaded and stored Z for every product).
 */
function layerForward(
  W: Float32Array,
  b: Float32Array,
  X: Float32Array,
  Z: Float32Array,
  A: Float32Array,
  nIn: number,
  nOut: number,
  C: number,
  n: number,
  act: 0 | 1 | 2,
): void {
  const n4 = n - (n % 4);
  let j = 0;
  for (; j < nOut; j += 2) {
    const two = j + 1 < nOut;
    const r0 = j * nIn;
    const r1 = two ? r0 + nIn : r0;
    const b0 = b[j]!;
    const b1 = two ? b[j + 1]! : 0;
    const o0 = j * C;
    const o1 = two ? o0 + C : o0;
    for (let e = 0; e < n4; e += 4) {
      let s00 = b0;
      let s01 = b0;
      let s02 = b0;
      let s03 = b0;
      let s10 = b1;
      let s11 = b1;
      let s12 = b1;
      let s13 = b1;
      for (let i = 0, x = e; i < nIn; i++, x += C) {
        const w0 = W[r0 + i]!;
        const w1 = W[r1 + i]!;
        const x0 = X[x]!;
        const x1 = X[x + 1]!;
        const x2 = X[x + 2]!;
        const x3 = X[x + 3]!;
        s00 += w0 * x0;
        s01 += w0 * x1;
        s02 += w0 * x2;
        s03 += w0 * x3;
        s10 += w1 * x0;
        s11 += w1 * x1;
        s12 += w1 * x2;
        s13 += w1 * x3;
      }
      store4(Z, A, o0 + e, s00, s01, s02, s03, act);
      if (two) store4(Z, A, o1 + e, s10, s11, s12, s13, act);
    }
    for (let e = n4; e < n; e++) {
      let s0 = b0;
      let s1 = b1;
      for (let i = 0, x = e; i < nIn; i++, x += C) {
        s0 += W[r0 + i]! * X[x]!;
        s1 += W[r1 + i]! * X[x]!;
      }
      store1(Z, A, o0 + e, s0, act);
      if (two) store1(Z, A, o1 + e, s1, act);
    }
  }
}

/** act: 0 linear (A unused), 1 ReLU, 2 tanh. */
function store1(Z: Float32Array, A: Float32Array, k: number, s: number, act: 0 | 1 | 2): void {
  Z[k] = s;
  if (act === 1) A[k] = s > 0 ? s : 0;
  else if (act === 2) A[k] = Math.tanh(s);
}

function store4(
  Z: Float32Array,
  A: Float32Array,
  k: number,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  act: 0 | 1 | 2,
): void {
  store1(Z, A, k, s0, act);
  store1(Z, A, k + 1, s1, act);
  store1(Z, A, k + 2, s2, act);
  store1(Z, A, k + 3, s3, act);
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

/** gW[j][i] += Σₑ D[j][e]·X[i][e]; gb[j] += Σₑ D[j][e] (dot products along the batch). */
function layerWeightGrads(
  D: Float32Array,
  X: Float32Array,
  gW: Float32Array,
  gb: Float32Array,
  nIn: number,
  nOut: number,
  C: number,
  n: number,
): void {
  for (let j = 0; j < nOut; j++) {
    const d0 = j * C;
    let sb = 0;
    for (let e = 0; e < n; e++) sb += D[d0 + e]!;
    gb[j] = gb[j]! + sb;
    const r = j * nIn;
    let i = 0;
    for (; i + 1 < nIn; i += 2) {
      const x0 = i * C;
      const x1 = x0 + C;
      let s0 = 0;
      let s1 = 0;
      for (let e = 0; e < n; e++) {
        const d = D[d0 + e]!;
        s0 += d * X[x0 + e]!;
        s1 += d * X[x1 + e]!;
      }
      gW[r + i] = gW[r + i]! + s0;
      gW[r + i + 1] = gW[r + i + 1]! + s1;
    }
    if (i < nIn) {
      const x0 = i * C;
      let s = 0;
      for (let e = 0; e < n; e++) s += D[d0 + e]! * X[x0 + e]!;
      gW[r + i] = gW[r + i]! + s;
    }
  }
}

/**
 * below[i][e] = (Σⱼ W[j][i]·D[j][e]) · act′ at layer l−1 (act 0: none), blocked like
 * layerForward: two inputs × four examples per pass over j.
 */
function layerInputGrads(
  W: Float32Array,
  D: Float32Array,
  below: Float32Array,
  Zb: Float32Array,
  Ab: Float32Array,
  nIn: number,
  nOut: number,
  C: number,
  n: number,
  act: 0 | 1 | 2,
): void {
  const n4 = n - (n % 4);
  for (let i = 0; i < nIn; i += 2) {
    const two = i + 1 < nIn;
    const i1 = two ? i + 1 : i;
    const o0 = i * C;
    const o1 = i1 * C;
    for (let e = 0; e < n4; e += 4) {
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let j = 0, r = 0, d = e; j < nOut; j++, r += nIn, d += C) {
        const w0 = W[r + i]!;
        const w1 = W[r + i1]!;
        const d0 = D[d]!;
        const d1 = D[d + 1]!;
        const d2 = D[d + 2]!;
        const d3 = D[d + 3]!;
        s00 += w0 * d0;
        s01 += w0 * d1;
        s02 += w0 * d2;
        s03 += w0 * d3;
        s10 += w1 * d0;
        s11 += w1 * d1;
        s12 += w1 * d2;
        s13 += w1 * d3;
      }
      back4(below, Zb, Ab, o0 + e, s00, s01, s02, s03, act);
      if (two) back4(below, Zb, Ab, o1 + e, s10, s11, s12, s13, act);
    }
    for (let e = n4; e < n; e++) {
      let s0 = 0;
      let s1 = 0;
      for (let j = 0, r = 0, d = e; j < nOut; j++, r += nIn, d += C) {
        s0 += W[r + i]! * D[d]!;
        s1 += W[r + i1]! * D[d]!;
      }
      back1(below, Zb, Ab, o0 + e, s0, act);
      if (two) back1(below, Zb, Ab, o1 + e, s1, act);
    }
  }
}

/** act′: ReLU's derivative is 0 at and below 0 (as tfjs); tanh's is 1 − a². */
function back1(
  below: Float32Array,
  Z: Float32Array,
  A: Float32Array,
  k: number,
  s: number,
  act: 0 | 1 | 2,
): void {
  if (act === 1) below[k] = Z[k]! > 0 ? s : 0;
  else if (act === 2) below[k] = s * (1 - A[k]! * A[k]!);
  else below[k] = s;
}

function back4(
  below: Float32Array,
  Z: Float32Array,
  A: Float32Array,
  k: number,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  act: 0 | 1 | 2,
): void {
  back1(below, Z, A, k, s0, act);
  back1(below, Z, A, k + 1, s1, act);
  back1(below, Z, A, k + 2, s2, act);
  back1(below, Z, A, k + 3, s3, act);
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
