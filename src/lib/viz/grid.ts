// Pure: no DOM. A function of two variables sampled on a regular grid: the data behind the
// decision-boundary heatmap and the loss-surface contours.

/** Samples at cell centres; `values[j * nx + i]` is the value at column i (x), row j (y). */
export interface Grid {
  readonly nx: number;
  readonly ny: number;
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  readonly values: number[];
}

/** The x of column i's centre and the y of row j's centre. */
export function cellCenter(grid: Grid, i: number, j: number): [number, number] {
  return [
    grid.x[0] + ((i + 0.5) / grid.nx) * (grid.x[1] - grid.x[0]),
    grid.y[0] + ((j + 0.5) / grid.ny) * (grid.y[1] - grid.y[0]),
  ];
}

/**
 * Samples `f(x, y)` at the centres of an nx × ny grid over the given domain.
 * Throws for a grid smaller than 2 × 2 or an empty domain.
 */
export function sampleGrid(
  f: (x: number, y: number) => number,
  nx: number,
  ny: number,
  x: readonly [number, number],
  y: readonly [number, number],
): Grid {
  if (!(Number.isInteger(nx) && Number.isInteger(ny) && nx >= 2 && ny >= 2)) {
    throw new RangeError(`grid must be at least 2×2 integers, got ${nx}×${ny}`);
  }
  if (!(x[1] > x[0] && y[1] > y[0])) throw new RangeError('grid domain must have min < max');
  const values = new Array<number>(nx * ny);
  const dx = (x[1] - x[0]) / nx;
  const dy = (y[1] - y[0]) / ny;
  for (let j = 0; j < ny; j++) {
    const yy = y[0] + (j + 0.5) * dy;
    for (let i = 0; i < nx; i++) values[j * nx + i] = f(x[0] + (i + 0.5) * dx, yy);
  }
  return { nx, ny, x: [x[0], x[1]], y: [y[0], y[1]], values };
}

/** Builds a Grid from precomputed values (row-major, rows along y), checking the length. */
export function gridFromValues(
  values: ArrayLike<number>,
  nx: number,
  ny: number,
  x: readonly [number, number],
  y: readonly [number, number],
): Grid {
  if (values.length !== nx * ny) {
    throw new RangeError(`expected ${nx * ny} values for a ${nx}×${ny} grid, got ${values.length}`);
  }
  return { nx, ny, x: [x[0], x[1]], y: [y[0], y[1]], values: Array.from(values) };
}

/** The smallest and largest finite value in the grid ([0, 0] if none). */
export function gridRange(grid: Grid): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of grid.values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo === Infinity ? [0, 0] : [lo, hi];
}
