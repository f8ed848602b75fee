import type { Tensor4D } from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Tf } from '../../../src/lib/ml/tf';
import { loadTf } from '../../../src/lib/ml/tf';
import { conv2dFilterGrad, registerWasmConvGrad } from '../../../src/lib/ml/wasm-conv-grad';
import { createRng } from '../../../src/lib/ml/rng';

let tf: Tf;
beforeAll(async () => {
  tf = await loadTf({ backend: 'cpu' });
});

const rand = (n: number, seed: number) => {
  const r = createRng(seed);
  return Float32Array.from({ length: n }, () => r.uniform(-1, 1));
};

describe('conv2dFilterGrad', () => {
  it.each([
    { pad: 'valid' as const, stride: 1 },
    { pad: 'same' as const, stride: 1 },
    { pad: 'valid' as const, stride: 2 },
    { pad: 'same' as const, stride: 2 },
  ])('matches tfjs cpu Conv2DBackpropFilter ($pad, stride $stride)', ({ pad, stride }) => {
    const xShape = [2, 7, 6, 3] as const;
    const filterShape = [3, 3, 3, 4] as const;
    const xv = rand(2 * 7 * 6 * 3, 1);
    const info = tf.backend_util.computeConv2DInfo([...xShape], [...filterShape], stride, 1, pad);
    const dyShape = [2, info.outHeight, info.outWidth, 4] as const;
    const dyv = rand(
      dyShape.reduce((a, b) => a * b, 1),
      2,
    );
    // d/dW Σ(conv2d(x, W) · dy) is exactly the filter gradient for upstream gradient dy.
    const expected = tf.tidy(() => {
      const x = tf.tensor4d(xv, [...xShape]);
      const dy = tf.tensor4d(dyv, [...dyShape]);
      const w0 = tf.zeros([...filterShape]);
      return tf
        .grad((w) => tf.sum(tf.mul(tf.conv2d(x, w as Tensor4D, stride, pad), dy)))(w0)
        .dataSync();
    });
    const got = conv2dFilterGrad(
      xv,
      xShape,
      dyv,
      dyShape,
      filterShape,
      [stride, stride],
      info.padInfo.top,
      info.padInfo.left,
    );
    expect(got.length).toBe(expected.length);
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
  });

  it('registerWasmConvGrad registers the kernel for wasm once', () => {
    registerWasmConvGrad(tf);
    registerWasmConvGrad(tf);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });
});
