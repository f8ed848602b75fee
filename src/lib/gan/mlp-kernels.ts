// Pure: no DOM. The loops of the GAN's dense passes (mlp.ts), on feature-major activations (unit j
// of example e at [j·C + e]): register-blocked so each weight and activation is loaded once per
// block and sums stay in locals (float64), rounded to float32 once on store.

/**
 * Z[j][e] = b[j] + Σᵢ W[j][i]·X[i][e] for e < n, and A = act(Z) when `act` is given (A may be
 * Z's own array for a linear layer). Register-blocked: two outputs × four examples per pass over
 * i, sums in locals, each weight and input loaded once per block (measured ~2× the loop that
 * loaded and stored Z for every product).
 */
export function layerForward(
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
 * gW[j][i] += Σₑ D[j][e]·X[i][e]; gb[j] += Σₑ D[j][e]: dot products along the batch, two outputs ×
 * two inputs at a time (four loads per four products).
 */
export function layerWeightGrads(
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
  }
  let j = 0;
  for (; j + 1 < nOut; j += 2) {
    const d0 = j * C;
    const d1 = d0 + C;
    const r0 = j * nIn;
    const r1 = r0 + nIn;
    let i = 0;
    for (; i + 1 < nIn; i += 2) {
      const x0 = i * C;
      const x1 = x0 + C;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let e = 0; e < n; e++) {
        const a0 = D[d0 + e]!;
        const a1 = D[d1 + e]!;
        const y0 = X[x0 + e]!;
        const y1 = X[x1 + e]!;
        s00 += a0 * y0;
        s01 += a0 * y1;
        s10 += a1 * y0;
        s11 += a1 * y1;
      }
      gW[r0 + i] = gW[r0 + i]! + s00;
      gW[r0 + i + 1] = gW[r0 + i + 1]! + s01;
      gW[r1 + i] = gW[r1 + i]! + s10;
      gW[r1 + i + 1] = gW[r1 + i + 1]! + s11;
    }
    for (; i < nIn; i++) {
      const x0 = i * C;
      let s0 = 0;
      let s1 = 0;
      for (let e = 0; e < n; e++) {
        const y = X[x0 + e]!;
        s0 += D[d0 + e]! * y;
        s1 += D[d1 + e]! * y;
      }
      gW[r0 + i] = gW[r0 + i]! + s0;
      gW[r1 + i] = gW[r1 + i]! + s1;
    }
  }
  for (; j < nOut; j++) {
    const d0 = j * C;
    const r = j * nIn;
    for (let i = 0; i < nIn; i++) {
      const x0 = i * C;
      let s = 0;
      for (let e = 0; e < n; e++) s += D[d0 + e]! * X[x0 + e]!;
      gW[r + i] = gW[r + i]! + s;
    }
  }
}

/** Scratch for a transposed weight matrix (single-threaded: one per worker or test process). */
let wt = new Float32Array(0);

/**
 * below[i][e] = (Σⱼ W[j][i]·D[j][e]) · act′ at layer l−1 (act 0: none), blocked like
 * layerForward: two inputs × four examples per pass over j.
 */
export function layerInputGrads(
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
  if (nOut === 1) {
    // One output (the discriminator's logit): an outer product, no sum over j.
    for (let i = 0; i < nIn; i++) {
      const w = W[i]!;
      const o = i * C;
      for (let e = 0; e < n; e++) back1(below, Zb, Ab, o + e, w * D[e]!, act);
    }
    return;
  }
  // Wᵀ first, so each pass over j reads both weight rows contiguously (as layerForward does):
  // measured ~1.5× the strided W[j·nIn + i] reads.
  if (wt.length < W.length) wt = new Float32Array(W.length);
  const Wt = wt;
  for (let j = 0; j < nOut; j++) for (let i = 0; i < nIn; i++) Wt[i * nOut + j] = W[j * nIn + i]!;
  const n4 = n - (n % 4);
  for (let i = 0; i < nIn; i += 2) {
    const two = i + 1 < nIn;
    const r0 = i * nOut;
    const r1 = two ? r0 + nOut : r0;
    const o0 = i * C;
    const o1 = two ? o0 + C : o0;
    for (let e = 0; e < n4; e += 4) {
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let j = 0, d = e; j < nOut; j++, d += C) {
        const w0 = Wt[r0 + j]!;
        const w1 = Wt[r1 + j]!;
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
      for (let j = 0, d = e; j < nOut; j++, d += C) {
        s0 += Wt[r0 + j]! * D[d]!;
        s1 += Wt[r1 + j]! * D[d]!;
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
