// Pure: no DOM. The shape every trainable workload has, so one session loop can drive them all.
import type { Scalar, Variable } from '@tensorflow/tfjs-core';
import type { HyperName, SnapshotMessage, SnapshotRequest } from '../protocol';
import type { Rng } from '../rng';
import type { Tf } from '../tf';

export interface Evaluation {
  trainLoss: number;
  testLoss: number | null;
  testAccuracy: number | null;
}

export interface Workload {
  /** Examples consumed by one step. */
  readonly batchSize: number;
  /** Examples in one epoch. */
  readonly trainSize: number;
  /** One optimisation step; returns the batch loss (the caller disposes it). */
  step(): Scalar;
  /** Losses on the data (synchronous read). */
  evaluate(): Evaluation;
  /** Grid/weights for a snapshot (everything but id and step). */
  snapshot(req: SnapshotRequest): Omit<SnapshotMessage, 'type' | 'id' | 'step'>;
  /** All trainable values, in a fixed order (synchronous read). */
  getWeights(): Float32Array[];
  setWeights(values: readonly Float32Array[]): void;
  /** Changes a hyperparameter; returns false if this workload has no such knob. */
  set(name: HyperName, value: number): boolean;
  dispose(): void;
}

/** Glorot-uniform initial values drawn from `rng`. */
export function glorot(rng: Rng, size: number, fanIn: number, fanOut: number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const v = new Float32Array(size);
  for (let i = 0; i < size; i++) v[i] = rng.uniform(-limit, limit);
  return v;
}

/** A trainable variable with Glorot-uniform values (weights) or zeros (bias when fan is 0). */
export function initVariable(
  tf: Tf,
  rng: Rng,
  shape: number[],
  fanIn: number,
  fanOut: number,
  name: string,
): Variable {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = fanIn > 0 ? glorot(rng, size, fanIn, fanOut) : new Float32Array(size);
  // tf.variable copies its initial value's reference; the temporary itself must be freed.
  return tf.tidy(() => tf.variable(tf.tensor(values, shape), true, `${name}_${uid++}`));
}
let uid = 0;

/** Reads variables into fresh arrays. */
export function readVariables(vars: readonly Variable[]): Float32Array[] {
  return vars.map((v) => Float32Array.from(v.dataSync()));
}

/** Writes arrays into variables (same order and sizes). */
export function writeVariables(
  tf: Tf,
  vars: readonly Variable[],
  values: readonly Float32Array[],
): void {
  if (values.length !== vars.length) throw new Error('Weight count does not match the model.');
  vars.forEach((v, i) => {
    tf.tidy(() => v.assign(tf.tensor(values[i]!, v.shape)));
  });
}

/** An optimizer whose learning rate can be changed in place. */
export function setOptimizerLr(opt: object, lr: number): void {
  const o = opt as { setLearningRate?: (lr: number) => void; learningRate?: number };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(lr);
  else o.learningRate = lr;
}
