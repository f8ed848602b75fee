// Pure: no DOM. The two loops the recurrent engine spends its time in: a register-blocked
// C = A·Bᵀ (both operands read along contiguous rows, sums kept in locals) and a transpose.
// Measured in Node 24 / V8 on this machine for the LSTM's shapes (16×256×64, 768×85×64,
// 64×256×768): the 4×2 block ran 1.4–1.9 G multiply-adds/s, 3–4× the axpy loop
// (z[j] += x·W[k][j]) the engine used before, which loads and stores z for every product.
// Sums are float64 (JS numbers) and rounded to float32 once, on store.

/**
 * C[m][n] = Σₖ A[m][k]·B[n][k] for m < M, n < N, k < K (C = A·Bᵀ), overwriting C.
 * Row-major with leading dimensions (row strides) lda, ldb, ldc and start offsets, so operands
 * can be windows of larger arrays. All arrays are Float32Arrays (one element kind keeps V8's
 * call sites monomorphic).
 */
export function matmulNT(
  a: Float32Array,
  aOff: number,
  lda: number,
  b: Float32Array,
  bOff: number,
  ldb: number,
  c: Float32Array,
  cOff: number,
  ldc: number,
  M: number,
  N: number,
  K: number,
): void {
  let m = 0;
  for (; m + 3 < M; m += 4) {
    const a0 = aOff + m * lda;
    const a1 = a0 + lda;
    const a2 = a1 + lda;
    const a3 = a2 + lda;
    const c0 = cOff + m * ldc;
    let n = 0;
    for (; n + 1 < N; n += 2) {
      const b0 = bOff + n * ldb;
      const b1 = b0 + ldb;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      let s20 = 0;
      let s21 = 0;
      let s30 = 0;
      let s31 = 0;
      for (let k = 0; k < K; k++) {
        const y0 = b[b0 + k]!;
        const y1 = b[b1 + k]!;
        const x0 = a[a0 + k]!;
        const x1 = a[a1 + k]!;
        const x2 = a[a2 + k]!;
        const x3 = a[a3 + k]!;
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s20 += x2 * y0;
        s21 += x2 * y1;
        s30 += x3 * y0;
        s31 += x3 * y1;
      }
      const o = c0 + n;
      c[o] = s00;
      c[o + 1] = s01;
      c[o + ldc] = s10;
      c[o + ldc + 1] = s11;
      c[o + 2 * ldc] = s20;
      c[o + 2 * ldc + 1] = s21;
      c[o + 3 * ldc] = s30;
      c[o + 3 * ldc + 1] = s31;
    }
    for (; n < N; n++) {
      const b0 = bOff + n * ldb;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < K; k++) {
        const y = b[b0 + k]!;
        s0 += a[a0 + k]! * y;
        s1 += a[a1 + k]! * y;
        s2 += a[a2 + k]! * y;
        s3 += a[a3 + k]! * y;
      }
      const o = c0 + n;
      c[o] = s0;
      c[o + ldc] = s1;
      c[o + 2 * ldc] = s2;
      c[o + 3 * ldc] = s3;
    }
  }
  for (; m < M; m++) {
    const a0 = aOff + m * lda;
    const c0 = cOff + m * ldc;
    for (let n = 0; n < N; n++) {
      const b0 = bOff + n * ldb;
      let s = 0;
      for (let k = 0; k < K; k++) s += a[a0 + k]! * b[b0 + k]!;
      c[c0 + n] = s;
    }
  }
}

/** dst[c][r] = src[srcOff + r·cols + c] for r < rows, c < cols (dst is cols × rows). */
export function transpose(
  src: Float32Array,
  srcOff: number,
  rows: number,
  cols: number,
  dst: Float32Array,
): void {
  for (let r = 0; r < rows; r++) {
    const s = srcOff + r * cols;
    for (let c = 0; c < cols; c++) dst[c * rows + r] = src[s + c]!;
  }
}

const pool = new Map<string, Float32Array>();

/**
 * A scratch Float32Array of at least `size` elements, reused between calls with the same `name`
 * (contents undefined). Single-threaded use only: a worker or a test process each has its own.
 */
export function scratch(name: string, size: number): Float32Array {
  let a = pool.get(name);
  if (!a || a.length < size) {
    a = new Float32Array(size);
    pool.set(name, a);
  }
  return a;
}
