// Pure: no DOM. The digits GAN on TensorFlow.js: the same networks, losses and Adam settings as
// ./model.ts on the same weight arrays (W input-major [nIn, nOut], so x·W needs no transpose).
// Readers whose hardware GPU trains it faster than the typed-array engine train on this path
// (./tf-session.ts, chosen by the worker's probe, ./engine-probe.ts); the unit tests also check
// the engine's gradients against tf.grads on it. Randomness (noise, batch choice) comes from the
// seeded Rng in JavaScript, not from tfjs. Conditional (spec.classes > 0): G's input rows carry
// the one-hot label after the noise, and D reads [image, one-hot label] through D1, whose last
// `classes` rows are the label rows (the typed engine adds them by hand; here they are a matMul).
import type * as TfCore from '@tensorflow/tfjs-core';
import type { Rng } from '../../ml/rng.ts';
import type { DigitsGanSpec, DigitsGanTraining } from './model.ts';
import { inputDim, inputVectors } from './inputs.ts';
import type { DigitsGanWeights } from './session.ts';

type Tf = typeof TfCore;
type T = TfCore.Tensor;

/** Shapes of G's and D's four parameters each. */
export function parameterShapes(spec: DigitsGanSpec): { G: number[][]; D: number[][] } {
  return {
    G: [
      [inputDim(spec), spec.genHidden],
      [spec.genHidden],
      [spec.genHidden, spec.pixels],
      [spec.pixels],
    ],
    D: [
      [spec.pixels + spec.classes, spec.discHidden],
      [spec.discHidden],
      [spec.discHidden, 1],
      [1],
    ],
  };
}

/**
 * One-hot rows [n, classes] for `labels` (float32, so they concatenate with images); null when
 * the spec is unconditional. Built in JavaScript: tf.oneHot gives int32.
 */
export function tfOneHot(
  tf: Tf,
  spec: Pick<DigitsGanSpec, 'classes'>,
  labels: ArrayLike<number>,
  n: number,
): TfCore.Tensor2D | null {
  const C = spec.classes;
  if (!C) return null;
  const y = new Float32Array(n * C);
  for (let e = 0; e < n; e++) y[e * C + labels[e]!] = 1;
  return tf.tensor2d(y, [n, C]);
}

/**
 * The one-hot label part of G input rows z [n, inputDim] (null when unconditional): the labels G
 * was asked to draw, which D is shown with the fakes. The rows are exactly one-hot
 * (inputs.ts inputVectors, withLabels), so this equals the typed engine's labelsOf.
 */
export function labelPart(tf: Tf, spec: DigitsGanSpec, z: T): TfCore.Tensor2D | null {
  if (!spec.classes) return null;
  return tf.slice(z as TfCore.Tensor2D, [0, spec.noiseDim], [-1, spec.classes]);
}

/**
 * G(z) for input rows z [n, inputDim] (noise, then the one-hot label when conditional): pixels in
 * 0–1, [n, pixels] (with the fixed 3×3 blur of the logits when spec.blurSide).
 */
export function tfGenerate(tf: Tf, G: readonly T[], z: T, spec?: DigitsGanSpec): TfCore.Tensor2D {
  const h = tf.relu(tf.add(tf.matMul(z as TfCore.Tensor2D, G[0] as TfCore.Tensor2D), G[1]!));
  let logits: TfCore.Tensor2D = tf.add(tf.matMul(h, G[2] as TfCore.Tensor2D), G[3]!);
  const side = spec?.blurSide ?? 0;
  if (side) {
    const k1 = [1, 2, 1];
    const kernel = tf.tensor4d(
      k1.flatMap((a) => k1.map((b) => (a * b) / 16)),
      [3, 3, 1, 1],
    );
    const n = logits.shape[0];
    logits = tf.reshape(
      tf.conv2d(tf.reshape<TfCore.Rank.R4>(logits, [n, side, side, 1]), kernel, 1, 'same'),
      [n, side * side],
    );
  }
  return tf.sigmoid(logits);
}

/** D's logits, [n, 1], for images x [n, pixels] with one-hot labels y [n, classes] (conditional). */
export function tfDiscriminate(
  tf: Tf,
  spec: DigitsGanSpec,
  D: readonly T[],
  x: T,
  y: T | null,
): TfCore.Tensor2D {
  if (spec.classes && !y) throw new RangeError('tfDiscriminate: a conditional D needs labels');
  const input = (spec.classes ? tf.concat([x, y!], 1) : x) as TfCore.Tensor2D;
  const h = tf.leakyRelu(tf.add(tf.matMul(input, D[0] as TfCore.Tensor2D), D[1]!), spec.slope);
  return tf.add(tf.matMul(h as TfCore.Tensor2D, D[2] as TfCore.Tensor2D), D[3]!);
}

/**
 * D's loss: mean[t·softplus(−l_real) + (1−t)·softplus(l_real)] + mean[softplus(l_fake)], the real
 * images shown with their one-hot labels yReal, the fakes with yFake (null when unconditional).
 */
