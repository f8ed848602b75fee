// The same CNN as a tfjs function on any backend (cpu, wasm, webgl, webgpu): for tf.grad-based
// views (saliency, adversarial examples), for training on tfjs's paths in the bench, and to check
// the typed-array engine's gradients. Weights move in and out unchanged (spec.ts conventions).
import type { Tensor, Tensor2D, Tensor4D, Variable } from '@tensorflow/tfjs-core';
import type { Tf } from '../tf';
import { checkWeights, layerShapes, paramShapes, type CnnSpec, type CnnWeights } from './spec.ts';

export interface TfCnn {
  readonly spec: CnnSpec;
  /** One tf.Variable per parameter, by name (conv1/kernel …). */
  readonly variables: Readonly<Record<string, Variable>>;
  /** Logits [n, classes] for images x [n, h, w, c] (values 0–1). Call inside tf.tidy/grad. */
  logits(x: Tensor4D): Tensor2D;
  /** Softmax probabilities [n, classes]. */
  predict(x: Tensor4D): Tensor2D;
  /** Every layer's output in spec order ([n, h, w, c] for maps, [n, units] for dense). */
  activations(x: Tensor4D): Tensor[];
  /** Mean softmax cross-entropy against integer labels. */
  loss(x: Tensor4D, labels: Int32Array | Uint8Array): Tensor;
  /** Current values as named Float32Arrays (synchronous read). */
  weights(): CnnWeights;
  setWeights(w: CnnWeights): void;
  dispose(): void;
}

let uid = 0;

/**
 * Builds the network from `spec` with `weights` as tf.Variables (trainable unless told otherwise).
 * Tensors made by the returned functions belong to the caller (use tf.tidy).
 */
export function buildTfModel(
  tf: Tf,
  spec: CnnSpec,
  weights: CnnWeights,
  opts: { trainable?: boolean } = {},
): TfCnn {
  checkWeights(spec, weights);
  const shapes = layerShapes(spec);
  const trainable = opts.trainable ?? true;
  const id = uid++;
  const variables: Record<string, Variable> = {};
  for (const p of paramShapes(spec)) {
    variables[p.name] = tf.tidy(() =>
      tf.variable(tf.tensor(weights[p.name]!, p.shape), trainable, `cnn${id}/${p.name}`),
    );
  }
  const v = (name: string) => variables[name]!;

  const run = (x: Tensor4D, keep: Tensor[] | null): Tensor2D => {
    let h: Tensor = x;
    for (const { layer, inShape } of shapes) {
      if (layer.kind === 'conv') {
        h = tf.add(
          tf.conv2d(h as Tensor4D, v(`${layer.name}/kernel`) as Tensor4D, 1, layer.padding),
          v(`${layer.name}/bias`),
        );
        if (layer.activation === 'relu') h = tf.relu(h);
      } else if (layer.kind === 'maxpool') {
        h = tf.maxPool(h as Tensor4D, layer.size, layer.size, 'valid');
      } else {
        if (h.rank !== 2) h = tf.reshape(h, [-1, inShape[0] * inShape[1] * inShape[2]]);
        h = tf.add(
          tf.matMul(h as Tensor2D, v(`${layer.name}/kernel`) as Tensor2D),
          v(`${layer.name}/bias`),
        );
        if (layer.activation === 'relu') h = tf.relu(h);
      }
      keep?.push(h);
    }
    return h as Tensor2D;
  };

  return {
    spec,
    variables,
    logits: (x) => run(x, null),
    predict: (x) => tf.tidy(() => tf.softmax(run(x, null))),
    activations: (x) => {
      const keep: Tensor[] = [];
      tf.tidy(() => {
        run(x, keep);
        return keep;
      });
      return keep;
    },
    loss: (x, labels) =>
      tf.tidy(() => {
        const onehot = tf.oneHot(tf.tensor1d(Int32Array.from(labels), 'int32'), spec.classes);
        return tf.losses.softmaxCrossEntropy(onehot, run(x, null));
      }),
    weights: () => {
      const out: CnnWeights = {};
      for (const [name, t] of Object.entries(variables)) {
        out[name] = Float32Array.from(t.dataSync());
      }
      return out;
    },
    setWeights: (w) => {
      checkWeights(spec, w);
      for (const p of paramShapes(spec)) {
        tf.tidy(() => v(p.name).assign(tf.tensor(w[p.name]!, p.shape)));
      }
    },
    dispose: () => tf.dispose(Object.values(variables)),
  };
}
