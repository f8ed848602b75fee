// Pure: no DOM. Parameter updates with the same formulas as tfjs 4.22's optimizers
// (tf.train.sgd, momentum, rmsprop, adam), so the engine and tfjs agree step for step.

export const optimizerNames = ['sgd', 'momentum', 'rmsprop', 'adam'] as const;
export type OptimizerName = (typeof optimizerNames)[number];

/** Hyperparameters besides the learning rate (tfjs defaults; epsilon is tfjs's float32 epsilon). */
export const optimizerConstants = {
  momentum: 0.9,
  rmsDecay: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-7,
} as const;

export interface OptimizerState {
  readonly name: OptimizerName;
  /** Updates applied so far. */
  iterations: number;
  /** Momentum accumulation, RMSProp mean square, or Adam's first moment, per parameter array. */
  readonly slotA: Float32Array[];
  /** RMSProp's moment or Adam's second moment. */
  readonly slotB: Float32Array[];
}

export function createOptimizer(name: OptimizerName, params: Float32Array[]): OptimizerState {
  const zeros = () => params.map((p) => new Float32Array(p.length));
  return {
    name,
    iterations: 0,
    slotA: name === 'sgd' ? [] : zeros(),
    slotB: name === 'rmsprop' || name === 'adam' ? zeros() : [],
  };
}

/**
 * One update of every parameter array in place from its gradient.
 * - sgd:      w ← w − lr·g
 * - momentum: v ← μ·v + g;  w ← w − lr·v                                   (μ = 0.9)
 * - rmsprop:  s ← ρ·s + (1−ρ)·g²;  m ← lr·g / √(s + ε);  w ← w − m          (ρ = 0.9, no momentum)
 * - adam:     m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;
 *             w ← w − lr · (m / (1−β1ᵗ)) / (√(v / (1−β2ᵗ)) + ε)             (β1 0.9, β2 0.999)
 */
export function applyGradients(
  state: OptimizerState,
  params: Float32Array[],
  grads: Float32Array[],
  learningRate: number,
): void {
  const lr = learningRate;
  const c = optimizerConstants;
  state.iterations++;
  const t = state.iterations;
  const correct1 = 1 - Math.pow(c.beta1, t);
  const correct2 = 1 - Math.pow(c.beta2, t);
  for (let p = 0; p < params.length; p++) {
    const w = params[p]!;
    const g = grads[p]!;
    const n = w.length;
    switch (state.name) {
      case 'sgd':
        for (let k = 0; k < n; k++) w[k] = w[k]! - lr * g[k]!;
        break;
      case 'momentum': {
        const v = state.slotA[p]!;
        for (let k = 0; k < n; k++) {
          v[k] = c.momentum * v[k]! + g[k]!;
          w[k] = w[k]! - lr * v[k]!;
        }
        break;
      }
      case 'rmsprop': {
        const s = state.slotA[p]!;
        const m = state.slotB[p]!;
        for (let k = 0; k < n; k++) {
          s[k] = c.rmsDecay * s[k]! + (1 - c.rmsDecay) * g[k]! * g[k]!;
          m[k] = (lr * g[k]!) / Math.sqrt(s[k]! + c.epsilon);
          w[k] = w[k]! - m[k]!;
        }
        break;
      }
      case 'adam': {
        const m = state.slotA[p]!;
        const v = state.slotB[p]!;
        for (let k = 0; k < n; k++) {
          m[k] = c.beta1 * m[k]! + (1 - c.beta1) * g[k]!;
          v[k] = c.beta2 * v[k]! + (1 - c.beta2) * g[k]! * g[k]!;
          w[k] = w[k]! - (lr * (m[k]! / correct1)) / (Math.sqrt(v[k]! / correct2) + c.epsilon);
        }
        break;
      }
    }
  }
}

/**
 * Inverse-time learning-rate decay: lr / (1 + decay·epoch). decay 0 keeps the rate constant;
 * decay 1 halves it after the first epoch and makes it a tenth after nine.
 */
export function decayedLearningRate(base: number, decay: number, epoch: number): number {
  return base / (1 + decay * epoch);
}
