// Pure: no DOM, no tfjs. Gradient checking: backpropagation's gradients for the lesson's 2-2-1
// network compared with central finite differences, with the relative error the GradientCheck
// widget shows. A deliberate bug can be switched on to show what a wrong backward pass looks like.
import {
  backward,
  lossAt,
  paramNames,
  type Net221,
  type ParamName,
  type Params,
} from './backprop-graph.ts';

/** A mistake a hand-written backward pass might make, to show the check catching it. */
export type BackpropBug = 'none' | 'missing-sigmoid-derivative';

/**
 * Relative error between two gradient vectors: ‖a − b‖ / (‖a‖ + ‖b‖), 0 when both are zero.
 * Scale-free, so the same threshold works for large and small gradients.
 */
export function relativeError(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error('vectors differ in length');
  let diff = 0;
  let na = 0;
  let nb = 0;
  a.forEach((ai, i) => {
    const bi = b[i]!;
    diff += (ai - bi) ** 2;
    na += ai * ai;
    nb += bi * bi;
  });
  const denom = Math.sqrt(na) + Math.sqrt(nb);
  return denom === 0 ? 0 : Math.sqrt(diff) / denom;
}

/**
 * The central finite difference (f(θ + ε) − f(θ − ε)) / 2ε of `f` in each parameter.
 * Costs two evaluations of f per parameter.
 * @param eps step size ε > 0
 */
export function numericGradient(
  f: (params: Params) => number,
  params: Params,
  eps: number,
): Params {
  if (!(eps > 0) || !Number.isFinite(eps)) throw new Error('epsilon must be a positive number');
  const out = { ...params };
  for (const name of paramNames) {
    const plus = f({ ...params, [name]: params[name] + eps });
    const minus = f({ ...params, [name]: params[name] - eps });
    out[name] = (plus - minus) / (2 * eps);
  }
  return out;
}

/** Backpropagation's parameter gradients, optionally with a deliberate bug. */
export function backpropGradient(net: Net221, bug: BackpropBug = 'none'): Params {
  const g = backward(net);
  const out = {} as Params;
  for (const name of paramNames) out[name] = g[name];
  if (bug === 'missing-sigmoid-derivative') {
    // Forgetting σ′ at the hidden units: ∂L/∂z_j taken as ∂L/∂h_j.
    const { x1, x2 } = net;
    out.w1 = g.h1 * x1;
    out.w2 = g.h1 * x2;
    out.b1 = g.h1;
    out.w3 = g.h2 * x1;
    out.w4 = g.h2 * x2;
    out.b2 = g.h2;
  }
  return out;
}

export interface GradientCheckRow {
  readonly name: ParamName;
  readonly backprop: number;
  readonly numeric: number;
  /** |backprop − numeric| / (|backprop| + |numeric|), 0 when both are zero. */
  readonly relError: number;
}

export interface GradientCheckResult {
  readonly rows: readonly GradientCheckRow[];
  /** Relative error of the whole gradient vector. */
  readonly relError: number;
  readonly verdict: 'pass' | 'doubtful' | 'fail';
  /** Forward passes the finite differences needed (2 per parameter). */
  readonly forwardPasses: number;
}

/** Below this relative error the lesson calls a gradient correct. */
export const PASS_BELOW = 1e-7;
/** Above this relative error the lesson calls a gradient wrong. */
export const FAIL_ABOVE = 1e-4;

/**
 * Compares backpropagation with central differences on `net`.
 * @param eps finite-difference step
 * @param bug a deliberate backward-pass bug, or 'none'
 */
export function gradientCheck(
  net: Net221,
  eps: number,
  bug: BackpropBug = 'none',
): GradientCheckResult {
  const analytic = backpropGradient(net, bug);
  const numeric = numericGradient((p) => lossAt(net, p), net.params, eps);
  const rows = paramNames.map((name) => ({
    name,
    backprop: analytic[name],
    numeric: numeric[name],
    relError: relativeError([analytic[name]], [numeric[name]]),
  }));
  const relError = relativeError(
    paramNames.map((n) => analytic[n]),
    paramNames.map((n) => numeric[n]),
  );
  const verdict = relError < PASS_BELOW ? 'pass' : relError > FAIL_ABOVE ? 'fail' : 'doubtful';
  return { rows, relError, verdict, forwardPasses: 2 * paramNames.length };
}
