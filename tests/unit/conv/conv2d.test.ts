import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  conv2d,
  conv2dChannels,
  flipKernel,
  outputSize,
  parameterCounts,
  relu,
  windowAt,
} from '../../../src/lib/conv/conv2d.ts';
import { fromRows, makeGrid, toRows, type Grid } from '../../../src/lib/conv/grid.ts';
import { createRng } from '../../../src/lib/ml/rng.ts';
import { PRESET_IDS, presetKernel } from '../../../src/lib/conv/kernels.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function randomGrid(h: number, w: number, seed: number): Grid {
  const rng = createRng(seed);
  return makeGrid(
    h,
    w,
    Array.from({ length: h * w }, () => rng.uniform(-1, 1)),
  );
}

/** tf.conv2d on one channel and one filter, explicit symmetric zero padding. */
function tfConv(x: Grid, k: Grid, stride: number, padding: number): Grid {
  const out = tf.tidy(() => {
    const xt = tf.tensor4d(x.data, [1, x.height, x.width, 1]);
    const kt = tf.tensor4d(k.data, [k.height, k.width, 1, 1]);
    return tf.conv2d(xt, kt, stride, padding);
  });
  const [, h, w] = out.shape;
  const g = makeGrid(h, w, out.dataSync());
  out.dispose();
  return g;
}

describe('outputSize', () => {
  it('follows ⌊(n + 2p − k)/s⌋ + 1', () => {
    expect(outputSize(28, 3)).toBe(26);
    expect(outputSize(28, 5, 0, 1)).toBe(24);
    expect(outputSize(28, 3, 1, 1)).toBe(28);
    expect(outputSize(28, 3, 1, 2)).toBe(14);
    expect(outputSize(28, 5, 2, 2)).toBe(14);
    expect(outputSize(28, 3, 0, 2)).toBe(13);
    expect(outputSize(5, 3, 0, 3)).toBe(1);
    expect(outputSize(4, 2, 0, 2)).toBe(2);
    expect(outputSize(2, 5, 0, 1)).toBe(0);
    expect(outputSize(2, 5, 2, 1)).toBe(2);
  });
  it('rejects nonsense settings', () => {
    expect(() => outputSize(28, 3, 0, 0)).toThrow(/Stride/);
    expect(() => outputSize(28, 3, -1, 1)).toThrow(/Padding/);
    expect(() => outputSize(0, 3)).toThrow(/Input size/);
  });
});

