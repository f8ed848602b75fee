// Pure: no DOM. What the CNN trainer widget's runner needs from a digit classifier, whatever engine
// trains it: the convolutional network (src/lib/ml/cnn, through cnn-model.ts) or the dense network
// it is compared with (dense-model.ts). The runner owns the data and the batch order, so both
// models see the same examples in the same order.

export const modelKinds = ['cnn', 'dense'] as const;
export type ModelKind = (typeof modelKinds)[number];

/** One layer's output for one image: `channels` maps of height×width, channel after channel. */
export interface LayerMaps {
  /** Short name, e.g. "conv1", "pool1", "dense", "output". */
  name: string;
  /** What it is, in words, e.g. "8 feature maps, 24×24, after ReLU". */
  label: string;
  channels: number;
  height: number;
  width: number;
  /** channels × height × width values, map after map (channel-major). */
  values: Float32Array;
}

/** First-layer weights as small images: `count` kernels of `height`×`width`. */
export interface KernelImages {
  count: number;
  height: number;
  width: number;
  /** count × height × width, kernel after kernel. */
  values: Float32Array;
}

/**
 * Splitting a batch across two workers: the helper computes the gradient of the second half at the
 * same parameters (flattened in spec order), this model the first half; the sums are applied once.
 */
export interface SplitTraining {
  flatParams(): Float32Array;
  /** Sum over the first `count` examples of each example's gradient / scaleBy; mean loss. */
  gradients(
    images: Float32Array,
    labels: Uint8Array,
    count: number,
    scaleBy: number,
  ): { grads: Float32Array[]; loss: number };
  /** Adds the helper's flat gradient to `grads` and takes one optimizer step. */
  apply(grads: Float32Array[], remote: Float32Array, learningRate: number): void;
}

export interface DigitModel {
  readonly kind: ModelKind;
  /** Trainable numbers (weights and biases). */
  readonly paramCount: number;
  /** Where it computes, for the widget's footer, e.g. "typed arrays" or "tfjs wasm". */
  readonly backend: string;
  /**
   * One optimizer step on `count` examples: `images` count×784 floats in 0–1, `labels` 0–9.
   * Returns the batch's mean cross-entropy before the update.
   */
  trainBatch(images: Float32Array, labels: Uint8Array, count: number, learningRate: number): number;
  /** Class probabilities, count×10, for count×784 images. */
  predict(images: Float32Array, count: number): Float32Array;
  /** Every layer's output for one 784-pixel image, input first, probabilities last. */
  activations(image: Float32Array): LayerMaps[];
  /** The first layer's weights as images. */
  kernels(): KernelImages;
  /** Weights by name (copies). */
  getWeights(): Record<string, Float32Array>;
  /** Replaces the weights (same names and sizes as getWeights); resets the optimizer. */
  setWeights(weights: Record<string, Float32Array>): void;
  /** Present when a helper worker can compute half of each batch (same parameter layout). */
  readonly split?: SplitTraining;
  dispose(): void;
}

/** argmax per row of count×classes probabilities. */
export function predictedClasses(probs: Float32Array, count: number, classes = 10): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let best = 0;
    for (let k = 1; k < classes; k++)
      if (probs[i * classes + k]! > probs[i * classes + best]!) best = k;
    out[i] = best;
  }
  return out;
}
