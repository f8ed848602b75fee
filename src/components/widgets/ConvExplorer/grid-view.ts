// Browser: draws a grid of numbers (an image or a feature map) on a canvas, one square per cell,
// with outlined boxes on top (the sliding window, the focused cell, pooling maxima). Shared by the
// convolution and pooling explorers; it draws what it is given and computes nothing.
import type { Grid } from '../../../lib/conv/grid.ts';
import { colourOf, scaleOf, type Palette } from '../../../lib/conv/colours.ts';

export { scaleOf };

/** Canvas pixels per grid cell (the canvas is scaled down by CSS; outlines stay crisp). */
export const CELL = 10;

export interface Box {
  /** Top-left cell (may be negative: the padding) and size in cells. */
  readonly row: number;
  readonly col: number;
  readonly height: number;
  readonly width: number;
  readonly style: 'window' | 'focus' | 'max' | 'max-current';
}

/**
 * Draws `g` on `canvas` with `pad` extra cells of zero padding around it (shaded and dotted, so
 * the reader sees where the zeros come from), then `boxes` (in grid coordinates; row −1 is the
 * first padding row).
 */
export function drawGrid(
  canvas: HTMLCanvasElement,
  g: Grid,
  palette: Palette,
  boxes: readonly Box[] = [],
  pad = 0,
  scale = palette === 'ink' ? 1 : scaleOf(g),
): void {
  const rows = g.height + 2 * pad;
  const cols = g.width + 2 * pad;
  if (canvas.width !== cols * CELL) canvas.width = cols * CELL;
  if (canvas.height !== rows * CELL) canvas.height = rows * CELL;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#e8ecf2';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  if (pad > 0) {
    ctx.fillStyle = '#9aa4b2';
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++)
        if (r < pad || c < pad || r >= rows - pad || c >= cols - pad)
          ctx.fillRect(c * CELL + CELL / 2 - 1, r * CELL + CELL / 2 - 1, 2, 2);
  }
  for (let r = 0; r < g.height; r++)
    for (let c = 0; c < g.width; c++) {
      ctx.fillStyle = colourOf(g.data[r * g.width + c]!, palette, scale);
      ctx.fillRect((c + pad) * CELL, (r + pad) * CELL, CELL, CELL);
    }
  for (const b of boxes) {
    const x = (b.col + pad) * CELL;
    const y = (b.row + pad) * CELL;
    const w = b.width * CELL;
    const h = b.height * CELL;
    if (b.style === 'max' || b.style === 'max-current') {
      ctx.fillStyle = b.style === 'max' ? '#1a1a1a' : '#d4006a';
      ctx.beginPath();
      ctx.arc(x + w / 2, y + h / 2, b.style === 'max' ? CELL * 0.18 : CELL * 0.32, 0, 2 * Math.PI);
      ctx.fill();
      continue;
    }
    ctx.lineWidth = b.style === 'window' ? 3 : 2;
    ctx.strokeStyle = '#ffffff';
    ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
    ctx.lineWidth = b.style === 'window' ? 2 : 1.5;
    ctx.strokeStyle = b.style === 'window' ? '#d4006a' : '#111111';
    if (b.style === 'focus') ctx.setLineDash([3, 2]);
    ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
    ctx.setLineDash([]);
  }
}

/** The grid cell under a pointer, in grid coordinates (padding included as negative/over-size). */
export function cellAt(
  canvas: HTMLCanvasElement,
  clientX: number,
  clientY: number,
  pad = 0,
): { row: number; col: number } {
  const r = canvas.getBoundingClientRect();
  const cols = canvas.width / CELL;
  const rows = canvas.height / CELL;
  return {
    row: Math.floor(((clientY - r.top) / r.height) * rows) - pad,
    col: Math.floor(((clientX - r.left) / r.width) * cols) - pad,
  };
}

/** Grid position under a pointer in fractional cells (for drawing with a soft brush). */
export function pointAt(
  canvas: HTMLCanvasElement,
  clientX: number,
  clientY: number,
  pad = 0,
): { r: number; c: number } {
  const rect = canvas.getBoundingClientRect();
  const cols = canvas.width / CELL;
  const rows = canvas.height / CELL;
  return {
    r: ((clientY - rect.top) / rect.height) * rows - pad - 0.5,
    c: ((clientX - rect.left) / rect.width) * cols - pad - 0.5,
  };
}
