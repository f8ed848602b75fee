// Pure: no DOM. The four optimizers of the explorer, written out in plain arithmetic so a 200-step
// path takes microseconds. Each update is the one tfjs 4.22 applies (checked against
// tf.train.* on the cpu backend in tests/unit/ml/descent):
//   sgd       θ ← θ − η·g
//   momentum  a ← μ·a + g;                      θ ← θ − η·a            (tf.train.momentum, no Nesterov)
//   rmsprop   s ← ρ·s + (1−ρ)·g²;  m ← μ·m + η·g/√(s + ε);   θ ← θ − m  (ε inside the root)
//   adam      m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;
//             θ ← θ − η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε)               (ε outside the root)
// with tfjs's defaults ρ = 0.9, RMSProp μ = 0, β₁ = 0.9, β₂ = 0.999 and ε = 1e-7 (the float32
// backend epsilon tfjs uses when none is given).

export const optimizerIds = ['sgd', 'momentum', 'rmsprop', 'adam'] as const;
export type OptimizerId = (typeof optimizerIds)[number];

/** Menu labels for each optimizer. */
export const optimizerLabels: Readonly<Record<OptimizerId, string>> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  rmsprop: 'RMSProp',
  adam: 'Adam',
};

export interface OptimizerSettings {
  /** μ of tf.train.momentum (default 0.9) */
  readonly momentum: number;
  /** ρ of tf.train.rmsprop (its `decay`, default 0.9) */
  readonly rho: number;
  /** μ of tf.train.rmsprop (default 0) */
  readonly rmspropMomentum: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
}

export const defaultOptimizerSettings: OptimizerSettings = {
  momentum: 0.9,
  rho: 0.9,
  rmspropMomentum: 0,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-7,
};

/** An optimizer with its slot variables for `n` parameters. */
export interface Optimizer {
  readonly id: OptimizerId;
  /** Updates `params` in place from `grad` with learning rate `lr`. */
  step(params: number[], grad: readonly number[], lr: number): void;
  /** steps taken so far */
  readonly iterations: number;
}

/** Type guard for optimizer ids from untrusted input. */
export function isOptimizerId(v: unknown): v is OptimizerId {
  return typeof v === 'string' && (optimizerIds as readonly string[]).includes(v);
}

/** Creates an optimizer for `n` parameters with zeroed slots (as tfjs does on its first step). */
export function createOptimizer(
  id: OptimizerId,
  n: number,
  settings: Partial<OptimizerSettings> = {},
): Optimizer {
  const s = { ...defaultOptimizerSettings, ...settings };
  const a = new Array<number>(n).fill(0); // momentum accumulation / RMS mean square / Adam m
  const b = new Array<number>(n).fill(0); // RMSProp moments / Adam v
  let t = 0;
  let accBeta1 = s.beta1;
  let accBeta2 = s.beta2;
  const step = (params: number[], grad: readonly number[], lr: number): void => {
    switch (id) {
      case 'sgd':
        for (let i = 0; i < n; i++) params[i]! -= lr * grad[i]!;
        break;
      case 'momentum':
        for (let i = 0; i < n; i++) {
          a[i] = s.momentum * a[i]! + grad[i]!;
          params[i]! -= lr * a[i]!;
        }
        break;
      case 'rmsprop':
        for (let i = 0; i < n; i++) {
          const g = grad[i]!;
          a[i] = s.rho * a[i]! + (1 - s.rho) * g * g;
          b[i] = s.rmspropMomentum * b[i]! + (lr * g) / Math.sqrt(a[i]! + s.epsilon);
          params[i]! -= b[i]!;
        }
        break;
      case 'adam': {
        const c1 = 1 - accBeta1;
        const c2 = 1 - accBeta2;
        for (let i = 0; i < n; i++) {
          const g = grad[i]!;
          a[i] = s.beta1 * a[i]! + (1 - s.beta1) * g;
          b[i] = s.beta2 * b[i]! + (1 - s.beta2) * g * g;
          params[i]! -= (lr * (a[i]! / c1)) / (Math.sqrt(b[i]! / c2) + s.epsilon);
        }
        accBeta1 *= s.beta1;
        accBeta2 *= s.beta2;
        break;
      }
    }
    t++;
  };
  return {
    id,
    step,
    get iterations() {
      return t;
    },
  };
}
