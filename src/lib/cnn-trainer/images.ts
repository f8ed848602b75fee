// Pure: no DOM. Turns numbers into pixels for the CNN trainer's canvases: digits and feature maps
// in grey, kernels and weight templates in a diverging blue–white–red scale (sign matters there),
// laid out as a grid of tiles. The views copy the returned RGBA bytes into an ImageData.

export interface TileGrid {
  /** Tiles per row and rows. */
  cols: number;
  rows: number;
  /** Canvas size in image pixels (before CSS scaling). */
  width: number;
  height: number;
  /** RGBA bytes, width × height × 4. */
  rgba: Uint8ClampedArray;
}

export type Scale = 'grey' | 'diverging';

/**
 * Lays `count` maps of h×w values (map after map in `values`) out as tiles, `cols` per row, with
 * a `gap`-pixel background between them. Grey maps each tile to black → white over its own range
 * (or [0, max] when `fromZero`), so a weak map still shows its pattern; diverging maps ±max|v| of
 * the whole set to blue and red around white, so kernels can be compared with each other.
 */
export function tileImages(
  values: Float32Array,
  count: number,
  h: number,
  w: number,
  opts: { cols?: number; gap?: number; scale?: Scale; fromZero?: boolean; dark?: boolean } = {},
): TileGrid {
  const cols = Math.max(1, Math.min(count, opts.cols ?? count));
  const rows = Math.max(1, Math.ceil(count / cols));
  const gap = opts.gap ?? 1;
  const width = cols * w + (cols - 1) * gap;
  const height = rows * h + (rows - 1) * gap;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const bg = opts.dark ? 40 : 200;
  for (let i = 0; i < rgba.length; i += 4) {
    rgba[i] = rgba[i + 1] = rgba[i + 2] = bg;
    rgba[i + 3] = 255;
  }
  let globalMax = 0;
  for (let i = 0; i < count * h * w; i++) globalMax = Math.max(globalMax, Math.abs(values[i]!));
  for (let m = 0; m < count; m++) {
    const base = m * h * w;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < h * w; i++) {
      lo = Math.min(lo, values[base + i]!);
      hi = Math.max(hi, values[base + i]!);
    }
    if (opts.fromZero) lo = Math.min(0, lo);
    const tx = (m % cols) * (w + gap);
    const ty = Math.floor(m / cols) * (h + gap);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const v = values[base + y * w + x]!;
        const o = ((ty + y) * width + tx + x) * 4;
        const [r, g, b] =
          opts.scale === 'diverging'
            ? diverging(globalMax ? v / globalMax : 0)
            : grey(hi > lo ? (v - lo) / (hi - lo) : 0);
        rgba[o] = r;
        rgba[o + 1] = g;
        rgba[o + 2] = b;
      }
  }
  return { cols, rows, width, height, rgba };
}

/** 0 → black, 1 → white. */
export function grey(t: number): [number, number, number] {
  const v = Math.round(255 * Math.max(0, Math.min(1, t)));
  return [v, v, v];
}

/** −1 → blue (33, 102, 172), 0 → white, +1 → red (178, 24, 43) (ColorBrewer RdBu ends). */
export function diverging(t: number): [number, number, number] {
  const c = Math.max(-1, Math.min(1, t));
  const end = c < 0 ? [33, 102, 172] : [178, 24, 43];
  const a = Math.abs(c);
  return [
    Math.round(255 + (end[0]! - 255) * a),
    Math.round(255 + (end[1]! - 255) * a),
    Math.round(255 + (end[2]! - 255) * a),
  ];
}

/** Good tile columns for `count` maps in about `maxWidth` image pixels. */
export function columnsFor(count: number, tileWidth: number, maxWidth: number, gap = 1): number {
  return Math.max(1, Math.min(count, Math.floor((maxWidth + gap) / (tileWidth + gap))));
}