export function tfDiscriminatorLoss(
  tf: Tf,
  spec: DigitsGanSpec,
  D: readonly T[],
  real: T,
  yReal: T | null,
  fake: T,
  yFake: T | null,
  realLabel: number,
): TfCore.Scalar {
  const lr = tfDiscriminate(tf, spec, D, real, yReal);
  return lossFromLogits(tf, lr, tfDiscriminate(tf, spec, D, fake, yFake), realLabel);
}

/** tfDiscriminatorLoss from D's logits on the real (lr) and fake (lf) batches. */
function lossFromLogits(tf: Tf, lr: T, lf: T, realLabel: number): TfCore.Scalar {
  const r = tf.add(
    tf.mul(realLabel, tf.softplus(tf.neg(lr))),
    tf.mul(1 - realLabel, tf.softplus(lr)),
  );
  return tf.add(tf.mean(r), tf.mean(tf.softplus(lf)));
}

/**
 * G's non-saturating loss: mean softplus(−D_logit(G(z))) = mean −log D(G(z)), D judging each fake
 * with the label its input row asked for.
 */
export function tfGeneratorLoss(
  tf: Tf,
  spec: DigitsGanSpec,
  G: readonly T[],
  D: readonly T[],
  z: T,
): TfCore.Scalar {
  const l = tfDiscriminate(tf, spec, D, tfGenerate(tf, G, z, spec), labelPart(tf, spec, z));
  return tf.mean(tf.softplus(tf.neg(l)));
}

export interface TfDigitsGan {
  readonly spec: DigitsGanSpec;
  readonly G: TfCore.Variable[];
  readonly D: TfCore.Variable[];
  readonly optG: TfCore.Optimizer;
  readonly optD: TfCore.Optimizer;
  dispose(): void;
}

/** Variables from `weights` and one Adam per network (β1 from `training`, β2 0.999). */
export function createTfDigitsGan(
  tf: Tf,
  spec: DigitsGanSpec,
  training: Pick<DigitsGanTraining, 'lrD' | 'lrG' | 'beta1'>,
  weights: DigitsGanWeights,
): TfDigitsGan {
  const s = parameterShapes(spec);
  // A variable holds its own reference to its initial tensor's data: drop the tensor itself.
  const toVariable = (w: Float32Array, shape: number[] | undefined) => {
    const t = tf.tensor(w, shape);
    const v = tf.variable(t, true);
    t.dispose();
    return v;
  };
  const G = weights.G.map((w, i) => toVariable(w, s.G[i]));
  const D = weights.D.map((w, i) => toVariable(w, s.D[i]));
  const optG = tf.train.adam(training.lrG, training.beta1, 0.999, 1e-8);
  const optD = tf.train.adam(training.lrD, training.beta1, 0.999, 1e-8);
  return {
    spec,
    G,
    D,
    optG,
    optD,
    dispose() {
      optG.dispose();
      optD.dispose();
      for (const v of [...G, ...D]) v.dispose();
    },
  };
}

/** What one iteration reports: both losses and the mean D outputs of the D step's batches. */
export interface TfIterationResult {
  dLoss: number;
  gLoss: number;
  dReal: number;
  dFake: number;
}

/**
 * One iteration on tfjs, in the engine's order (./model.ts discriminatorStep, generatorStep): n
 * input rows for the D step, the D step on `real` (n rows, digit labels in `realClasses` when
 * conditional), n more input rows, the G step. The rng is drawn exactly as the typed engine draws
 * it. One read back from the device at the end.
 */
export function tfIteration(
  tf: Tf,
  gan: TfDigitsGan,
  real: Float32Array,
  n: number,
  rng: Rng,
  realLabel: number,
  realClasses?: Uint8Array,
): TfIterationResult {
  const { spec } = gan;
  if (spec.classes && !realClasses) {
    throw new RangeError('tfIteration: a conditional D needs the real images’ labels');
  }
  const width = inputDim(spec);
  const z1 = inputVectors(rng, n, spec);
  const z2 = inputVectors(rng, n, spec);
  const out = tf.tidy(() => {
    const z = tf.tensor2d(z1, [n, width]);
    const fake = tfGenerate(tf, gan.G, z, spec);
    const yFake = labelPart(tf, spec, z);
    const x = tf.tensor2d(real, [n, spec.pixels]);
    const yReal = tfOneHot(tf, spec, realClasses ?? [], n);
    let means: T | undefined;
    const dLoss = gan.optD.minimize(
      () => {
        const lr = tfDiscriminate(tf, spec, gan.D, x, yReal);
        const lf = tfDiscriminate(tf, spec, gan.D, fake, yFake);
        means = tf.keep(tf.stack([tf.mean(tf.sigmoid(lr)), tf.mean(tf.sigmoid(lf))]));
        return lossFromLogits(tf, lr, lf, realLabel);
      },
      true,
      gan.D,
    )!;
    const zG = tf.tensor2d(z2, [n, width]);
    const gLoss = gan.optG.minimize(
      () => tfGeneratorLoss(tf, spec, gan.G, gan.D, zG),
      true,
      gan.G,
    )!;
    const all = tf.concat([tf.stack([dLoss, gLoss]), means!]);
    means!.dispose();
    return all;
  });
  const [dLoss, gLoss, dReal, dFake] = out.dataSync();
  out.dispose();
  return { dLoss: dLoss!, gLoss: gLoss!, dReal: dReal!, dFake: dFake! };
}
