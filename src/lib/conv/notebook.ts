// Pure: no DOM. What the convolution lesson's notebook cells use, in one module:
// `conv = lib("conv/notebook")`, then conv.conv2d(...), conv.gridSvg(...), and so on.
export { conv2d, relu, outputSize, windowAt } from './conv2d.ts';
export { fromRows, toRows, makeGrid, extent } from './grid.ts';
export { gridSvg } from './svg.ts';
export { decodeSamples, sampleGrid } from './samples.ts';
export { presetKernel } from './kernels.ts';
import { extent, fromRows, type Grid } from './grid.ts';
import { fmt } from './format.ts';

/**
 * A kernel from nested rows typed by the reader, with a message a reader understands when the
 * rows are not a rectangle of numbers.
 */
export function kernelFromRows(rows: unknown): Grid {
  if (!Array.isArray(rows) || rows.length === 0 || !rows.every(Array.isArray))
    throw new Error('The kernel must be a list of rows, like [[1, 0], [0, -1]].');
  const rs = rows as unknown[][];
  if (!rs.every((r) => r.length === rs[0]!.length))
    throw new Error('Every row of the kernel must have the same number of values.');
  if (!rs.flat().every((v) => typeof v === 'number' && Number.isFinite(v)))
    throw new Error('Every kernel value must be a number.');
  if (rs.length > 28 || rs[0]!.length > 28)
    throw new Error('The kernel must fit in the 28 × 28 image.');
  return fromRows(rs as number[][]);
}

/** A short summary of a map: its size, smallest and largest value, and how many cells are above 0. */
export function summarise(g: Grid): { size: string; min: string; max: string; aboveZero: string } {
  const { min, max } = extent(g);
  let n = 0;
  for (const v of g.data) if (v > 0) n++;
  return {
    size: `${g.height} × ${g.width}`,
    min: fmt(min),
    max: fmt(max),
    aboveZero: `${n} of ${g.data.length} cells`,
  };
}
