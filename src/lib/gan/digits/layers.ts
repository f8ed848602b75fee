// Pure: no DOM. The digits GAN's dense layers on typed arrays, example-major: a batch is n rows of
// `nIn` floats, weights are stored input-major (W[i·nOut + j] joins input i to output j), so each
// inner loop is a contiguous axpy or dot product along the outputs. Inputs that are exactly zero
// (ReLU outputs, the blank margins of a digit) are skipped: on these nets that halves the work.

/** One dense layer's parameters, W input-major (nIn × nOut) and b (nOut). */
export interface Dense {
  readonly nIn: number;
  readonly nOut: number;
  readonly W: Float32Array;
  readonly b: Float32Array;
}

/** Glorot-uniform weights (limit √(6/(nIn+nOut))), zero biases; draws nIn·nOut values in order. */
export function createDense(nIn: number, nOut: number, random: () => number): Dense {
  const W = new Float32Array(nIn * nOut);
  const lim = Math.sqrt(6 / (nIn + nOut));
  for (let k = 0; k < W.length; k++) W[k] = (2 * random() - 1) * lim;
  return { nIn, nOut, W, b: new Float32Array(nOut) };
}

/** Y[n × nOut] = X[n × nIn] · W + b (four inputs per pass over the output row). */
export function denseForward(layer: Dense, X: Float32Array, Y: Float32Array, n: number): void {
  const { nIn, nOut, W, b } = layer;
  for (let e = 0; e < n; e++) {
    const yo = e * nOut;
    for (let j = 0; j < nOut; j++) Y[yo + j] = b[j]!;
    const xo = e * nIn;
    let i = 0;
    for (; i + 3 < nIn; i += 4) {
      const x0 = X[xo + i]!;
      const x1 = X[xo + i + 1]!;
      const x2 = X[xo + i + 2]!;
      const x3 = X[xo + i + 3]!;
      if (x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
      const w0 = i * nOut;
      const w1 = w0 + nOut;
      const w2 = w1 + nOut;
      const w3 = w2 + nOut;
      for (let j = 0; j < nOut; j++) {
        Y[yo + j] =
          Y[yo + j]! + x0 * W[w0 + j]! + x1 * W[w1 + j]! + x2 * W[w2 + j]! + x3 * W[w3 + j]!;
      }
    }
    for (; i < nIn; i++) {
      const x = X[xo + i]!;
      if (x === 0) continue;
      const wo = i * nOut;
      for (let j = 0; j < nOut; j++) Y[yo + j] = Y[yo + j]! + x * W[wo + j]!;
    }
  }
}

/**
 * Backward through a dense layer given dY (n × nOut): adds Σ_e X[e]ᵀ dY[e] to gW and Σ_e dY[e]
 * to gb (when gW is given) and writes dX = dY · Wᵀ (when dX is given). Four examples per pass.
 */
export function denseBackward(
  layer: Dense,
  X: Float32Array,
  dY: Float32Array,
  n: number,
  gW: Float32Array | null,
  gb: Float32Array | null,
  dX: Float32Array | null,
): void {
  const { nIn, nOut, W } = layer;
  if (gb) {
    for (let e = 0; e < n; e++) {
      const yo = e * nOut;
      for (let j = 0; j < nOut; j++) gb[j] = gb[j]! + dY[yo + j]!;
    }
  }
  let e = 0;
  for (; e + 3 < n; e += 4) {
    const y0 = e * nOut;
    const y1 = y0 + nOut;
    const y2 = y1 + nOut;
    const y3 = y2 + nOut;
    const xa = e * nIn;
    const xb = xa + nIn;
    const xc = xb + nIn;
    const xd = xc + nIn;
    if (gW) {
      for (let i = 0; i < nIn; i++) {
        const x0 = X[xa + i]!;
        const x1 = X[xb + i]!;
        const x2 = X[xc + i]!;
        const x3 = X[xd + i]!;
        if (x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
        const wo = i * nOut;
        for (let j = 0; j < nOut; j++) {
          gW[wo + j] =
            gW[wo + j]! + x0 * dY[y0 + j]! + x1 * dY[y1 + j]! + x2 * dY[y2 + j]! + x3 * dY[y3 + j]!;
        }
      }
    }
    if (dX) {
      for (let i = 0; i < nIn; i++) {
        const wo = i * nOut;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let j = 0; j < nOut; j++) {
          const w = W[wo + j]!;
          s0 += w * dY[y0 + j]!;
          s1 += w * dY[y1 + j]!;
          s2 += w * dY[y2 + j]!;
          s3 += w * dY[y3 + j]!;
        }
        dX[xa + i] = s0;
        dX[xb + i] = s1;
        dX[xc + i] = s2;
        dX[xd + i] = s3;
      }
    }
  }
  for (; e < n; e++) {
    const yo = e * nOut;
    const xo = e * nIn;
    if (gW) {
      for (let i = 0; i < nIn; i++) {
        const x = X[xo + i]!;
        if (x === 0) continue;
        const wo = i * nOut;
        for (let j = 0; j < nOut; j++) gW[wo + j] = gW[wo + j]! + x * dY[yo + j]!;
      }
    }
    if (dX) {
      for (let i = 0; i < nIn; i++) {
        const wo = i * nOut;
        let s = 0;
        for (let j = 0; j < nOut; j++) s += W[wo + j]! * dY[yo + j]!;
        dX[xo + i] = s;
      }
    }
  }
}

/**
 * Y[e] += row (offset + labels[e]) of W (rows of nOut), for e < n: the product of a one-hot input
 * (label labels[e], occupying input rows offset…) with W, without the multiply.
 */
export function addOneHotRows(
  W: Float32Array,
  offset: number,
  labels: Uint8Array,
  Y: Float32Array,
  n: number,
  nOut: number,
): void {
  for (let e = 0; e < n; e++) {
    const o = (offset + labels[e]!) * nOut;
    for (let j = 0; j < nOut; j++) Y[e * nOut + j] = Y[e * nOut + j]! + W[o + j]!;
  }
}

/** The weight gradient of addOneHotRows: row (offset + labels[e]) of gW += dY[e], for e < n. */
export function addOneHotGrads(
  gW: Float32Array,
  offset: number,
  labels: Uint8Array,
  dY: Float32Array,
  n: number,
  nOut: number,
): void {
  for (let e = 0; e < n; e++) {
    const o = (offset + labels[e]!) * nOut;
    for (let j = 0; j < nOut; j++) gW[o + j] = gW[o + j]! + dY[e * nOut + j]!;
  }
}

/** Leaky ReLU in place-safe form: A = Z > 0 ? Z : slope·Z (slope 0 is ReLU). */
export function leakyForward(Z: Float32Array, A: Float32Array, len: number, slope: number): void {
  for (let k = 0; k < len; k++) {
    const z = Z[k]!;
    A[k] = z > 0 ? z : slope * z;
  }
}

/** dZ = dA · leaky'(Z) (derivative at 0 is the slope, as in tfjs). */
export function leakyBackward(
  Z: Float32Array,
  dA: Float32Array,
  dZ: Float32Array,
  len: number,
  slope: number,
): void {
  for (let k = 0; k < len; k++) dZ[k] = Z[k]! > 0 ? dA[k]! : slope * dA[k]!;
}

/** Adam state for a list of parameter arrays. */
export interface Adam {
  lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  t: number;
  readonly m: Float32Array[];
  readonly v: Float32Array[];
}

export function createAdam(params: Float32Array[], lr: number, beta1 = 0.5, beta2 = 0.999): Adam {
  return {
    lr,
    beta1,
    beta2,
    eps: 1e-8,
    t: 0,
    m: params.map((p) => new Float32Array(p.length)),
    v: params.map((p) => new Float32Array(p.length)),
  };
}

/**
 * One Adam update of `params` with gradients `grads` (same order), in tfjs's form:
 * w −= lr · m̂ / (√v̂ + ε) with m̂ = m/(1−β1ᵗ), v̂ = v/(1−β2ᵗ).
 */
export function adamStep(opt: Adam, params: Float32Array[], grads: Float32Array[]): void {
  opt.t++;
  const { beta1: b1, beta2: b2, eps, lr } = opt;
  const c1 = 1 / (1 - b1 ** opt.t);
  const c2 = 1 / (1 - b2 ** opt.t);
  for (let p = 0; p < params.length; p++) {
    const w = params[p]!;
    const g = grads[p]!;
    const m = opt.m[p]!;
    const v = opt.v[p]!;
    for (let k = 0; k < w.length; k++) {
      const gk = g[k]!;
      const mk = b1 * m[k]! + (1 - b1) * gk;
      const vk = b2 * v[k]! + (1 - b2) * gk * gk;
      m[k] = mk;
      v[k] = vk;
      w[k] = w[k]! - (lr * mk * c1) / (Math.sqrt(vk * c2) + eps);
    }
  }
}
