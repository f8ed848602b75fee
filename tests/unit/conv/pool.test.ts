import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { globalAveragePool, pool2d, poolWindow } from '../../../src/lib/conv/pool.ts';
import { fromRows, makeGrid, toRows, type Grid } from '../../../src/lib/conv/grid.ts';
import { createRng } from '../../../src/lib/ml/rng.ts';

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

describe('pooling by hand', () => {
  const x = fromRows([
    [1, 3, 2, 0],
    [4, 2, 1, 1],
    [0, 0, 5, 6],
    [1, 2, 7, 8],
  ]);
  it('2×2 max pooling, stride 2, with argmax positions', () => {
    const { output, argmax } = pool2d(x, { kind: 'max', size: 2 });
    expect(toRows(output)).toEqual([
      [4, 2],
      [2, 8],
    ]);
    // 4 at (1,0) → 4; 2 at (0,2) → 2; 2 at (3,1) → 13; 8 at (3,3) → 15
    expect(Array.from(argmax)).toEqual([4, 2, 13, 15]);
  });
  it('2×2 average pooling', () => {
    const { output, argmax } = pool2d(x, { kind: 'avg', size: 2 });
    expect(toRows(output)).toEqual([
      [2.5, 1],
      [0.75, 6.5],
    ]);
    expect(Array.from(argmax)).toEqual([-1, -1, -1, -1]);
  });
  it('overlapping 3×3 windows with stride 1, ties resolved in reading order', () => {
    const flat = makeGrid(4, 4).data.fill(1);
    const { output, argmax } = pool2d(
      { height: 4, width: 4, data: flat },
      { kind: 'max', size: 3, stride: 1 },
    );
    expect(output.height).toBe(2);
    expect(Array.from(argmax)).toEqual([0, 1, 4, 5]);
    expect(poolWindow(x, 1, 1, 3, 1)).toEqual([5, 6, 7, 9, 10, 11, 13, 14, 15]);
  });
  it('global average pooling is the mean of the map', () => {
    expect(globalAveragePool(x)).toBeCloseTo(43 / 16, 10);
  });
});

describe('pooling equals tf.maxPool / tf.avgPool', () => {
  const cases: Array<[number, number, number]> = [];
  for (const n of [26, 24, 13])
    for (const size of [2, 3]) for (const stride of [1, 2, 3]) cases.push([n, size, stride]);
  it.each(cases)('n=%i window=%i stride=%i', (n, size, stride) => {
    const before = tf.memory().numTensors;
    const x = randomGrid(n, n, n + size * 10 + stride);
    for (const kind of ['max', 'avg'] as const) {
      const { output, argmax } = pool2d(x, { kind, size, stride });
      const t = tf.tidy(() => {
        const xt = tf.tensor4d(x.data, [1, n, n, 1]);
        return kind === 'max'
          ? tf.maxPool(xt, size, stride, 'valid')
          : tf.avgPool(xt, size, stride, 'valid');
      });
      expect(t.shape.slice(1, 3)).toEqual([output.height, output.width]);
      const theirs = t.dataSync();
      t.dispose();
      output.data.forEach((v, i) => expect(v).toBeCloseTo(theirs[i]!, 5));
      if (kind === 'max') argmax.forEach((idx, i) => expect(x.data[idx]).toBe(output.data[i]));
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
