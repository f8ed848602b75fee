// Pure: no DOM. Looking inside the digits CNN (lesson 5.3): saliency (the gradient of a class
// score with respect to the input pixels), occlusion maps (how much a class's probability drops
// when a patch of the image is blanked), and the fast gradient sign method (FGSM) for adversarial
// examples, untargeted and targeted. Gradients come from tfjs (tf.grad on the same network, any
// backend); forward passes for occlusion and ε sweeps use the typed-array engine (predict).
// Used by the probe worker and tests. Every tensor is disposed.
import type { Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import type { Tf } from '../ml/tf.ts';
import type { TfCnn } from '../ml/cnn/tf-model.ts';
import { predict } from '../ml/cnn/predict.ts';
import { digitsCnnSpec, type CnnSpec, type CnnWeights } from '../ml/cnn/spec.ts';

const SIDE = 28;
const PIXELS = SIDE * SIDE;

function asInput(tf: Tf, image: Float32Array): Tensor4D {
  if (image.length !== PIXELS)
    throw new RangeError(`expected ${PIXELS} pixels, got ${image.length}`);
  return tf.tensor4d(image, [1, SIDE, SIDE, 1]);
}

/**
 * ∂(logit of class `cls`)/∂(input), one value per pixel: the raw saliency of Simonyan et al.
 * (2014). Uses the logit (score before softmax), so other classes' scores do not enter.
 */
export function classScoreGradient(
  tf: Tf,
  model: TfCnn,
  image: Float32Array,
  cls: number,
): Float32Array {
  return tf.tidy(() => {
    const x = asInput(tf, image);
    const g = tf.grad((input: Tensor) =>
      tf.sum(tf.slice(model.logits(input as Tensor4D), [0, cls], [1, 1])),
    )(x);
    return Float32Array.from(g.dataSync());
  });
}

/** ∂(cross-entropy loss of the image labelled `label`)/∂(input): what FGSM takes the sign of. */
export function lossGradient(
  tf: Tf,
  model: TfCnn,
  image: Float32Array,
  label: number,
): Float32Array {
  return tf.tidy(() => {
    const x = asInput(tf, image);
    const g = tf.grad((input: Tensor) => model.loss(input as Tensor4D, Uint8Array.of(label)))(x);
    return Float32Array.from(g.dataSync());
  });
}

/** |v| scaled so the largest is 1 (all zeros stay zeros): a saliency map for display. */
export function normalisedMagnitude(v: Float32Array): Float32Array {
  let max = 0;
  for (const x of v) max = Math.max(max, Math.abs(x));
  const out = new Float32Array(v.length);
  if (max > 0) for (let i = 0; i < v.length; i++) out[i] = Math.abs(v[i]!) / max;
  return out;
}

/** sign(v) per element (0 stays 0). */
export function signOf(v: Float32Array): Float32Array {
  return v.map((x) => Math.sign(x));
}

/**
 * One FGSM step (Goodfellow, Shlens and Szegedy, 2015), clipped to valid pixels [0, 1]:
 * untargeted x + ε·sign(∇ₓL(x, true label)) climbs the loss of the true class; targeted
 * x − ε·sign(∇ₓL(x, target)) descends the loss of the target class.
 * @param sign sign of the matching loss gradient (see lossGradient)
 */
export function fgsm(
  image: Float32Array,
  sign: Float32Array,
  eps: number,
  targeted = false,
): Float32Array {
  const s = targeted ? -eps : eps;
  const out = new Float32Array(image.length);
  for (let i = 0; i < image.length; i++)
    out[i] = Math.min(1, Math.max(0, image[i]! + s * sign[i]!));
  return out;
}

export interface OcclusionMap {
  /** patches per side */
  side: number;
  patch: number;
  stride: number;
  /** drop in the class's probability when that patch is blanked (side × side, row-major) */
  drops: Float32Array;
  /** the class's probability on the untouched image */
  base: number;
}

/**
 * Occlusion (Zeiler and Fergus, 2014): slide a `patch`×`patch` square of value `fill` over the
 * image with `stride` and record how much the probability of `cls` falls at each position.
 */
export function occlusionMap(
  weights: CnnWeights,
  image: Float32Array,
  cls: number,
  opts: { patch?: number; stride?: number; fill?: number; spec?: CnnSpec } = {},
): OcclusionMap {
  const patch = opts.patch ?? 6;
  const stride = opts.stride ?? 2;
  const fill = opts.fill ?? 0;
  const spec = opts.spec ?? digitsCnnSpec;
  const side = Math.floor((SIDE - patch) / stride) + 1;
  const base = predict(weights, image, spec).probabilities[cls]!;
  const drops = new Float32Array(side * side);
  const work = new Float32Array(PIXELS);
  for (let pr = 0; pr < side; pr++) {
    for (let pc = 0; pc < side; pc++) {
      work.set(image);
      for (let r = pr * stride; r < pr * stride + patch; r++)
        for (let c = pc * stride; c < pc * stride + patch; c++) work[r * SIDE + c] = fill;
      drops[pr * side + pc] = base - predict(weights, work, spec).probabilities[cls]!;
    }
  }
  return { side, patch, stride, drops, base };
}

export interface FlipResult {
  /** smallest ε on the grid at which the prediction flips (untargeted) or hits the target */
  eps: number | undefined;
  /** the predicted class at that ε */
  label: number | undefined;
}

/**
 * Scans ε = step, 2·step, … up to `max` along the FGSM line and returns the first ε that changes
 * the prediction away from `label` (untargeted) or onto `target` (targeted).
 */
export function smallestFlip(
  weights: CnnWeights,
  image: Float32Array,
  sign: Float32Array,
  label: number,
  opts: { target?: number; max?: number; step?: number; spec?: CnnSpec } = {},
): FlipResult {
  const max = opts.max ?? 0.5;
  const step = opts.step ?? 0.01;
  const targeted = opts.target !== undefined;
  for (let k = 1; k * step <= max + 1e-9; k++) {
    const eps = Math.round(k * step * 1e6) / 1e6;
    const p = predict(weights, fgsm(image, sign, eps, targeted), opts.spec ?? digitsCnnSpec).label;
    if (targeted ? p === opts.target : p !== label) return { eps, label: p };
  }
  return { eps: undefined, label: undefined };
}

/** Mean absolute change per pixel between two images (how much an attack altered the digit). */
export function meanAbsChange(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i]! - b[i]!);
  return s / a.length;
}
