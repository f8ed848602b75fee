// Draws the gate viewer's canvas: the text, and under each row one heat strip per series (a gate
// in [0, 1] from background to blue; the cell state tanh(c) in (−1, 1) orange–background–blue).
import { CELL_W, LABEL_W, STRIP_H, TEXT_H, layoutRows, rowHeight, type GateRow } from './layout.ts';

export interface StripSeries {
  label: string;
  /** 'gate': values in [0, 1]; 'cell': values in [−1, 1]. */
  kind: 'gate' | 'cell';
  values: Float32Array;
}

export interface Palette {
  text: string;
  muted: string;
  bg: [number, number, number];
  pos: [number, number, number];
  neg: [number, number, number];
  cursor: string;
}

const mix = (a: [number, number, number], b: [number, number, number], t: number) =>
  `rgb(${Math.round(a[0] + (b[0] - a[0]) * t)},${Math.round(a[1] + (b[1] - a[1]) * t)},${Math.round(a[2] + (b[2] - a[2]) * t)})`;

export function colour(p: Palette, kind: 'gate' | 'cell', v: number): string {
  if (kind === 'gate') return mix(p.bg, p.pos, Math.max(0, Math.min(1, v)));
  return v >= 0 ? mix(p.bg, p.pos, Math.min(1, v)) : mix(p.bg, p.neg, Math.min(1, -v));
}

/** Draws everything; returns the rows (for hit testing). */
export function drawGates(
  canvas: HTMLCanvasElement,
  text: string,
  series: StripSeries[],
  cursor: number,
  palette: Palette,
): GateRow[] {
  const width = canvas.clientWidth || 600;
  const columns = Math.max(8, Math.floor((width - LABEL_W) / CELL_W));
  const rows = layoutRows(text, columns);
  const height = rows.length * rowHeight(series.length);
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.height = `${height}px`;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return rows;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = `${TEXT_H - 3}px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace`;
  ctx.textBaseline = 'middle';
  rows.forEach((row, r) => {
    const y0 = r * rowHeight(series.length);
    for (let c = 0; c < row.length; c++) {
      const i = row.start + c;
      const x = LABEL_W + c * CELL_W;
      if (i === cursor) {
        ctx.strokeStyle = palette.cursor;
        ctx.lineWidth = 2;
        ctx.strokeRect(x + 0.5, y0 + 0.5, CELL_W - 1, TEXT_H + series.length * STRIP_H - 1);
      }
      const ch = text[i]!;
      if (ch !== '\n' && ch !== ' ') {
        ctx.fillStyle = palette.text;
        ctx.fillText(ch, x + 1, y0 + TEXT_H / 2);
      }
      series.forEach((s, k) => {
        ctx.fillStyle = colour(palette, s.kind, s.values[i] ?? 0);
        ctx.fillRect(x, y0 + TEXT_H + k * STRIP_H, CELL_W, STRIP_H - 1);
      });
    }
    ctx.fillStyle = palette.muted;
    ctx.font = `${STRIP_H + 1}px system-ui, sans-serif`;
    series.forEach((s, k) => {
      ctx.fillText(s.label, 0, y0 + TEXT_H + k * STRIP_H + STRIP_H / 2);
    });
    ctx.font = `${TEXT_H - 3}px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace`;
  });
  return rows;
}
