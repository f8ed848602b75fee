// Pure: no DOM. A stack of dense layers as tfjs variables with seeded Glorot weights; shared by the
// CNN, LSTM and GAN workloads.
import type { Tensor, Tensor2D, Variable } from '@tensorflow/tfjs-core';
import type { Rng } from '../rng';
import type { Tf } from '../tf';
import { initVariable } from './types';

export interface DenseStack {
  vars: Variable[];
  /** Forward pass; `hidden` is applied between layers, none after the last. */
  apply(x: Tensor): Tensor2D;
}

export function denseStack(
  tf: Tf,
  rng: Rng,
  sizes: readonly number[],
  name: string,
  hidden: (t: Tensor) => Tensor = (t) => tf.relu(t),
): DenseStack {
  const vars: Variable[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const fi = sizes[i]!;
    const fo = sizes[i + 1]!;
    vars.push(initVariable(tf, rng, [fi, fo], fi, fo, `${name}w${i}`));
    vars.push(initVariable(tf, rng, [fo], 0, 0, `${name}b${i}`));
  }
  return {
    vars,
    apply(x) {
      let h = x as Tensor2D;
      const layers = vars.length / 2;
      for (let i = 0; i < layers; i++) {
        h = tf.add(tf.matMul(h, vars[2 * i] as Tensor2D), vars[2 * i + 1]!);
        if (i < layers - 1) h = hidden(h) as Tensor2D;
      }
      return h;
    },
  };
}
