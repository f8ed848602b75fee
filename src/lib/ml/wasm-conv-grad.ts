// Registers a Conv2DBackpropFilter kernel for tfjs's wasm backend, which ships without one (4.22),
// so convolutional nets can train on wasm. Plain JavaScript loops over NHWC data; no tensors are
// created, so nothing can leak. Runs in pages, workers and Node.
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { Tf } from './tf';

interface WasmBackendLike {
  readSync(dataId: unknown): Float32Array;
  makeOutput(
    shape: number[],
    dtype: 'float32',
    memoryOffset?: number,
    values?: Float32Array,
  ): { dataId: unknown; shape: number[]; dtype: 'float32' };
}

interface FilterGradAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
  dataFormat?: string;
}

/**
 * The filter gradient of a 2-D convolution (NHWC, dilation 1): dW[kh,kw,ci,co] =
 * Σ_b Σ_oh Σ_ow x[b, oh·sh + kh − top, ow·sw + kw − left, ci] · dy[b, oh, ow, co].
 * Pure; exported for tests.
 */
export function conv2dFilterGrad(
  x: ArrayLike<number>,
  xShape: readonly [number, number, number, number],
  dy: ArrayLike<number>,
  dyShape: readonly [number, number, number, number],
  filterShape: readonly [number, number, number, number],
  strides: readonly [number, number],
  padTop: number,
  padLeft: number,
): Float32Array {
  const [batch, inH, inW, inC] = xShape;
  const [, outH, outW, outC] = dyShape;
  const [kH, kW] = filterShape;
  const [sH, sW] = strides;
  const dw = new Float32Array(kH * kW * inC * outC);
  for (let b = 0; b < batch; b++) {
    for (let oh = 0; oh < outH; oh++) {
      for (let ow = 0; ow < outW; ow++) {
        const dyBase = ((b * outH + oh) * outW + ow) * outC;
        for (let kh = 0; kh < kH; kh++) {
          const ih = oh * sH + kh - padTop;
          if (ih < 0 || ih >= inH) continue;
          for (let kw = 0; kw < kW; kw++) {
            const iw = ow * sW + kw - padLeft;
            if (iw < 0 || iw >= inW) continue;
            const xBase = ((b * inH + ih) * inW + iw) * inC;
            const wBase = (kh * kW + kw) * inC * outC;
            for (let ci = 0; ci < inC; ci++) {
              const xv = x[xBase + ci] as number;
              if (xv === 0) continue;
              const w0 = wBase + ci * outC;
              for (let co = 0; co < outC; co++) dw[w0 + co]! += xv * (dy[dyBase + co] as number);
            }
          }
        }
      }
    }
  }
  return dw;
}

let registered = false;

/** Registers the kernel for 'wasm' once (no-op if tfjs already has one). */
export function registerWasmConvGrad(tf: Tf): void {
  if (registered || tf.getKernel('Conv2DBackpropFilter', 'wasm')) return;
  registered = true;
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as unknown as Record<
        'x' | 'dy',
        { dataId: unknown; shape: number[] }
      >;
      const a = attrs as unknown as FilterGradAttrs;
      if (a.dataFormat && a.dataFormat !== 'NHWC') throw new Error('Only NHWC is supported.');
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number],
        a.filterShape,
        a.strides,
        1,
        a.pad,
        a.dimRoundingMode,
      );
      const be = backend as unknown as WasmBackendLike;
      const out = conv2dFilterGrad(
        be.readSync(x.dataId),
        x.shape as [number, number, number, number],
        be.readSync(dy.dataId),
        dy.shape as [number, number, number, number],
        a.filterShape,
        [info.strideHeight, info.strideWidth],
        info.padInfo.top,
        info.padInfo.left,
      );
      return be.makeOutput([...a.filterShape], 'float32', undefined, out) as unknown as TensorInfo;
    },
  });
}
