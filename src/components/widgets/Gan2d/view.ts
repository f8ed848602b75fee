// Draws the 2-D GAN: the discriminator's heatmap (or, after a slow-motion D step, how D changed),
// real and generated points, the generator's gradient arrows (or, after a G step, where points
// moved), and two small SVG charts (losses; D(real) and D(fake)). Canvas for the many marks,
// plain SVG paths for the curves; no layout is read while drawing.
import { setText } from '../shared/set-text.ts';
import { HEAT_GRID, historyRows, type GanSnapshot } from '../../../lib/gan/protocol.ts';

export interface Colours {
  real: string;
  fake: string;
  fg: string;
}

/** Reads the theme's colours from CSS custom properties on `el`. */
export function readColours(el: Element): Colours {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  return {
    real: v('--nb-class-0', '#005a8c'),
    fake: v('--nb-class-1', '#a84600'),
    fg: v('--sl-color-gray-2', '#444'),
  };
}

function hexToRgb(c: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : [128, 128, 128];
}

let heatImage: ImageData | undefined;

/**
 * Paints the heatmap canvas (HEAT_GRID² pixels, scaled up by CSS): D(x) near 1 in the real
 * colour, near 0 in the fake colour, pale near ½. With `delta`, paints after − before instead
 * (real colour where D rose, fake colour where it fell), amplified so one step shows.
 */
export function drawHeat(
  canvas: HTMLCanvasElement,
  heat: Float32Array,
  colours: Colours,
  before?: Float32Array,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const n = HEAT_GRID;
  if (!heatImage) heatImage = ctx.createImageData(n, n);
  const data = heatImage.data;
  const real = hexToRgb(colours.real);
  const fake = hexToRgb(colours.fake);
  let scale = 2;
  if (before) {
    let max = 1e-6;
    for (let i = 0; i < heat.length; i++) max = Math.max(max, Math.abs(heat[i]! - before[i]!));
    scale = 1 / max;
  }
  for (let i = 0; i < n * n; i++) {
    const v = before ? (heat[i]! - before[i]!) * scale : (heat[i]! - 0.5) * scale;
    const c = v >= 0 ? real : fake;
    data[4 * i] = c[0];
    data[4 * i + 1] = c[1];
    data[4 * i + 2] = c[2];
    data[4 * i + 3] = Math.round(Math.min(1, Math.abs(v)) * 150);
  }
  ctx.putImageData(heatImage, 0, 0);
}

/** Plot coordinates [-1, 1]² → canvas pixels. */
const px = (v: number, size: number) => ((v + 1) / 2) * size;
const py = (v: number, size: number) => ((1 - v) / 2) * size;

export interface PointsOptions {
  arrows: boolean;
  cursor?: { x: number; y: number } | undefined;
  drawn?: Float32Array | undefined;
}

