// Pure: no DOM. A small convolutional network described as data, so the typed-array engine, the
// tfjs builder, the views and the lesson's parameter table all read one definition.
//
// Conventions (the same as tfjs, so weights move between paths unchanged):
// - images and feature maps are NHWC, one example row-major [height][width][channels];
// - a conv kernel is HWIO, [kernel][kernel][inChannels][filters], row-major;
// - a dense kernel is [inputs][units]; flattening keeps the NHWC order (as tf.reshape does);
// - stride 1 for convolutions; pooling windows of `size` with stride `size` (no overlap, 'valid').
import { createRng } from '../rng.ts';

export type CnnActivation = 'relu' | 'linear';

export interface ConvLayerSpec {
  kind: 'conv';
  name: string;
  /** Square kernel side. */
  kernel: number;
  filters: number;
  /** 'valid': no padding (output n − k + 1); 'same': zero padding, output n. */
  padding: 'valid' | 'same';
  activation: CnnActivation;
}

export interface PoolLayerSpec {
  kind: 'maxpool';
  name: string;
  /** Window side, also the stride. */
  size: number;
}

export interface DenseLayerSpec {
  kind: 'dense';
  name: string;
  units: number;
  activation: CnnActivation;
}

export type CnnLayerSpec = ConvLayerSpec | PoolLayerSpec | DenseLayerSpec;

export interface CnnSpec {
  /** [height, width, channels] of one input. */
  input: readonly [number, number, number];
  /** Layers in order; the last is a dense layer with `classes` units and linear activation
   * (softmax is applied by predict and by the loss). A dense layer after a conv/pool flattens. */
  layers: readonly CnnLayerSpec[];
  classes: number;
}

/**
 * The lesson's digits CNN: conv 5×5×8 → ReLU → max-pool 2 → conv 3×3×16 → ReLU → max-pool 2 →
 * flatten (5·5·16 = 400) → dense 10 → softmax. 5,386 parameters.
 */
export const digitsCnnSpec: CnnSpec = {
  input: [28, 28, 1],
  layers: [
    { kind: 'conv', name: 'conv1', kernel: 5, filters: 8, padding: 'valid', activation: 'relu' },
    { kind: 'maxpool', name: 'pool1', size: 2 },
    { kind: 'conv', name: 'conv2', kernel: 3, filters: 16, padding: 'valid', activation: 'relu' },
    { kind: 'maxpool', name: 'pool2', size: 2 },
    { kind: 'dense', name: 'dense', units: 10, activation: 'linear' },
  ],
  classes: 10,
};

/** A dense network of similar size for comparison (784 → 7 → 10 ReLU hidden ≈ 5,575 params). */
export const digitsDenseSpec: CnnSpec = {
  input: [28, 28, 1],
  layers: [
    { kind: 'dense', name: 'hidden', units: 7, activation: 'relu' },
    { kind: 'dense', name: 'dense', units: 10, activation: 'linear' },
  ],
  classes: 10,
};

/** What one layer takes in and gives out, and its parameters. */
export interface LayerShape {
  layer: CnnLayerSpec;
  /** [h, w, c] of the input; for dense layers after a map this is still the map's shape. */
  inShape: [number, number, number];
  /** [h, w, c] of the output; dense layers give [1, 1, units]. */
  outShape: [number, number, number];
  /** Parameter arrays: name → shape (kernel first, then bias); empty for pooling. */
  params: { name: string; shape: number[]; fanIn: number; fanOut: number }[];
}

const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

/** Shapes of every layer; throws a RangeError if the spec does not fit together. */
export function layerShapes(spec: CnnSpec): LayerShape[] {
  let [h, w, c] = spec.input;
  const out: LayerShape[] = [];
  const names = new Set<string>();
  for (const layer of spec.layers) {
    if (names.has(layer.name)) throw new RangeError(`duplicate layer name ${layer.name}`);
    names.add(layer.name);
    const inShape: [number, number, number] = [h, w, c];
    let params: LayerShape['params'] = [];
    if (layer.kind === 'conv') {
      const k = layer.kernel;
      if (layer.padding === 'valid') {
        h = h - k + 1;
        w = w - k + 1;
      }
      if (h < 1 || w < 1) throw new RangeError(`${layer.name}: kernel larger than its input`);
      params = [
        {
          name: `${layer.name}/kernel`,
          shape: [k, k, c, layer.filters],
          fanIn: k * k * c,
          fanOut: k * k * layer.filters,
        },
        { name: `${layer.name}/bias`, shape: [layer.filters], fanIn: 0, fanOut: 0 },
      ];
      c = layer.filters;
    } else if (layer.kind === 'maxpool') {
      h = Math.floor(h / layer.size);
      w = Math.floor(w / layer.size);
      if (h < 1 || w < 1) throw new RangeError(`${layer.name}: window larger than its input`);
    } else {
      const n = h * w * c;
      params = [
        { name: `${layer.name}/kernel`, shape: [n, layer.units], fanIn: n, fanOut: layer.units },
        { name: `${layer.name}/bias`, shape: [layer.units], fanIn: 0, fanOut: 0 },
      ];
      h = 1;
      w = 1;
      c = layer.units;
    }
    out.push({ layer, inShape, outShape: [h, w, c], params });
  }
  const last = spec.layers[spec.layers.length - 1];
  if (!last || last.kind !== 'dense' || last.units !== spec.classes) {
    throw new RangeError('the last layer must be dense with one unit per class');
  }
  return out;
}

/** Weights as named Float32Arrays, in spec order (conv1/kernel, conv1/bias, …). */
export type CnnWeights = Record<string, Float32Array>;

/** Parameter names and shapes in spec order. */
export function paramShapes(spec: CnnSpec): { name: string; shape: number[] }[] {
  return layerShapes(spec).flatMap((l) => l.params.map(({ name, shape }) => ({ name, shape })));
}

/** Number of trainable values per layer and in total (for the lesson's table). */
export function parameterCounts(spec: CnnSpec): { name: string; count: number }[] {
  return layerShapes(spec).map((l) => ({
    name: l.layer.name,
    count: l.params.reduce((a, p) => a + size(p.shape), 0),
  }));
}

/**
 * Fresh weights from a seed: Glorot-uniform kernels (tfjs's default, limit √(6/(fanIn+fanOut))
 * with conv fans k·k·cin and k·k·filters) and zero biases.
 */
export function initWeights(spec: CnnSpec, seed: number): CnnWeights {
  const rng = createRng(seed);
  const weights: CnnWeights = {};
  for (const l of layerShapes(spec)) {
    for (const p of l.params) {
      const v = new Float32Array(size(p.shape));
      if (p.fanIn > 0) {
        const limit = Math.sqrt(6 / (p.fanIn + p.fanOut));
        for (let i = 0; i < v.length; i++) v[i] = rng.uniform(-limit, limit);
      }
      weights[p.name] = v;
    }
  }
  return weights;
}

/** A deep copy. */
export function cloneWeights(w: CnnWeights): CnnWeights {
  const out: CnnWeights = {};
  for (const [k, v] of Object.entries(w)) out[k] = v.slice();
  return out;
}

/** Checks that `w` has every parameter of `spec` at the right length; throws a RangeError. */
export function checkWeights(spec: CnnSpec, w: CnnWeights): void {
  for (const p of paramShapes(spec)) {
    const v = w[p.name];
    if (!v || v.length !== size(p.shape)) {
      throw new RangeError(`weights: ${p.name} should hold ${size(p.shape)} values`);
    }
  }
}
