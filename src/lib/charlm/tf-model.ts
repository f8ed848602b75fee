// Pure: no DOM. The character model on TensorFlow.js: the same LSTM + softmax, the same weight
// layout (tfjs's own), the same loss, clipping and Adam as the typed-array engine, so the two can
// be timed against each other on any tfjs backend (scripts/bench/lstm.mjs) and a GPU path exists.
import type { Scalar, Tensor, Tensor1D, Tensor2D, Variable } from '@tensorflow/tfjs-core';
import type { Tf } from '../ml/tf.ts';
import { weightList, weightShapes, type RecurrentModel } from '../ml/lstm/index.ts';
import type { CharBatch } from './batches.ts';
import type { CharTrainer } from './runner.ts';

export interface TfCharTrainer {
  /** One step of Adam on the batch; returns the loss before the update. */
  step(batch: CharBatch): number;
  /** The current weights, in the engine's order. */
  weights(): Float32Array[];
  /** Changes Adam's learning rate (its moments are kept). */
  setLearningRate(lr: number): void;
  dispose(): void;
}

/** A tfjs trainer starting from `model`'s weights (copied). */
export function createTfCharTrainer(
  tf: Tf,
  model: RecurrentModel,
  learningRate: number,
  clipNorm: number,
): TfCharTrainer {
  const { hiddenSize: H, outputSize: V } = model.spec;
  if (model.spec.cell !== 'lstm') throw new RangeError('the character model is an LSTM');
  const shapes = weightShapes(model.spec);
  const vars: Variable[] = weightList(model.weights).map((w, i) =>
    tf.tidy(() => tf.variable(tf.tensor(w, shapes[i]), true)),
  );
  const [kernel, recurrent, bias, outKernel, outBias] = vars as [
    Variable,
    Variable,
    Variable,
    Variable,
    Variable,
  ];
  const optimizer = tf.train.adam(learningRate);

  const loss = (ids: Tensor2D, targets: Tensor1D, B: number, T: number): Scalar => {
    let h: Tensor2D = tf.zeros([B, H]);
    let c: Tensor2D = tf.zeros([B, H]);
    const hs: Tensor2D[] = [];
    // One-hot inputs times the kernel for every step at once (one matMul instead of T; gather's
    // gradient needs UnsortedSegmentSum, which wasm lacks).
    const oneHot = tf.cast(tf.oneHot(tf.reshape(ids, [B * T]), V), 'float32') as Tensor2D;
    const xw = tf.unstack(
      tf.reshape(tf.matMul(oneHot, kernel as Tensor2D), [B, T, 4 * H]),
      1,
    ) as Tensor2D[];
    for (let t = 0; t < T; t++) {
      const z = tf.add(tf.add(xw[t]!, tf.matMul(h, recurrent as Tensor2D)), bias);
      const [zi, zf, zc, zo] = tf.split(z, 4, 1) as [Tensor2D, Tensor2D, Tensor2D, Tensor2D];
      c = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zc)));
      h = tf.mul(tf.sigmoid(zo), tf.tanh(c));
      hs.push(h);
    }
    // Rows in batch-major order (b·T + t), like the batch's targets.
    const all = tf.reshape(tf.stack(hs, 1), [B * T, H]);
    const logits = tf.add(tf.matMul(all, outKernel), outBias);
    const logp = tf.logSoftmax(logits);
    const picked = tf.sum(tf.mul(logp, tf.oneHot(targets, V)), 1);
    return tf.neg(tf.mean<Scalar>(picked));
  };

  return {
    step(batch) {
      const { batchSize: B, steps: T } = batch;
      return tf.tidy(() => {
        const ids = tf.tensor2d(batch.tokens, [B, T], 'int32');
        const targets = tf.tensor1d(batch.targets, 'int32');
        const { value, grads } = tf.variableGrads(() => loss(ids, targets, B, T), vars);
        const list = vars.map((v) => grads[v.name]!);
        let scale: Tensor | null = null;
        if (clipNorm > 0) {
          const norm = tf.sqrt(tf.addN(list.map((g) => tf.sum(tf.square(g)))));
          scale = tf.minimum(1, tf.div(clipNorm, tf.maximum(norm, 1e-12)));
        }
        optimizer.applyGradients(
          vars.map((v, i) => ({
            name: v.name,
            tensor: scale ? tf.mul(list[i]!, scale) : list[i]!,
          })),
        );
        return value.dataSync()[0]!;
      });
    },
    weights: () => vars.map((v) => Float32Array.from(v.dataSync())),
    setLearningRate(lr) {
      // tfjs 4.22's AdamOptimizer reads its public `learningRate` field on every update.
      (optimizer as unknown as { learningRate: number }).learningRate = lr;
    },
    dispose() {
      optimizer.dispose();
      tf.dispose(vars);
    },
  };
}

/**
 * The character runner's trainer interface (runner.ts's CharTrainer) over a tfjs trainer:
 * `sync` copies the tfjs weights into `model`'s arrays, which sampling and evaluation read.
 */
export function asRunnerTrainer(
  t: TfCharTrainer,
  model: RecurrentModel,
  learningRate: number,
): CharTrainer {
  let lr = learningRate;
  return {
    get learningRate() {
      return lr;
    },
    set learningRate(v: number) {
      if (v !== lr) t.setLearningRate(v);
      lr = v;
    },
    step: (batch) => ({ loss: t.step(batch) }),
    sync() {
      const now = t.weights();
      weightList(model.weights).forEach((w, i) => w.set(now[i]!));
    },
    dispose: () => t.dispose(),
  };
}
