// Pure: no DOM. Max and average pooling over one map, without padding ("valid"), recording for
// max pooling which input cell each maximum came from. Used by the pooling explorer, its grader
// and the tests (which compare it with tf.maxPool and tf.avgPool).
import { makeGrid, type Grid } from './grid.ts';
import { outputSize } from './conv2d.ts';

export type PoolKind = 'max' | 'avg';

export interface PoolOptions {
  readonly kind: PoolKind;
  /** Window side (2 or 3 in the explorer). */
  readonly size: number;
  /** Step between windows; defaults to the window size (non-overlapping windows). */
  readonly stride?: number;
}

export interface PoolResult {
  readonly output: Grid;
  /**
   * For max pooling: the flat input index (r · width + c) each output value came from; the
   * first in reading order when several cells tie. For average pooling: all −1.
   */
  readonly argmax: Int32Array;
}

/** Pools `input` with windows of `size` moved by `stride` (no padding). */
export function pool2d(input: Grid, { kind, size, stride = size }: PoolOptions): PoolResult {
  const oh = outputSize(input.height, size, 0, stride);
  const ow = outputSize(input.width, size, 0, stride);
  if (oh < 1 || ow < 1) throw new RangeError('The pooling window is larger than the map.');
  const output = makeGrid(oh, ow);
  const argmax = new Int32Array(oh * ow).fill(-1);
  for (let i = 0; i < oh; i++)
    for (let j = 0; j < ow; j++) {
      let best = -Infinity;
      let at = -1;
      let total = 0;
      for (let u = 0; u < size; u++)
        for (let v = 0; v < size; v++) {
          const idx = (i * stride + u) * input.width + (j * stride + v);
          const x = input.data[idx]!;
          total += x;
          if (x > best) {
            best = x;
            at = idx;
          }
        }
      if (kind === 'max') {
        output.data[i * ow + j] = best;
        argmax[i * ow + j] = at;
      } else output.data[i * ow + j] = total / (size * size);
    }
  return { output, argmax };
}

/** The input cells (flat indices) covered by output cell (i, j)'s window. */
export function poolWindow(
  input: Grid,
  i: number,
  j: number,
  size: number,
  stride = size,
): number[] {
  const cells: number[] = [];
  for (let u = 0; u < size; u++)
    for (let v = 0; v < size; v++) cells.push((i * stride + u) * input.width + (j * stride + v));
  return cells;
}

/** Global average pooling: the mean of the whole map (one number per channel). */
export function globalAveragePool(input: Grid): number {
  let total = 0;
  for (const v of input.data) total += v;
  return total / input.data.length;
}
