// Pure: no DOM. Two-dimensional convolution as deep-learning frameworks compute it (that is,
// cross-correlation: the kernel is not flipped), with stride and zero padding, plus ReLU and the
// output-size formula. Used by the convolution explorer, the pooling explorer, the graders, the
// notebook and the tests (which compare it with tf.conv2d).
import { makeGrid, mapGrid, valueAt, type Grid } from './grid.ts';

/** Stride s ≥ 1 and zero padding p ≥ 0 on every side (default s = 1, p = 0). */
export interface ConvOptions {
  readonly stride?: number;
  readonly padding?: number;
}

function checkOptions(k: number, o: ConvOptions): { s: number; p: number } {
  const s = o.stride ?? 1;
  const p = o.padding ?? 0;
  if (!Number.isInteger(s) || s < 1)
    throw new RangeError(`Stride must be a positive integer, got ${s}.`);
  if (!Number.isInteger(p) || p < 0)
    throw new RangeError(`Padding must be a whole number ≥ 0, got ${p}.`);
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`Kernel size must be a positive integer, got ${k}.`);
  return { s, p };
}

/**
 * Output side length ⌊(n + 2p − k) / s⌋ + 1 of a convolution (or pooling) with input side n,
 * kernel/window side k, zero padding p and stride s. 0 when the kernel does not fit at all
 * (k > n + 2p).
 */
export function outputSize(n: number, k: number, padding = 0, stride = 1): number {
  checkOptions(k, { stride, padding });
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`Input size must be a positive integer, got ${n}.`);
  if (k > n + 2 * padding) return 0;
  return Math.floor((n + 2 * padding - k) / stride) + 1;
}

/**
 * Cross-correlation of one channel with one kernel:
 * out[i, j] = Σ_u Σ_v x[i·s + u − p, j·s + v − p] · w[u, v] (+ bias), with x = 0 outside the
 * image. This is what tf.conv2d and PyTorch's Conv2d compute under the name "convolution".
 */
export function conv2d(input: Grid, kernel: Grid, options: ConvOptions = {}, bias = 0): Grid {
  return conv2dChannels([input], [kernel], options, bias);
}

/**
 * One output map from C input channels and a kernel spanning all of them (one k×k slice per
 * channel): the per-channel sums are added, then the bias. Channels must share a size, kernels too.
 */
export function conv2dChannels(
  inputs: readonly Grid[],
  kernels: readonly Grid[],
  options: ConvOptions = {},
  bias = 0,
): Grid {
  const first = inputs[0];
  const k0 = kernels[0];
  if (!first || !k0 || inputs.length !== kernels.length)
    throw new RangeError('Give one kernel slice per input channel (at least one channel).');
  const { s, p } = checkOptions(k0.height, options);
  const oh = outputSize(first.height, k0.height, p, s);
  const ow = outputSize(first.width, k0.width, p, s);
  if (oh < 1 || ow < 1) throw new RangeError('The kernel is larger than the padded image.');
  const out = makeGrid(oh, ow);
  for (let i = 0; i < oh; i++)
    for (let j = 0; j < ow; j++) {
      let sum = bias;
      inputs.forEach((x, ch) => {
        const w = kernels[ch]!;
        for (let u = 0; u < w.height; u++)
          for (let v = 0; v < w.width; v++)
            sum += valueAt(x, i * s + u - p, j * s + v - p) * w.data[u * w.width + v]!;
      });
      out.data[i * ow + j] = sum;
    }
  return out;
}

/** One term of the multiply-add at a window position. */
export interface WindowTerm {
  /** Row and column in the input image (may lie in the padding: outside the image). */
  readonly row: number;
  readonly col: number;
  readonly inside: boolean;
  /** Input value there (0 in the padding), kernel weight, and their product. */
  readonly x: number;
  readonly w: number;
  readonly product: number;
}

/**
 * The k×k products summed for output cell (i, j): what the step-through shows. `sum` equals
 * conv2d(input, kernel, options).data[i·width + j].
 */
export function windowAt(
  input: Grid,
  kernel: Grid,
  i: number,
  j: number,
  options: ConvOptions = {},
): { terms: WindowTerm[]; sum: number; top: number; left: number } {
  const { s, p } = checkOptions(kernel.height, options);
  const top = i * s - p;
  const left = j * s - p;
  const terms: WindowTerm[] = [];
  let sum = 0;
  for (let u = 0; u < kernel.height; u++)
    for (let v = 0; v < kernel.width; v++) {
      const row = top + u;
      const col = left + v;
      const inside = row >= 0 && col >= 0 && row < input.height && col < input.width;
      const x = valueAt(input, row, col);
      const w = kernel.data[u * kernel.width + v]!;
      const product = x * w;
      sum += product;
      terms.push({ row, col, inside, x, w, product });
    }
  return { terms, sum, top, left };
}

/** ReLU applied to every value: max(0, v). */
export function relu(g: Grid): Grid {
  return mapGrid(g, (v) => (v > 0 ? v : 0));
}

/** Rotates a kernel by 180°: true convolution equals cross-correlation with the flipped kernel. */
export function flipKernel(kernel: Grid): Grid {
  const out = makeGrid(kernel.height, kernel.width);
  const n = kernel.data.length;
  for (let i = 0; i < n; i++) out.data[i] = kernel.data[n - 1 - i]!;
  return out;
}

/**
 * Parameter counts for a layer on an h×w×c input: a convolution with `filters` kernels of k×k×c
 * (plus one bias each) against a dense layer with `units` outputs (one weight per input value plus
 * one bias each).
 */
export function parameterCounts(
  h: number,
  w: number,
  c: number,
  k: number,
  filters: number,
  units: number,
): { conv: number; dense: number } {
  return { conv: filters * (k * k * c + 1), dense: units * (h * w * c + 1) };
}
