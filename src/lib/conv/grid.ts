// Pure: no DOM. A single-channel image or feature map as a row-major grid of numbers. Used by the
// convolution and pooling code, the explorers, the graders and the notebook.

/** A height × width grid of numbers, row-major: the value at (r, c) is data[r * width + c]. */
export interface Grid {
  readonly height: number;
  readonly width: number;
  readonly data: Float32Array;
}

/** A zero grid, or one holding `values` (copied; length must be height × width). */
export function makeGrid(height: number, width: number, values?: ArrayLike<number>): Grid {
  if (!Number.isInteger(height) || !Number.isInteger(width) || height < 1 || width < 1)
    throw new RangeError(`A grid needs positive integer sides, got ${height}×${width}.`);
  const data = new Float32Array(height * width);
  if (values) {
    if (values.length !== data.length)
      throw new RangeError(
        `A ${height}×${width} grid needs ${data.length} values, got ${values.length}.`,
      );
    data.set(values);
  }
  return { height, width, data };
}

/** A grid from nested rows, e.g. fromRows([[1, 0], [0, 1]]). Rows must have equal lengths. */
export function fromRows(rows: readonly (readonly number[])[]): Grid {
  const h = rows.length;
  const w = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== w)) throw new RangeError('All rows must have the same length.');
  return makeGrid(h, w, rows.flat());
}

/** The grid as nested rows of numbers. */
export function toRows(g: Grid): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < g.height; r++)
    out.push(Array.from(g.data.subarray(r * g.width, (r + 1) * g.width)));
  return out;
}

/** The value at (r, c), or `outside` (default 0) beyond the edges: zero padding. */
export function valueAt(g: Grid, r: number, c: number, outside = 0): number {
  if (r < 0 || c < 0 || r >= g.height || c >= g.width) return outside;
  return g.data[r * g.width + c]!;
}

/** Applies `f` to every value. */
export function mapGrid(g: Grid, f: (v: number) => number): Grid {
  const out = makeGrid(g.height, g.width);
  for (let i = 0; i < g.data.length; i++) out.data[i] = f(g.data[i]!);
  return out;
}

/** Smallest and largest value. */
export function extent(g: Grid): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of g.data) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}
