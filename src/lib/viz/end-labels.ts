// Pure: no DOM. Places the labels at the right ends of line-chart curves ("train loss",
// "SGD", "RMSProp", …) so that no two overlap (issue 16: "SGD" and "RMSProp" used to merge into
// "SGDProp"). Labels whose boxes would collide are nudged apart vertically, keeping their order;
// when the plot is too short for that, the chart shows a legend instead. Used by
// widgets/shared/curves-view.ts; tested in tests/unit/viz/end-labels.test.ts.

export interface EndPoint {
  readonly id: string;
  readonly label: string;
  /** the curve's last point, in SVG units */
  readonly x: number;
  readonly y: number;
}

export interface PlacedLabel {
  readonly id: string;
  readonly label: string;
  /** text anchor point (baseline), in SVG units */
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
  /** the label's box, for tests and hit checks */
  readonly box: {
    readonly x0: number;
    readonly x1: number;
    readonly y0: number;
    readonly y1: number;
  };
}

export interface EndLabelOptions {
  /** chart width; labels never extend past it */
  readonly width: number;
  /** the plot area's left edge, where a legend starts (default 0) */
  readonly left?: number;
  /** vertical room the labels may use (usually the plot area's top and bottom) */
  readonly top: number;
  readonly bottom: number;
  /** font size in SVG units (12 in .nb-chart) */
  readonly fontSize?: number;
  /** gap between the curve's end and its label */
  readonly gap?: number;
}

export type EndLabelLayout =
  | { readonly mode: 'labels'; readonly labels: readonly PlacedLabel[] }
  | { readonly mode: 'legend'; readonly labels: readonly PlacedLabel[] };

/** A generous width estimate for a label (0.62 em per character covers capitals and digits). */
export function labelWidth(label: string, fontSize = 12): number {
  return Math.ceil(label.length * 0.62 * fontSize) + 2;
}

const overlaps = (a: PlacedLabel['box'], b: PlacedLabel['box']): boolean =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function box(x: number, y: number, w: number, h: number, anchor: 'start' | 'end') {
  const x0 = anchor === 'start' ? x : x - w;
  // y is the text's baseline; the box reaches one font size up and a little below it.
  return { x0, x1: x0 + w, y0: y - h * 0.8, y1: y + h * 0.2 };
}

/**
 * Places one label per end point. Each label sits just right of its curve's end (or just left of
 * it, right-aligned, when it would leave the chart), vertically centred on the end, and then
 * labels are pushed apart so that no two boxes overlap, keeping their top-to-bottom order. If they
 * do not fit between `top` and `bottom`, the result is a legend: the labels stacked at the top
 * left of the plot, for the view to draw with line swatches.
 */
export function layoutEndLabels(ends: readonly EndPoint[], opts: EndLabelOptions): EndLabelLayout {
  const h = opts.fontSize ?? 12;
  const gap = opts.gap ?? 4;
  const line = h + 1;
  const items = ends
    .filter((e) => Number.isFinite(e.x) && Number.isFinite(e.y))
    .map((e) => {
      const w = labelWidth(e.label, h);
      const anchor: 'start' | 'end' = e.x + gap + w > opts.width ? 'end' : 'start';
      const x = anchor === 'start' ? e.x + gap : Math.min(e.x - gap, opts.width);
      return { e, w, anchor, x, y: e.y + h * 0.3 };
    })
    .sort((a, b) => a.y - b.y || a.e.id.localeCompare(b.e.id));
  const minY = opts.top + h * 0.8;
  const maxY = opts.bottom - h * 0.2;
  // Any two labels whose horizontal extents meet are stacked at least one line apart; the rest
  // keep their own heights. Sweep down, then shift the whole group up if it ran past the bottom.
  const xOverlap = (a: (typeof items)[number], b: (typeof items)[number]): boolean => {
    const ba = box(a.x, 0, a.w, h, a.anchor);
    const bb = box(b.x, 0, b.w, h, b.anchor);
    return ba.x0 < bb.x1 && bb.x0 < ba.x1;
  };
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    it.y = Math.max(it.y, minY);
    for (let j = 0; j < i; j++) {
      const prev = items[j]!;
      if (xOverlap(prev, it) && it.y < prev.y + line) it.y = prev.y + line;
    }
  }
  const excess = items.length ? items[items.length - 1]!.y - maxY : 0;
  if (excess > 0) {
    for (let i = items.length - 1; i >= 0; i--) {
      const it = items[i]!;
      it.y = Math.min(it.y, maxY);
      for (let j = items.length - 1; j > i; j--) {
        const next = items[j]!;
        if (xOverlap(next, it) && it.y > next.y - line) it.y = next.y - line;
      }
    }
  }
  const placed: PlacedLabel[] = items.map((it) => ({
    id: it.e.id,
    label: it.e.label,
    x: it.x,
    y: it.y,
    anchor: it.anchor,
    box: box(it.x, it.y, it.w, h, it.anchor),
  }));
  const fits =
    placed.every((p) => p.box.y0 >= opts.top - 0.01 && p.box.y1 <= opts.bottom + 0.01) &&
    placed.every((p, i) => placed.every((q, j) => j <= i || !overlaps(p.box, q.box)));
  if (fits) return { mode: 'labels', labels: placed };
  return { mode: 'legend', labels: legend(ends, opts) };
}

/** Labels stacked one per line at the top left of the plot (x = swatch start). */
function legend(ends: readonly EndPoint[], opts: EndLabelOptions): PlacedLabel[] {
  const h = opts.fontSize ?? 12;
  const line = h + 2;
  return ends.map((e, i) => {
    const x = (opts.left ?? 0) + 4;
    const y = opts.top + h * 0.8 + i * line;
    const w = labelWidth(e.label, h) + 22;
    return { id: e.id, label: e.label, x, y, anchor: 'start', box: box(x, y, w, h, 'start') };
  });
}