describe('conv2d by hand', () => {
  const x = fromRows([
    [1, 2, 3, 0],
    [4, 5, 6, 1],
    [7, 8, 9, 2],
    [0, 1, 0, 3],
  ]);
  const k = fromRows([
    [1, 0],
    [0, -1],
  ]);
  it('slides without flipping (cross-correlation)', () => {
    // out[0,0] = 1·1 + 5·(−1) = −4; out[0,1] = 2 − 6 = −4; out[2,2] = 9 − 3 = 6
    expect(toRows(conv2d(x, k))).toEqual([
      [-4, -4, 2],
      [-4, -4, 4],
      [6, 8, 6],
    ]);
  });
  it('stride 2 keeps every other position', () => {
    expect(toRows(conv2d(x, k, { stride: 2 }))).toEqual([
      [-4, 2],
      [6, 6],
    ]);
  });
  it('zero padding adds a border of zeros', () => {
    const out = conv2d(x, k, { padding: 1 });
    expect(out.height).toBe(5);
    // top-left window covers only x[0,0] at the kernel's −1: −1
    expect(out.data[0]).toBe(-1);
    // bottom-right window covers only x[3,3] at the kernel's +1: 3
    expect(out.data[24]).toBe(3);
  });
  it('windowAt lists the products that sum to the output', () => {
    const w = windowAt(x, k, 2, 1);
    expect(w.terms.map((t) => t.product)).toEqual([8, 0, 0, -0]);
    expect(w.sum).toBe(8);
    const padded = windowAt(x, k, 0, 0, { padding: 1 });
    expect(padded.terms.filter((t) => t.inside)).toHaveLength(1);
    expect(padded.top).toBe(-1);
  });
  it('flipping the kernel turns cross-correlation into true convolution', () => {
    const flipped = flipKernel(k);
    expect(toRows(flipped)).toEqual([
      [-1, 0],
      [0, 1],
    ]);
    // true convolution at (0,0): Σ x[u,v]·k[1−u,1−v] = 1·(−1) + 5·1 = 4
    expect(conv2d(x, flipped).data[0]).toBe(4);
  });
  it('a kernel over C channels adds the channel sums and the bias', () => {
    const a = conv2d(x, k);
    const b = conv2d(x, flipKernel(k));
    const both = conv2dChannels([x, x], [k, flipKernel(k)], {}, 0.5);
    both.data.forEach((v, i) => expect(v).toBeCloseTo(a.data[i]! + b.data[i]! + 0.5, 6));
  });
  it('ReLU zeroes the negatives only', () => {
    expect(toRows(relu(fromRows([[-2, 0, 3]])))).toEqual([[0, 0, 3]]);
  });
  it('parameter counts: 8 kernels of 3×3 against 100 dense units on 28×28', () => {
    expect(parameterCounts(28, 28, 1, 3, 8, 100)).toEqual({ conv: 80, dense: 78_500 });
    expect(parameterCounts(28, 28, 3, 5, 32, 100).conv).toBe(32 * 76);
  });
});

describe('conv2d equals tf.conv2d', () => {
  const cases: Array<[number, number, number, number]> = [];
  for (const k of [3, 5])
    for (const s of [1, 2, 3]) for (const p of [0, 1, 2]) cases.push([28, k, s, p]);
  it.each(cases)('n=%i k=%i stride=%i padding=%i', (n, k, s, p) => {
    const before = tf.memory().numTensors;
    const x = randomGrid(n, n, n * 100 + k * 10 + s + p);
    const w = randomGrid(k, k, k + 7 * s + p);
    const ours = conv2d(x, w, { stride: s, padding: p });
    const theirs = tfConv(x, w, s, p);
    expect([ours.height, ours.width]).toEqual([theirs.height, theirs.width]);
    expect(ours.height).toBe(outputSize(n, k, p, s));
    ours.data.forEach((v, i) => expect(v).toBeCloseTo(theirs.data[i]!, 4));
    expect(tf.memory().numTensors).toBe(before);
  });
  it('with every preset kernel on a non-square image', () => {
    const x = randomGrid(9, 13, 3);
    for (const id of PRESET_IDS)
      for (const size of [3, 5] as const) {
        const k = presetKernel(id, size);
        const ours = conv2d(x, k, { padding: 1 });
        const theirs = tfConv(x, k, 1, 1);
        ours.data.forEach((v, i) => expect(v).toBeCloseTo(theirs.data[i]!, 4));
      }
  });
  it('a 3-channel kernel equals tf.conv2d with inChannels = 3', () => {
    const chans = [0, 1, 2].map((c) => randomGrid(10, 10, 40 + c));
    const slices = [0, 1, 2].map((c) => randomGrid(3, 3, 50 + c));
    const ours = conv2dChannels(chans, slices, { stride: 1, padding: 1 }, 0.25);
    const out = tf.tidy(() => {
      const x = tf
        .stack(
          chans.map((g) => tf.tensor2d(g.data, [10, 10])),
          2,
        )
        .expandDims(0);
      const w = tf
        .stack(
          slices.map((g) => tf.tensor2d(g.data, [3, 3])),
          2,
        )
        .expandDims(3);
      return tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 1).add(0.25);
    });
    const theirs = out.dataSync();
    out.dispose();
    ours.data.forEach((v, i) => expect(v).toBeCloseTo(theirs[i]!, 4));
  });
});
