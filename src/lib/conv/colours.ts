// Pure: no DOM. Colours of grid values, shared by the explorers' canvases and the notebook's SVG:
// ink (0 white → 1 black), diverging (blue below 0, white at 0, orange above) and positive
// (white → orange). Okabe–Ito blue and orange at shades readable on white.
import type { Grid } from './grid.ts';

export type Palette = 'ink' | 'diverging' | 'positive';

const NEG: readonly [number, number, number] = [0, 90, 140];
const POS: readonly [number, number, number] = [168, 70, 0];

function mix(c: readonly [number, number, number], t: number): string {
  const a = Math.min(Math.max(t, 0), 1);
  const ch = (k: number) => Math.round(255 + (c[k]! - 255) * a);
  return `rgb(${ch(0)},${ch(1)},${ch(2)})`;
}

/** The colour of value `v` in a palette, with `scale` the magnitude that gets full colour. */
export function colourOf(v: number, palette: Palette, scale: number): string {
  if (palette === 'ink') {
    const g = Math.round(255 * (1 - Math.min(Math.max(v, 0), 1)));
    return `rgb(${g},${g},${g})`;
  }
  const t = scale > 0 ? v / scale : 0;
  if (palette === 'positive') return mix(POS, t);
  return t < 0 ? mix(NEG, -t) : mix(POS, t);
}

/** Largest |value|, at least `floor`, so a near-empty map is not blown up to full colour. */
export function scaleOf(g: Grid, floor = 1e-6): number {
  let m = floor;
  for (const v of g.data) m = Math.max(m, Math.abs(v));
  return m;
}
