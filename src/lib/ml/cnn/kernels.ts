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

/**
 * convForward for CO a multiple of 8: a gather over each output position's window with eight
 * running sums in locals (registers), zero inputs skipped. Same results as convForward.
 */
export function convForward8(
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
  const lo = relu ? 0 : -Infinity;
  for (let oh = 0; oh < OH; oh++) {
    const khLo = Math.max(0, pad - oh);
    const khHi = Math.min(K - 1, H - 1 + pad - oh);
    for (let ow = 0; ow < OW; ow++) {
      const kwLo = Math.max(0, pad - ow);
      const kwHi = Math.min(K - 1, W - 1 + pad - ow);
      const ob = (oh * OW + ow) * CO;
      for (let cb = 0; cb < CO; cb += 8) {
        let s0 = bias[cb]!,
          s1 = bias[cb + 1]!,
          s2 = bias[cb + 2]!,
          s3 = bias[cb + 3]!;
        let s4 = bias[cb + 4]!,
          s5 = bias[cb + 5]!,
          s6 = bias[cb + 6]!,
          s7 = bias[cb + 7]!;
        for (let kh = khLo; kh <= khHi; kh++) {
          const xr = xo + (oh + kh - pad) * W;
          for (let kw = kwLo; kw <= kwHi; kw++) {
            const xb = (xr + ow + kw - pad) * C;
            let w = (kh * K + kw) * C * CO + cb;
            for (let ci = 0; ci < C; ci++, w += CO) {
              const a = x[xb + ci]!;
              if (a === 0) continue;
              s0 += a * k[w]!;
              s1 += a * k[w + 1]!;
              s2 += a * k[w + 2]!;
              s3 += a * k[w + 3]!;
              s4 += a * k[w + 4]!;
              s5 += a * k[w + 5]!;
              s6 += a * k[w + 6]!;
              s7 += a * k[w + 7]!;
            }
          }
        }
        const o = ob + cb;
        out[o] = s0 > lo ? s0 : 0;
        out[o + 1] = s1 > lo ? s1 : 0;
        out[o + 2] = s2 > lo ? s2 : 0;
        out[o + 3] = s3 > lo ? s3 : 0;
        out[o + 4] = s4 > lo ? s4 : 0;
        out[o + 5] = s5 > lo ? s5 : 0;
        out[o + 6] = s6 > lo ? s6 : 0;
        out[o + 7] = s7 > lo ? s7 : 0;
      }
    }
  }
}

/**
 * convBackward for CO a multiple of 8: per output position, eight channel gradients in locals
 * (ReLU-masked; blocks whose eight are all zero skipped), applied to every window tap.
 */
export function convBackward8(
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
  const g = (i: number) => (relu && out[i]! <= 0 ? 0 : dOut[i]!);
  for (let oh = 0; oh < OH; oh++) {
    const khLo = Math.max(0, pad - oh);
    const khHi = Math.min(K - 1, H - 1 + pad - oh);
    for (let ow = 0; ow < OW; ow++) {
      const kwLo = Math.max(0, pad - ow);
      const kwHi = Math.min(K - 1, W - 1 + pad - ow);
      const ob = (oh * OW + ow) * CO;
      for (let cb = 0; cb < CO; cb += 8) {
        const o = ob + cb;
        const g0 = g(o),
          g1 = g(o + 1),
          g2 = g(o + 2),
          g3 = g(o + 3);
        const g4 = g(o + 4),
          g5 = g(o + 5),
          g6 = g(o + 6),
          g7 = g(o + 7);
        if (
          g0 === 0 &&
          g1 === 0 &&
          g2 === 0 &&
          g3 === 0 &&
          g4 === 0 &&
          g5 === 0 &&
          g6 === 0 &&
          g7 === 0
        )
          continue;
        dBias[cb]! += g0;
        dBias[cb + 1]! += g1;
        dBias[cb + 2]! += g2;
        dBias[cb + 3]! += g3;
        dBias[cb + 4]! += g4;
        dBias[cb + 5]! += g5;
        dBias[cb + 6]! += g6;
        dBias[cb + 7]! += g7;
        for (let kh = khLo; kh <= khHi; kh++) {
          const xr = (oh + kh - pad) * W;
          for (let kw = kwLo; kw <= kwHi; kw++) {
            const xb = (xr + ow + kw - pad) * C;
            let w = (kh * K + kw) * C * CO + cb;
            for (let ci = 0; ci < C; ci++, w += CO) {
              const a = x[xo + xb + ci]!;
              if (a !== 0) {
                dK[w]! += a * g0;
                dK[w + 1]! += a * g1;
                dK[w + 2]! += a * g2;
                dK[w + 3]! += a * g3;
                dK[w + 4]! += a * g4;
                dK[w + 5]! += a * g5;
                dK[w + 6]! += a * g6;
                dK[w + 7]! += a * g7;
              }
              if (dX) {
                dX[xb + ci]! +=
                  k[w]! * g0 +
                  k[w + 1]! * g1 +
                  k[w + 2]! * g2 +
                  k[w + 3]! * g3 +
                  k[w + 4]! * g4 +
                  k[w + 5]! * g5 +
                  k[w + 6]! * g6 +
                  k[w + 7]! * g7;
              }
            }
          }
        }
      }
    }
  }
}
