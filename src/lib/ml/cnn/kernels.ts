// Pure: no DOM. The typed-array CNN's inner loops, one example at a time, NHWC layouts as in
// spec.ts. Written for V8: flat Float32Arrays, integer offsets, zeros skipped (MNIST pixels are
// ~80% zero and ReLU maps about half; max-pooling passes gradient to one cell in four).

/**
 * Convolution forward, stride 1, zero padding `pad`, written as a scatter: every non-zero input
 * value adds its contribution to the outputs it reaches. out = [oh][ow][co]; optional ReLU.
 */
export function convForward(
  x: Float32Array,
  xo: number,
  H: number,
  W: number,
  C: number,
  k: Float32Array,
  bias: Float32Array,
  K: number,
  pad: number,
  out: Float32Array,
  OH: number,
  OW: number,
  CO: number,
  relu: boolean,
): void {
  for (let p = 0; p < OH * OW; p++) {
    const o = p * CO;
    for (let co = 0; co < CO; co++) out[o + co] = bias[co]!;
  }
  for (let ih = 0; ih < H; ih++) {
    const khLo = Math.max(0, ih + pad - OH + 1);
    const khHi = Math.min(K - 1, ih + pad);
    for (let iw = 0; iw < W; iw++) {
      const kwLo = Math.max(0, iw + pad - OW + 1);
      const kwHi = Math.min(K - 1, iw + pad);
      const xb = xo + (ih * W + iw) * C;
      for (let ci = 0; ci < C; ci++) {
        const a = x[xb + ci]!;
        if (a === 0) continue;
        for (let kh = khLo; kh <= khHi; kh++) {
          const orow = (ih + pad - kh) * OW;
          for (let kw = kwLo; kw <= kwHi; kw++) {
            const wb = ((kh * K + kw) * C + ci) * CO;
            const ob = (orow + iw + pad - kw) * CO;
            for (let co = 0; co < CO; co++) out[ob + co]! += a * k[wb + co]!;
          }
        }
      }
    }
  }
  if (relu) {
    const n = OH * OW * CO;
    for (let i = 0; i < n; i++) if (out[i]! < 0) out[i] = 0;
  }
}

/**
 * Convolution backward from dOut (gradient w.r.t. the layer's output, after its activation).
 * With `relu`, entries whose output is ≤ 0 pass no gradient. Accumulates dK and dBias; writes dX
 * (zeroed here) when given.
 */
export function convBackward(
  x: Float32Array,
  xo: number,
  H: number,
  W: number,
  C: number,
  k: Float32Array,
  K: number,
  pad: number,
  out: Float32Array,
  dOut: Float32Array,
  OH: number,
  OW: number,
  CO: number,
  relu: boolean,
  dK: Float32Array,
  dBias: Float32Array,
  dX: Float32Array | null,
): void {
  if (dX) dX.fill(0, 0, H * W * C);
  for (let oh = 0; oh < OH; oh++) {
    const khLo = Math.max(0, pad - oh);
    const khHi = Math.min(K - 1, H - 1 + pad - oh);
    for (let ow = 0; ow < OW; ow++) {
      const kwLo = Math.max(0, pad - ow);
      const kwHi = Math.min(K - 1, W - 1 + pad - ow);
      const ob = (oh * OW + ow) * CO;
      for (let co = 0; co < CO; co++) {
        const g = dOut[ob + co]!;
        if (g === 0 || (relu && out[ob + co]! <= 0)) continue;
        dBias[co]! += g;
        for (let kh = khLo; kh <= khHi; kh++) {
          const xr = (oh + kh - pad) * W;
          for (let kw = kwLo; kw <= kwHi; kw++) {
            const xb = (xr + ow + kw - pad) * C;
            const wb = (kh * K + kw) * C * CO + co;
            for (let ci = 0; ci < C; ci++) {
              const a = x[xo + xb + ci]!;
              if (a !== 0) dK[wb + ci * CO]! += a * g;
            }
            if (dX) {
              for (let ci = 0; ci < C; ci++) dX[xb + ci]! += k[wb + ci * CO]! * g;
            }
          }
        }
      }
    }
  }
}

/** Max-pooling forward (window S, stride S); `arg` gets the input index of each maximum. */
export function maxPoolForward(
  x: Float32Array,
  _H: number,
  W: number,
  C: number,
  S: number,
  out: Float32Array,
  arg: Int32Array,
  OH: number,
  OW: number,
): void {
  for (let oh = 0; oh < OH; oh++) {
    for (let ow = 0; ow < OW; ow++) {
      const o = (oh * OW + ow) * C;
      for (let c = 0; c < C; c++) {
        let best = -Infinity;
        let at = 0;
        for (let dh = 0; dh < S; dh++) {
          const r = (oh * S + dh) * W;
          for (let dw = 0; dw < S; dw++) {
            const i = (r + ow * S + dw) * C + c;
            const v = x[i]!;
            if (v > best) {
              best = v;
              at = i;
            }
          }
        }
        out[o + c] = best;
        arg[o + c] = at;
      }
    }
  }
}

/** Max-pooling backward: each output gradient goes to its maximum's cell; dX zeroed here. */
export function maxPoolBackward(
  dOut: Float32Array,
  arg: Int32Array,
  n: number,
  dX: Float32Array,
  inSize: number,
): void {
  dX.fill(0, 0, inSize);
  for (let i = 0; i < n; i++) dX[arg[i]!]! += dOut[i]!;
}

/** Dense forward: out[j] = b[j] + Σ_i x[i]·K[i][j]; optional ReLU. */
export function denseForward(
  x: Float32Array,
  xo: number,
  N: number,
  k: Float32Array,
  bias: Float32Array,
  out: Float32Array,
  U: number,
  relu: boolean,
): void {
  for (let j = 0; j < U; j++) out[j] = bias[j]!;
  for (let i = 0; i < N; i++) {
    const a = x[xo + i]!;
    if (a === 0) continue;
    const r = i * U;
    for (let j = 0; j < U; j++) out[j]! += a * k[r + j]!;
  }
  if (relu) for (let j = 0; j < U; j++) if (out[j]! < 0) out[j] = 0;
}

/**
 * Dense backward. With `relu`, units whose output is ≤ 0 pass no gradient (dOut is masked in
 * place). Accumulates dK and dBias; writes dX when given.
 */
export function denseBackward(
  x: Float32Array,
  xo: number,
  N: number,
  k: Float32Array,
  out: Float32Array,
  dOut: Float32Array,
  U: number,
  relu: boolean,
  dK: Float32Array,
  dBias: Float32Array,
  dX: Float32Array | null,
): void {
  if (relu) for (let j = 0; j < U; j++) if (out[j]! <= 0) dOut[j] = 0;
  for (let j = 0; j < U; j++) dBias[j]! += dOut[j]!;
  for (let i = 0; i < N; i++) {
    const a = x[xo + i]!;
    const r = i * U;
    if (a !== 0) for (let j = 0; j < U; j++) dK[r + j]! += a * dOut[j]!;
    if (dX) {
      let s = 0;
      for (let j = 0; j < U; j++) s += k[r + j]! * dOut[j]!;
      dX[i] = s;
    }
  }
}

/** Softmax of `logits` into `probs` (numerically stable). */
export function softmaxInto(logits: Float32Array, probs: Float32Array, n: number): void {
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (logits[i]! > max) max = logits[i]!;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(logits[i]! - max);
    probs[i] = e;
    sum += e;
  }
  for (let i = 0; i < n; i++) probs[i] = probs[i]! / sum;
}
