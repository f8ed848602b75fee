// Pure: no DOM. The weight-matrix view: one cell per weight, sign shown by a glyph and colour,
// magnitude by opacity, on a symmetric scale so zero is always neutral.
import { plotArea, type Layout } from './scales.ts';

export interface WeightCell {
  readonly row: number;
  readonly col: number;
  readonly value: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly sign: -1 | 0 | 1;
  /** |value| / maxAbs, 0…1 */
  readonly magnitude: number;
}

export interface WeightMatrixViewModel {
  readonly layout: Layout;
  readonly rows: number;
  readonly cols: number;
  readonly cells: readonly WeightCell[];
  /** the largest |weight| (the scale's end), at least `minScale` */
  readonly maxAbs: number;
}

/**
 * Cells for a rows × cols matrix stored row-major in `values`. `minScale` keeps tiny weights from
 * looking saturated (default 1e-6). Non-finite weights get magnitude 1 and sign 0.
 */
export function weightMatrixViewModel(
  values: ArrayLike<number>,
  rows: number,
  cols: number,
  layout: Layout,
  minScale = 1e-6,
): WeightMatrixViewModel {
  if (values.length !== rows * cols) {
    throw new RangeError(
      `expected ${rows * cols} weights for ${rows}×${cols}, got ${values.length}`,
    );
  }
  const area = plotArea(layout);
  let maxAbs = minScale;
  for (let k = 0; k < values.length; k++) {
    const v = values[k] ?? 0;
    if (Number.isFinite(v)) maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  const w = (area.right - area.left) / cols;
  const h = (area.bottom - area.top) / rows;
  const cells: WeightCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const value = values[r * cols + c] ?? 0;
      const finite = Number.isFinite(value);
      cells.push({
        row: r,
        col: c,
        value,
        x: area.left + c * w,
        y: area.top + r * h,
        w,
        h,
        sign: !finite || value === 0 ? 0 : value > 0 ? 1 : -1,
        magnitude: finite ? Math.abs(value) / maxAbs : 1,
      });
    }
  }
  return { layout, rows, cols, cells, maxAbs };
}
