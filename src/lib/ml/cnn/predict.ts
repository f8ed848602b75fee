// Pure: no DOM. Prediction with the typed-array engine: one image's class probabilities and every
// layer's feature maps (for the lesson's views), and accuracy/confusion over a whole split.
import type { DigitSplit } from '../../data/digits-format.ts';
import { createNet, paramsOf, type CnnNet } from './net.ts';
import { digitsCnnSpec, type CnnLayerSpec, type CnnSpec, type CnnWeights } from './spec.ts';

export interface LayerActivation {
  name: string;
  kind: CnnLayerSpec['kind'];
  /** [h, w, c]; dense layers are [1, 1, units]. */
  shape: [number, number, number];
  /** Copy of the layer's output, [h][w][c] row-major (after its activation). */
  values: Float32Array;
}

export interface Prediction {
  /** Softmax over the classes. */
  probabilities: Float32Array;
  /** Index of the largest probability. */
  label: number;
  activations: LayerActivation[];
}

const nets = new WeakMap<CnnSpec, CnnNet>();
/** A compiled net for `spec`, cached per spec object. */
export function netFor(spec: CnnSpec): CnnNet {
  let net = nets.get(spec);
  if (!net) {
    net = createNet(spec);
    nets.set(spec, net);
  }
  return net;
}

function argmax(v: ArrayLike<number>): number {
  let b = 0;
  for (let j = 1; j < v.length; j++) if (v[j]! > v[b]!) b = j;
  return b;
}

/**
 * Classifies one image (h·w·c floats, 0–1; a 28×28 digit is 784 values) and returns the
 * probabilities and every layer's output.
 */
export function predict(
  weights: CnnWeights,
  image: Float32Array,
  spec: CnnSpec = digitsCnnSpec,
): Prediction {
  const net = netFor(spec);
  const [h, w, c] = spec.input;
  if (image.length !== h * w * c) {
    throw new RangeError(`predict: expected ${h * w * c} pixel values, got ${image.length}`);
  }
  net.forward(paramsOf(spec, weights), image, 0);
  const probabilities = net.probs.slice();
  return {
    probabilities,
    label: argmax(probabilities),
    activations: net.shapes.map((l, i) => ({
      name: l.layer.name,
      kind: l.layer.kind,
      shape: [...l.outShape],
      values: net.outputs[i]!.slice(),
    })),
  };
}

export interface CnnEvaluation {
  /** Fraction correct among the examples evaluated. */
  accuracy: number;
  /** Mean cross-entropy. */
  loss: number;
  /** Examples evaluated. */
  count: number;
  /** confusion[true · classes + predicted] counts. */
  confusion: Uint32Array;
  /** Predicted class per example evaluated (in split order). */
  predictions: Uint8Array;
}

/**
 * Accuracy, loss and confusion matrix on a split (pixels scaled by 1/255 on the fly), optionally
 * only on examples whose label is in `classes`, and at most `limit` examples.
 */
export function evaluateSplit(
  weights: CnnWeights,
  split: DigitSplit,
  opts: { spec?: CnnSpec; classes?: readonly number[]; limit?: number } = {},
): CnnEvaluation {
  const spec = opts.spec ?? digitsCnnSpec;
  const net = netFor(spec);
  const params = paramsOf(spec, weights);
  const K = spec.classes;
  const n = spec.input[0] * spec.input[1] * spec.input[2];
  const keep = opts.classes ? new Set(opts.classes) : null;
  const confusion = new Uint32Array(K * K);
  const predictions = new Uint8Array(split.count);
  const x = new Float32Array(n);
  let ok = 0;
  let loss = 0;
  let count = 0;
  const limit = opts.limit ?? split.count;
  for (let i = 0; i < split.count && count < limit; i++) {
    const y = split.labels[i]!;
    if (keep && !keep.has(y)) continue;
    const base = i * n;
    for (let p = 0; p < n; p++) x[p] = split.images[base + p]! / 255;
    net.forward(params, x, 0);
    const guess = argmax(net.probs);
    predictions[count] = guess;
    confusion[y * K + guess]!++;
    if (guess === y) ok++;
    loss -= Math.log(Math.max(net.probs[y]!, 1e-30));
    count++;
  }
  return {
    accuracy: count ? ok / count : 0,
    loss: count ? loss / count : 0,
    count,
    confusion,
    predictions: predictions.subarray(0, count),
  };
}
