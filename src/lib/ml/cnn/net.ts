// Pure: no DOM. The typed-array CNN: a spec compiled into per-layer buffers, a forward pass that
// keeps every layer's output (for feature-map views and for backprop), and a backward pass that
// accumulates gradients. One example at a time; a batch is a loop (see trainer.ts).
import {
  convBackward,
  convBackward8,
  convForward,
  convForward8,
  denseBackward,
  denseForward,
  maxPoolBackward,
  maxPoolForward,
  softmaxInto,
} from './kernels.ts';
import {
  layerShapes,
  paramShapes,
  type CnnSpec,
  type CnnWeights,
  type LayerShape,
} from './spec.ts';

export interface CnnNet {
  readonly spec: CnnSpec;
  readonly shapes: readonly LayerShape[];
  /** Parameter names in order; params/grads arrays follow it. */
  readonly paramNames: readonly string[];
  /** Each layer's output of the last forward pass ([h][w][c] flat; after its activation). */
  readonly outputs: readonly Float32Array[];
  /** Softmax of the last forward pass. */
  readonly probs: Float32Array;
  /** Runs one example (x[xo … xo + h·w·c)) and returns the logits (a view into outputs). */
  forward(params: readonly Float32Array[], x: Float32Array, xo: number): Float32Array;
  /**
   * After forward on the same example: adds this example's gradient of
   * scale · cross-entropy(softmax(logits), label) to grads; returns the example's loss.
   */
  backward(
    params: readonly Float32Array[],
    x: Float32Array,
    xo: number,
    label: number,
    scale: number,
    grads: readonly Float32Array[],
  ): number;
}

/** Parameter arrays of `w` in the spec's order. */
export function paramsOf(spec: CnnSpec, w: CnnWeights): Float32Array[] {
  return paramShapes(spec).map((p) => {
    const v = w[p.name];
    if (!v) throw new RangeError(`weights: missing ${p.name}`);
    return v;
  });
}

export interface NetOptions {
  /**
   * Convolutions over inputs with at least this many channels (and filters a multiple of 8) use
   * the gather kernel (eight sums in registers); thinner, sparser inputs (the 1-channel digit) use
   * the scatter kernel that skips zero pixels. Default 4 (measured: see README, CNN speed).
   */
  gatherFromChannels?: number;
  /**
   * Backward: convolutions over inputs with fewer channels than this (and filters a multiple of
   * 8) use the blocked kernel (eight gradients in locals, per position); others the per-channel
   * kernel that skips zero gradients. Default 2: the first layer only (measured).
   */
  blockedBackwardBelowChannels?: number;
}

/** Compiles `spec` into a reusable net with its own buffers. */
export function createNet(spec: CnnSpec, opts: NetOptions = {}): CnnNet {
  const gatherFrom = opts.gatherFromChannels ?? 4;
  const blockedBelow = opts.blockedBackwardBelowChannels ?? 2;
  const shapes = layerShapes(spec);
  const paramNames = paramShapes(spec).map((p) => p.name);
  const vol = (s: readonly number[]) => s[0]! * s[1]! * s[2]!;
  const outputs = shapes.map((l) => new Float32Array(vol(l.outShape)));
  // dIns[l]: gradient w.r.t. layer l's input (not needed for layer 0).
  const dIns = shapes.map((l, i) => (i === 0 ? null : new Float32Array(vol(l.inShape))));
  const dLogits = new Float32Array(spec.classes);
  const args = shapes.map((l) =>
    l.layer.kind === 'maxpool' ? new Int32Array(vol(l.outShape)) : null,
  );
  // Index of each layer's first parameter array.
  const firstParam: number[] = [];
  let np = 0;
  for (const l of shapes) {
    firstParam.push(np);
    np += l.params.length;
  }
  const probs = new Float32Array(spec.classes);
  const last = outputs[outputs.length - 1]!;

  const forward = (params: readonly Float32Array[], x: Float32Array, xo: number) => {
    let src = x;
    let so = xo;
    for (let i = 0; i < shapes.length; i++) {
      const { layer, inShape, outShape } = shapes[i]!;
      const out = outputs[i]!;
      const [H, W, C] = inShape;
      if (layer.kind === 'conv') {
        const pad = layer.padding === 'same' ? (layer.kernel - 1) >> 1 : 0;
        const p = firstParam[i]!;
        const conv = C >= gatherFrom && outShape[2] % 8 === 0 ? convForward8 : convForward;
        conv(
          src,
          so,
          H,
          W,
          C,
          params[p]!,
          params[p + 1]!,
          layer.kernel,
          pad,
          out,
          outShape[0],
          outShape[1],
          outShape[2],
          layer.activation === 'relu',
        );
      } else if (layer.kind === 'maxpool') {
        if (so !== 0) throw new Error('pooling directly on the input is not supported');
        maxPoolForward(src, H, W, C, layer.size, out, args[i]!, outShape[0], outShape[1]);
      } else {
        const p = firstParam[i]!;
        denseForward(
          src,
          so,
          H * W * C,
          params[p]!,
          params[p + 1]!,
          out,
          layer.units,
          layer.activation === 'relu',
        );
      }
      src = out;
      so = 0;
    }
    softmaxInto(last, probs, spec.classes);
    return last;
  };

  const backward = (
    params: readonly Float32Array[],
    x: Float32Array,
    xo: number,
    label: number,
    scale: number,
    grads: readonly Float32Array[],
  ) => {
    const n = spec.classes;
    for (let j = 0; j < n; j++) dLogits[j] = probs[j]! * scale;
    dLogits[label]! -= scale;
    let dOut = dLogits;
    for (let i = shapes.length - 1; i >= 0; i--) {
      const { layer, inShape, outShape } = shapes[i]!;
      const input = i === 0 ? x : outputs[i - 1]!;
      const io = i === 0 ? xo : 0;
      const dIn = dIns[i] ?? null;
      const [H, W, C] = inShape;
      if (layer.kind === 'conv') {
        const pad = layer.padding === 'same' ? (layer.kernel - 1) >> 1 : 0;
        const p = firstParam[i]!;
        const conv = C < blockedBelow && outShape[2] % 8 === 0 ? convBackward8 : convBackward;
        conv(
          input,
          io,
          H,
          W,
          C,
          params[p]!,
          layer.kernel,
          pad,
          outputs[i]!,
          dOut,
          outShape[0],
          outShape[1],
          outShape[2],
          layer.activation === 'relu',
          grads[p]!,
          grads[p + 1]!,
          dIn,
        );
      } else if (layer.kind === 'maxpool') {
        maxPoolBackward(dOut, args[i]!, vol(outShape), dIn!, vol(inShape));
      } else {
        const p = firstParam[i]!;
        denseBackward(
          input,
          io,
          H * W * C,
          params[p]!,
          outputs[i]!,
          dOut,
          layer.units,
          layer.activation === 'relu',
          grads[p]!,
          grads[p + 1]!,
          dIn,
        );
      }
      if (!dIn) break;
      dOut = dIn;
    }
    return -Math.log(Math.max(probs[label]!, 1e-30));
  };

  return { spec, shapes, paramNames, outputs, probs, forward, backward };
}
