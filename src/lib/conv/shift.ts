// Pure: no DOM. Shifting an image by whole pixels and measuring how much a map changed: the
// pooling explorer's "shift the digit" comparison and the tests of the lesson's claims.
import { makeGrid, type Grid } from './grid.ts';

/** Moves the image `dx` pixels right and `dy` down (negative: left, up); vacated cells become 0. */
export function shiftGrid(g: Grid, dx: number, dy: number): Grid {
  const out = makeGrid(g.height, g.width);
  for (let r = 0; r < g.height; r++)
    for (let c = 0; c < g.width; c++) {
      const sr = r - dy;
      const sc = c - dx;
      if (sr >= 0 && sc >= 0 && sr < g.height && sc < g.width)
        out.data[r * g.width + c] = g.data[sr * g.width + sc]!;
    }
  return out;
}

export interface Change {
  /** Σ|b − a| / Σ|a|: the total change relative to the map's total size (0 = identical). */
  readonly relative: number;
  /**
   * Among the active cells (non-zero in a or b), the share whose value moved by more than
   * `threshold` × the largest |a|. Cells that are 0 in both maps are left out, so a sparse map
   * is not flattered by its empty background.
   */
  readonly cellsChanged: number;
  /** Number of active cells compared. */
  readonly cells: number;
}

/**
 * How much map `b` differs from map `a` of the same size. `threshold` (default 0.1) sets what
 * counts as a changed cell, relative to a's largest magnitude.
 */
export function mapChange(a: Grid, b: Grid, threshold = 0.1): Change {
  if (a.height !== b.height || a.width !== b.width)
    throw new RangeError('Maps of different sizes cannot be compared cell by cell.');
  let scale = 0;
  let total = 0;
  for (const v of a.data) {
    scale = Math.max(scale, Math.abs(v));
    total += Math.abs(v);
  }
  let diff = 0;
  let changed = 0;
  let active = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = Math.abs(b.data[i]! - a.data[i]!);
    diff += d;
    if (a.data[i] !== 0 || b.data[i] !== 0) active++;
    if (d > threshold * scale) changed++;
  }
  return {
    relative: total > 0 ? diff / total : diff > 0 ? Infinity : 0,
    cellsChanged: active > 0 ? changed / active : 0,
    cells: active,
  };
}
