// Pure: no DOM. The adapter between the CNN trainer and the course's typed-array network engine
// (src/lib/ml/cnn, built by the cnn-core work): one DigitModel for any CnnSpec, so the digits CNN
// and the dense network it is compared with train on the same engine with the same optimizer
// (Adam, tfjs's formulas, from src/lib/ml/dense/optimizers.ts). Switching to another engine is
// this file only.
import { createNet, paramsOf } from '../ml/cnn/net.ts';
import {
  checkWeights,
  cloneWeights,
  initWeights,
  layerShapes,
  parameterCounts,
  type CnnSpec,
  type CnnWeights,
} from '../ml/cnn/spec.ts';
import { applyGradients, createOptimizer, type OptimizerState } from '../ml/dense/optimizers.ts';
import { flatten } from '../ml/cnn/protocol.ts';
import type { DigitModel, KernelImages, LayerMaps, ModelKind, SplitTraining } from './model.ts';

const PIXELS = 784;

/** Parameters of a spec in total. */
export function totalParams(spec: CnnSpec): number {
  return parameterCounts(spec).reduce((a, l) => a + l.count, 0);
}

/** [h][w][c] (NHWC, one example) → c maps of h×w, map after map. */
export function toChannelMajor(v: Float32Array, h: number, w: number, c: number): Float32Array {
  const out = new Float32Array(h * w * c);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let k = 0; k < c; k++) out[k * h * w + y * w + x] = v[(y * w + x) * c + k]!;
  return out;
}

/** Words for a layer's output. */
function layerLabel(spec: CnnSpec, i: number): string {
  const { layer, outShape } = layerShapes(spec)[i]!;
  const [h, w, c] = outShape;
  if (layer.kind === 'conv')
    return `${c} feature maps, ${h}×${w}, each from a ${layer.kernel}×${layer.kernel} kernel, after ReLU`;
  if (layer.kind === 'maxpool')
    return `${c} maps, ${h}×${w}, after ${layer.size}×${layer.size} max pooling`;
  if (i === spec.layers.length - 1) return `${c} scores (logits), one per digit`;
  return `${c} units after ${layer.activation === 'relu' ? 'ReLU' : 'no activation'}`;
}

export function createSpecModel(kind: ModelKind, spec: CnnSpec, seed: number): DigitModel {
  const net = createNet(spec);
  const shapes = layerShapes(spec);
  let weights: CnnWeights = initWeights(spec, seed);
  let params = paramsOf(spec, weights);
  const grads = params.map((p) => new Float32Array(p.length));
  let opt: OptimizerState = createOptimizer('adam', params);
  const first = shapes[0]!;
  const [inH, inW] = spec.input;

  const split: SplitTraining = {
    flatParams: () => flatten(params),
    gradients(images, labels, count, scaleBy) {
      for (const g of grads) g.fill(0);
      let loss = 0;
      for (let i = 0; i < count; i++) {
        net.forward(params, images, i * PIXELS);
        loss += net.backward(params, images, i * PIXELS, labels[i]!, 1 / scaleBy, grads);
      }
      return { grads, loss: count ? loss / count : 0 };
    },
    apply(local, remote, learningRate) {
      let o = 0;
      for (const g of local) {
        for (let i = 0; i < g.length; i++) g[i]! += remote[o + i]!;
        o += g.length;
      }
      applyGradients(opt, params, local, learningRate);
    },
  };

  return {
    kind,
    paramCount: totalParams(spec),
    ...(kind === 'cnn' ? { split } : {}),
    backend: 'typed arrays',
    trainBatch(images, labels, count, learningRate) {
      for (const g of grads) g.fill(0);
      let loss = 0;
      for (let i = 0; i < count; i++) {
        net.forward(params, images, i * PIXELS);
        loss += net.backward(params, images, i * PIXELS, labels[i]!, 1 / count, grads);
      }
      applyGradients(opt, params, grads, learningRate);
      return loss / count;
    },
    predict(images, count) {
      const out = new Float32Array(count * spec.classes);
      for (let i = 0; i < count; i++) {
        net.forward(params, images, i * PIXELS);
        out.set(net.probs, i * spec.classes);
      }
      return out;
    },
    activations(image): LayerMaps[] {
      net.forward(params, image, 0);
      const layers: LayerMaps[] = [
        {
          name: 'input',
          label: `the digit, ${inH}×${inW} pixels`,
          channels: 1,
          height: inH,
          width: inW,
          values: image.slice(0, PIXELS),
        },
      ];
      shapes.forEach((s, i) => {
        const [h, w, c] = s.outShape;
        const flat = h === 1 && w === 1;
        layers.push({
          name: s.layer.name,
          label: layerLabel(spec, i),
          channels: flat ? 1 : c,
          height: flat ? 1 : h,
          width: flat ? c : w,
          values: flat ? net.outputs[i]!.slice() : toChannelMajor(net.outputs[i]!, h, w, c),
        });
      });
      layers.push({
        name: 'output',
        label: `softmax: ${spec.classes} probabilities`,
        channels: 1,
        height: 1,
        width: spec.classes,
        values: net.probs.slice(),
      });
      return layers;
    },
    kernels(): KernelImages {
      const kernel = params[0]!;
      if (first.layer.kind === 'conv') {
        // HWIO [k][k][1][filters] → one k×k image per filter (first input channel).
        const k = first.layer.kernel;
        const f = first.layer.filters;
        const cin = first.inShape[2];
        const values = new Float32Array(f * k * k);
        for (let j = 0; j < f; j++)
          for (let p = 0; p < k * k; p++) values[j * k * k + p] = kernel[p * cin * f + j]!;
        return { count: f, height: k, width: k, values };
      }
      // Dense [784][units]: unit j's weight on every pixel is a 28×28 template.
      const units = first.outShape[2];
      const values = new Float32Array(units * PIXELS);
      for (let j = 0; j < units; j++)
        for (let p = 0; p < PIXELS; p++) values[j * PIXELS + p] = kernel[p * units + j]!;
      return { count: units, height: inH, width: inW, values };
    },
    getWeights: () => cloneWeights(weights),
    setWeights(w) {
      checkWeights(spec, w);
      weights = cloneWeights(w);
      params = paramsOf(spec, weights);
      opt = createOptimizer('adam', params);
    },
    dispose() {
      /* only arrays */
    },
  };
}
