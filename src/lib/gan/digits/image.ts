// Pure: no DOM. The digits GAN works on 14×14 images (a quarter of the pixels, so a quarter of the
// arithmetic in its two big layers): the 28×28 training digits are shrunk by averaging 2×2 blocks,
// and generated images are enlarged back to 28×28 (bilinear) for the chapter-2 classifier.

/** Side of the GAN's images. */
export const GAN_SIDE = 14;
export const GAN_PIXELS = GAN_SIDE * GAN_SIDE;
const SRC = 28;

/** count 28×28 digits (0–255) → count 14×14 images in 0–1 (mean of each 2×2 block). */
export function shrinkDigits(images: Uint8Array, count: number): Float32Array {
  const out = new Float32Array(count * GAN_PIXELS);
  for (let k = 0; k < count; k++) {
    const s = k * SRC * SRC;
    const d = k * GAN_PIXELS;
    for (let y = 0; y < GAN_SIDE; y++) {
      for (let x = 0; x < GAN_SIDE; x++) {
        const p = s + 2 * y * SRC + 2 * x;
        const sum = images[p]! + images[p + 1]! + images[p + SRC]! + images[p + SRC + 1]!;
        out[d + y * GAN_SIDE + x] = sum / (4 * 255);
      }
    }
  }
  return out;
}

/**
 * count 14×14 images → count 28×28 images (bilinear; output pixel centre (x+½)/2 − ½ in source
 * coordinates, clamped at the border), values unchanged in range.
 */
export function enlargeImages(images: Float32Array, count: number): Float32Array {
  const out = new Float32Array(count * SRC * SRC);
  const n = GAN_SIDE;
  for (let k = 0; k < count; k++) {
    const s = k * GAN_PIXELS;
    const d = k * SRC * SRC;
    for (let y = 0; y < SRC; y++) {
      const fy = Math.min(n - 1, Math.max(0, (y + 0.5) / 2 - 0.5));
      const y0 = Math.floor(fy);
      const y1 = Math.min(n - 1, y0 + 1);
      const ty = fy - y0;
      for (let x = 0; x < SRC; x++) {
        const fx = Math.min(n - 1, Math.max(0, (x + 0.5) / 2 - 0.5));
        const x0 = Math.floor(fx);
        const x1 = Math.min(n - 1, x0 + 1);
        const tx = fx - x0;
        const a = images[s + y0 * n + x0]! * (1 - tx) + images[s + y0 * n + x1]! * tx;
        const b = images[s + y1 * n + x0]! * (1 - tx) + images[s + y1 * n + x1]! * tx;
        out[d + y * SRC + x] = a * (1 - ty) + b * ty;
      }
    }
  }
  return out;
}

/**
 * out = X blurred with [1 2 1]ᵀ[1 2 1]/16 (zero padding), for n side×side images. The kernel is
 * symmetric, so this is also its own transpose (the backward pass uses it unchanged).
 */
export function blur3(X: Float32Array, out: Float32Array, n: number, side: number): void {
  const P = side * side;
  for (let e = 0; e < n; e++) {
    const o = e * P;
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        let s = 0;
        for (let dy = -1; dy <= 1; dy++) {
          const yy = y + dy;
          if (yy < 0 || yy >= side) continue;
          const wy = dy === 0 ? 2 : 1;
          for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx;
            if (xx < 0 || xx >= side) continue;
            s += wy * (dx === 0 ? 2 : 1) * X[o + yy * side + xx]!;
          }
        }
        out[o + y * side + x] = s / 16;
      }
    }
  }
}
