// Pure: no DOM. Turns grid values into RGBA pixels: a diverging scale between two theme colours
// through the background (for probabilities, regression values and neuron outputs), and class
// colours for three classes. The element reads the colours from CSS variables.

export type Rgb = readonly [number, number, number];

/** Parses "#rrggbb" or "rgb(r, g, b)" (what getComputedStyle returns); undefined otherwise. */
export function parseColor(text: string): Rgb | undefined {
  const t = text.trim();
  const hex = /^#([0-9a-f]{6})$/i.exec(t);
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const rgb = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/i.exec(t);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return undefined;
}

export interface Palette {
  /** Colour of negative values / class 0. */
  readonly negative: Rgb;
  /** Colour of positive values / class 1. */
  readonly positive: Rgb;
  /** Colour of class 2 (three-class data). */
  readonly third: Rgb;
  /** Page background: the colour of 0 / undecided. */
  readonly background: Rgb;
}

/**
 * Writes `values` as pixels into `rgba` (4 bytes per value), mapping t ∈ [−1, 1] from the
 * negative colour through the background to the positive colour. `scale` divides the values
 * first (use the largest |value| to normalise a neuron's map). Non-finite values are background.
 */
export function divergingPixels(
  values: Float32Array,
  rgba: Uint8ClampedArray,
  palette: Palette,
  scale = 1,
  strength = 0.85,
): void {
  const { negative: neg, positive: pos, background: bg } = palette;
  const inv = scale > 0 ? 1 / scale : 0;
  for (let p = 0; p < values.length; p++) {
    let t = values[p]! * inv;
    if (!Number.isFinite(t)) t = 0;
    if (t > 1) t = 1;
    else if (t < -1) t = -1;
    const c = t >= 0 ? pos : neg;
    const a = Math.abs(t) * strength;
    const o = 4 * p;
    rgba[o] = bg[0] + (c[0] - bg[0]) * a;
    rgba[o + 1] = bg[1] + (c[1] - bg[1]) * a;
    rgba[o + 2] = bg[2] + (c[2] - bg[2]) * a;
    rgba[o + 3] = 255;
  }
}

/** Like divergingPixels for probabilities p ∈ [0, 1] (0.5 is the background). */
export function probabilityPixels(
  values: Float32Array,
  rgba: Uint8ClampedArray,
  palette: Palette,
  strength = 0.85,
): void {
  const shifted = new Float32Array(values.length);
  for (let p = 0; p < values.length; p++) shifted[p] = 2 * values[p]! - 1;
  divergingPixels(shifted, rgba, palette, 1, strength);
}

/**
 * Three-class pixels: each cell takes the colour of its most likely class, stronger the more
 * confident the network (probability 1/3 → background, 1 → full colour).
 */
export function classPixels(
  probs: readonly Float32Array[],
  rgba: Uint8ClampedArray,
  palette: Palette,
  strength = 0.85,
): void {
  const colours = [palette.negative, palette.positive, palette.third];
  const bg = palette.background;
  const n = probs[0]?.length ?? 0;
  for (let p = 0; p < n; p++) {
    let best = 0;
    for (let k = 1; k < probs.length; k++) if (probs[k]![p]! > probs[best]![p]!) best = k;
    const c = colours[best] ?? bg;
    const conf = Math.max(0, Math.min(1, (probs[best]![p]! - 1 / 3) * 1.5)) * strength;
    const o = 4 * p;
    rgba[o] = bg[0] + (c[0] - bg[0]) * conf;
    rgba[o + 1] = bg[1] + (c[1] - bg[1]) * conf;
    rgba[o + 2] = bg[2] + (c[2] - bg[2]) * conf;
    rgba[o + 3] = 255;
  }
}

/** The largest |value| (at least `floor`, so an all-zero map stays background). */
export function maxAbs(values: Float32Array, floor = 1e-6): number {
  let m = floor;
  for (let p = 0; p < values.length; p++) {
    const a = Math.abs(values[p]!);
    if (a > m) m = a;
  }
  return m;
}