/** Real points (hollow circles), generated points (filled squares) and arrows or moves. */
export function drawPoints(
  canvas: HTMLCanvasElement,
  s: GanSnapshot,
  colours: Colours,
  opts: PointsOptions,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const size = canvas.width;
  const k = size / 320;
  ctx.clearRect(0, 0, size, size);
  ctx.lineWidth = 1.2 * k;
  ctx.strokeStyle = colours.real;
  ctx.beginPath();
  for (let i = 0; i < s.real.length; i += 2) {
    const x = px(s.real[i]!, size);
    const y = py(s.real[i + 1]!, size);
    ctx.moveTo(x + 2.6 * k, y);
    ctx.arc(x, y, 2.6 * k, 0, 2 * Math.PI);
  }
  ctx.stroke();
  if (opts.drawn) {
    ctx.fillStyle = colours.real;
    for (let i = 0; i < opts.drawn.length; i += 2) {
      ctx.fillRect(
        px(opts.drawn[i]!, size) - 3 * k,
        py(opts.drawn[i + 1]!, size) - 3 * k,
        6 * k,
        6 * k,
      );
    }
  }
  const moved = s.changed?.which === 'g' ? s.changed.beforeFake : undefined;
  if (moved) {
    ctx.strokeStyle = colours.fg;
    ctx.globalAlpha = 0.5;
    ctx.beginPath();
    for (let i = 0; i < s.fake.length; i += 2) {
      ctx.moveTo(px(moved[i]!, size), py(moved[i + 1]!, size));
      ctx.lineTo(px(s.fake[i]!, size), py(s.fake[i + 1]!, size));
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
  }
  ctx.fillStyle = colours.fake;
  for (let i = 0; i < s.fake.length; i += 2) {
    ctx.fillRect(px(s.fake[i]!, size) - 2 * k, py(s.fake[i + 1]!, size) - 2 * k, 4 * k, 4 * k);
  }
  if (opts.arrows && !moved) {
    let max = 1e-9;
    for (let i = 0; i < s.arrows.length; i += 2)
      max = Math.max(max, Math.hypot(s.arrows[i]!, s.arrows[i + 1]!));
    // The longest arrow is 24 px; the rest in proportion, so weak gradients look weak.
    const len = (24 * k) / max;
    ctx.strokeStyle = colours.fg;
    ctx.beginPath();
    for (let i = 0; i < s.fake.length; i += 2) {
      const x = px(s.fake[i]!, size);
      const y = py(s.fake[i + 1]!, size);
      const dx = s.arrows[i]! * len;
      const dy = -s.arrows[i + 1]! * len;
      const l = Math.hypot(dx, dy);
      if (l < 1.5 * k) continue;
      const ex = x + dx;
      const ey = y + dy;
      ctx.moveTo(x, y);
      ctx.lineTo(ex, ey);
      const ux = dx / l;
      const uy = dy / l;
      const h = Math.min(4 * k, l / 2);
      ctx.moveTo(ex, ey);
      ctx.lineTo(ex - h * (ux - 0.5 * uy), ey - h * (uy + 0.5 * ux));
      ctx.moveTo(ex, ey);
      ctx.lineTo(ex - h * (ux + 0.5 * uy), ey - h * (uy - 0.5 * ux));
    }
    ctx.stroke();
  }
  if (opts.cursor) {
    const x = px(opts.cursor.x, size);
    const y = py(opts.cursor.y, size);
    ctx.strokeStyle = colours.fg;
    ctx.lineWidth = 2 * k;
    ctx.beginPath();
    ctx.moveTo(x - 8 * k, y);
    ctx.lineTo(x + 8 * k, y);
    ctx.moveTo(x, y - 8 * k);
    ctx.lineTo(x, y + 8 * k);
    ctx.stroke();
  }
}

const W = 300;
const H = 110;
const PAD = { l: 34, r: 8, t: 8, b: 18 };

/** An SVG path through (x, y) pairs in chart units, NaNs breaking the line. */
function pathOf(
  xs: number[],
  ys: number[],
  x0: number,
  x1: number,
  y0: number,
  y1: number,
): string {
  const sx = (x: number) => PAD.l + ((x - x0) / (x1 - x0 || 1)) * (W - PAD.l - PAD.r);
  const sy = (y: number) => H - PAD.b - ((y - y0) / (y1 - y0 || 1)) * (H - PAD.t - PAD.b);
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i]!;
    if (!Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${sx(xs[i]!).toFixed(1)},${sy(Math.min(y1, Math.max(y0, y))).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** Fills the two chart SVGs (their paths carry data-series) from the snapshot's history. */
export function drawCurves(losses: SVGSVGElement, outputs: SVGSVGElement, s: GanSnapshot): void {
  const rows = historyRows(s.history);
  const xs = rows.map((r) => r.iteration);
  const x0 = 0;
  const x1 = Math.max(10, xs[xs.length - 1] ?? 10);
  const lossMax = Math.max(
    2,
    ...rows.map((r) => (Number.isFinite(r.dLoss) ? r.dLoss : 0)),
    ...rows.map((r) => (Number.isFinite(r.gLoss) ? Math.abs(r.gLoss) : 0)),
  );
  const top = Math.min(6, Math.ceil(lossMax));
  const lossLow = rows.some((r) => r.gLoss < 0) ? -top : 0;
  const set = (svg: SVGSVGElement, name: string, d: string) => {
    svg.querySelector(`[data-series="${name}"]`)?.setAttribute('d', d);
  };
  set(
    losses,
    'dLoss',
    pathOf(
      xs,
      rows.map((r) => r.dLoss),
      x0,
      x1,
      lossLow,
      top,
    ),
  );
  set(
    losses,
    'gLoss',
    pathOf(
      xs,
      rows.map((r) => r.gLoss),
      x0,
      x1,
      lossLow,
      top,
    ),
  );
  set(
    outputs,
    'dReal',
    pathOf(
      xs,
      rows.map((r) => r.dReal),
      x0,
      x1,
      0,
      1,
    ),
  );
  set(
    outputs,
    'dFake',
    pathOf(
      xs,
      rows.map((r) => r.dFake),
      x0,
      x1,
      0,
      1,
    ),
  );
  const label = (svg: SVGSVGElement, which: string, text: string) => {
    const t = svg.querySelector(`[data-axis="${which}"]`);
    if (t) setText(t, text);
  };
  label(losses, 'ymax', String(top));
  label(losses, 'ymin', String(lossLow));
  label(losses, 'xmax', String(Math.round(x1)));
  label(outputs, 'xmax', String(Math.round(x1)));
}

export const chartGeometry = { W, H, PAD };
