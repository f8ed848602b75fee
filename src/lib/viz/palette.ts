// Pure: no DOM. The colour-blind-safe palette (Okabe–Ito hues) used by every chart. Views paint
// with CSS variables so the light and dark themes can pick contrasting shades
// (src/components/widgets/shared/views.css defines them); these hex values are the light-theme
// fallbacks and the reference for tests.

/** Series colours in order, as [CSS variable, light-theme fallback]. */
export const seriesColours = [
  ['--nb-series-1', '#005a8c'], // blue
  ['--nb-series-2', '#a84600'], // vermillion
  ['--nb-series-3', '#00735a'], // bluish green
  ['--nb-series-4', '#8f3f71'], // reddish purple
] as const;

/** Line styles that pair with the colours so series differ without colour. */
export const seriesDashes = ['', '6 3', '2 3', '8 3 2 3'] as const;

/** `var(--nb-series-k, fallback)` for series index k (cycles through the palette). */
export function seriesColour(k: number): string {
  const n = seriesColours.length;
  const [name, fallback] = seriesColours[((k % n) + n) % n]!;
  return `var(${name}, ${fallback})`;
}

/** The dash pattern for series index k ('' = solid). */
export function seriesDash(k: number): string {
  const n = seriesDashes.length;
  return seriesDashes[((k % n) + n) % n]!;
}

/** Relative luminance of a #rrggbb colour (WCAG 2 definition). */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new RangeError(`expected #rrggbb, got ${hex}`);
  const n = parseInt(m[1]!, 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
}

/** WCAG contrast ratio between two #rrggbb colours (1…21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
