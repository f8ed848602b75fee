// Pure: no DOM. A GAN of two small dense networks on the dense engine: the generator G maps
// noise z ~ N(0, I) to a point, the discriminator D maps a point to a logit, D(x) = σ(logit).
// One discriminator step and one generator step, each with its own optimizer, written so a
// generator step never writes a discriminator weight and vice versa (tests check both).
import type { ActivationName } from '../ml/dense/activations.ts';
import { createNet, parameters, type DenseNet } from '../ml/dense/network.ts';
import {
  applyGradients,
  createOptimizer,
  type OptimizerName,
  type OptimizerState,
} from '../ml/dense/optimizers.ts';
import type { Rng } from '../ml/rng.ts';
import {
  backward,
  createMlpWorkspace,
  forward,
  scaleGrads,
  zeroGrads,
  type MlpWorkspace,
} from './mlp.ts';

/** "nonsaturating": G minimises −log D(G(z)); "saturating": G minimises log(1 − D(G(z))). */
export type GeneratorLoss = 'nonsaturating' | 'saturating';

export interface GanSpec {
  /** Size of the noise vector z. */
  noiseDim: number;
  /** Size of each data point (2 for the plane). */
  dataDim: number;
  genHidden: readonly number[];
  discHidden: readonly number[];
  activation: ActivationName;
}

export interface GanTraining {
  batchSize: number;
  /** Discriminator steps per generator step. */
  k: number;
  lrD: number;
  lrG: number;
  optimizer: OptimizerName;
  loss: GeneratorLoss;
}

export interface Gan {
  readonly spec: GanSpec;
  readonly G: DenseNet;
  readonly D: DenseNet;
  readonly gws: MlpWorkspace;
  readonly dws: MlpWorkspace;
  optD: OptimizerState;
  optG: OptimizerState;
}

/** log(1 + e^x) without overflow. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/**
 * New networks (Glorot-uniform weights, zero biases, G first) and fresh optimizer state.
 * `capacity` is the largest batch a single pass handles (bigger requests are split).
 */
export function createGan(
  spec: GanSpec,
  optimizer: OptimizerName,
  random: () => number,
  capacity = 256,
): Gan {
  const G = createNet(
    {
      sizes: [spec.noiseDim, ...spec.genHidden, spec.dataDim],
      activation: spec.activation,
      output: 'linear',
    },
    random,
  );
  const D = createNet(
    {
      sizes: [spec.dataDim, ...spec.discHidden, 1],
      activation: spec.activation,
      output: 'sigmoid',
    },
    random,
  );
  return {
    spec,
    G,
    D,
    gws: createMlpWorkspace(G, capacity),
    dws: createMlpWorkspace(D, capacity),
    optD: createOptimizer(optimizer, parameters(D)),
    optG: createOptimizer(optimizer, parameters(G)),
  };
}

/** Replaces both optimizers (their moments start again from zero). */
export function resetOptimizers(gan: Gan, optimizer: OptimizerName): void {
  gan.optD = createOptimizer(optimizer, parameters(gan.D));
  gan.optG = createOptimizer(optimizer, parameters(gan.G));
}

/** Writes n standard normal noise vectors, feature-major, into G's input. */
function fillNoise(gan: Gan, rng: Rng, n: number, noise?: Float32Array): void {
  const nz = gan.spec.noiseDim;
  const C = gan.gws.capacity;
  const Z = gan.gws.a[0]!;
  // Example by example (not feature by feature) so the stream matches `noise` row order.
  for (let e = 0; e < n; e++) {
    for (let i = 0; i < nz; i++) Z[i * C + e] = noise ? noise[e * nz + i]! : rng.normal();
  }
}

/** Copies n points (row-major, dataDim each) into D's input, feature-major. */
function loadPoints(gan: Gan, points: Float32Array, from: number, n: number): void {
  const dd = gan.spec.dataDim;
  const C = gan.dws.capacity;
  const X = gan.dws.a[0]!;
  for (let e = 0; e < n; e++)
    for (let i = 0; i < dd; i++) X[i * C + e] = points[(from + e) * dd + i]!;
}

/** G's outputs (already computed) become D's inputs, from D's example `at` on. */
function fakesIntoD(gan: Gan, n: number, at = 0): void {
  const dd = gan.spec.dataDim;
  const out = gan.gws.a[gan.G.weights.length]!;
  const X = gan.dws.a[0]!;
  const Cg = gan.gws.capacity;
  const Cd = gan.dws.capacity;
  for (let i = 0; i < dd; i++) for (let e = 0; e < n; e++) X[i * Cd + at + e] = out[i * Cg + e]!;
}

function checkBatch(gan: Gan, m: number): void {
  if (m < 1 || m > gan.gws.capacity || m > gan.dws.capacity)
    throw new RangeError(
      `batch size ${m} must be 1–${Math.min(gan.gws.capacity, gan.dws.capacity)}`,
    );
}

export interface DStepResult {
  /** −mean log D(x) − mean log(1 − D(G(z))), before the update. */
  loss: number;
  /** Mean D(x) on the real batch and mean D(G(z)) on the fake batch, before the update. */
  dReal: number;
  dFake: number;
}

/**
 * Discriminator gradients (no update) on `real` (m×dataDim, row-major) and m fresh fakes G(z):
 * the mean gradient of L_D = −(1/m)Σ log D(xᵢ) − (1/m)Σ log(1 − D(G(zᵢ))) lands in
 * gan.dws.grads. `noise` (m×noiseDim, row-major) replaces the fresh noise when given (tests).
 */
export function discriminatorGradients(
  gan: Gan,
  real: Float32Array,
  m: number,
  rng: Rng,
  noise?: Float32Array,
): DStepResult {
  checkBatch(gan, m);
  const { G, D, gws, dws } = gan;
  const logits = dws.a[D.weights.length]!;
  const dOut = dws.delta[D.weights.length]!;
  zeroGrads(dws);
  let loss = 0;
  let dReal = 0;
  let dFake = 0;
  loadPoints(gan, real, 0, m);
  fillNoise(gan, rng, m, noise);
  forward(G, gws, m);
  if (2 * m <= dws.capacity) {
    // One pass of D over 2m examples, real then fake: the same sums as two passes of m, with
    // half the loop overhead.
    fakesIntoD(gan, m, m);
    forward(D, dws, 2 * m);
    for (let e = 0; e < 2 * m; e++) {
      const l = logits[e]!;
      const p = sigmoid(l);
      if (e < m) {
        loss += softplus(-l); // −log σ(l)
        dReal += p;
        dOut[e] = p - 1;
      } else {
        loss += softplus(l); // −log(1 − σ(l))
        dFake += p;
        dOut[e] = p;
      }
    }
    backward(D, dws, 2 * m, true, false);
  } else {
    forward(D, dws, m);
    for (let e = 0; e < m; e++) {
      const l = logits[e]!;
      loss += softplus(-l);
      dReal += sigmoid(l);
      dOut[e] = sigmoid(l) - 1;
    }
    backward(D, dws, m, true, false);
    fakesIntoD(gan, m);
    forward(D, dws, m);
    for (let e = 0; e < m; e++) {
      const l = logits[e]!;
      loss += softplus(l);
      dFake += sigmoid(l);
      dOut[e] = sigmoid(l);
    }
    backward(D, dws, m, true, false);
  }
  scaleGrads(dws, 1 / m);
  return { loss: loss / m, dReal: dReal / m, dFake: dFake / m };
}

export interface GStepResult {
  /** The generator's loss before the update (of the chosen kind). */
  loss: number;
  /** Mean D(G(z)) before the update. */
  dFake: number;
}

/**
 * Generator gradients (no update): the mean gradient of −(1/m)Σ log D(G(zᵢ)) (non-saturating)
 * or (1/m)Σ log(1 − D(G(zᵢ))) (saturating) with respect to G's weights, in gan.gws.grads. The
 * gradient flows through D to its input and on into G; D's gradient sums are not touched.
 */
export function generatorGradients(
  gan: Gan,
  m: number,
  loss: GeneratorLoss,
  rng: Rng,
  noise?: Float32Array,
): GStepResult {
  checkBatch(gan, m);
  const { G, D, gws, dws, spec } = gan;
  const logits = dws.a[D.weights.length]!;
  const dOut = dws.delta[D.weights.length]!;
  zeroGrads(gws);
  fillNoise(gan, rng, m, noise);
  forward(G, gws, m);
  fakesIntoD(gan, m);
  forward(D, dws, m);
  let total = 0;
  let dFake = 0;
  for (let e = 0; e < m; e++) {
    const l = logits[e]!;
    const p = sigmoid(l);
    dFake += p;
    if (loss === 'nonsaturating') {
      total += softplus(-l); // −log σ(l)
      dOut[e] = p - 1;
    } else {
      total -= softplus(l); // log(1 − σ(l))
      dOut[e] = -p;
    }
  }
  backward(D, dws, m, false, true);
  const dx = dws.delta[0]!;
  const gOut = gws.delta[G.weights.length]!;
  const Cg = gws.capacity;
  const Cd = dws.capacity;
  for (let i = 0; i < spec.dataDim; i++)
    for (let e = 0; e < m; e++) gOut[i * Cg + e] = dx[i * Cd + e]!;
  backward(G, gws, m, true, false);
  scaleGrads(gws, 1 / m);
  return { loss: total / m, dFake: dFake / m };
}

/** parameters(net) once per network (no array built per step). */
const paramLists = new WeakMap<DenseNet, Float32Array[]>();
function paramsOf(net: DenseNet): Float32Array[] {
  let p = paramLists.get(net);
  if (!p) {
    p = parameters(net);
    paramLists.set(net, p);
  }
  return p;
}

/** One discriminator update. */
export function discriminatorStep(
  gan: Gan,
  real: Float32Array,
  m: number,
  lr: number,
  rng: Rng,
): DStepResult {
  const r = discriminatorGradients(gan, real, m, rng);
  applyGradients(gan.optD, paramsOf(gan.D), gan.dws.grads, lr);
  return r;
}

/** One generator update. */
export function generatorStep(
  gan: Gan,
  m: number,
  loss: GeneratorLoss,
  lr: number,
  rng: Rng,
): GStepResult {
  const r = generatorGradients(gan, m, loss, rng);
  applyGradients(gan.optG, paramsOf(gan.G), gan.gws.grads, lr);
  return r;
}

/** G(z) for each of n noise vectors (n×noiseDim, row-major) → n×dataDim points, row-major. */
export function generateMany(
  gan: Gan,
  noise: Float32Array,
  n: number,
  out?: Float32Array,
): Float32Array {
  const { G, gws, spec } = gan;
  const dd = spec.dataDim;
  const C = gws.capacity;
  const res = out ?? new Float32Array(n * dd);
  const Y = gws.a[G.weights.length]!;
  for (let from = 0; from < n; from += C) {
    const c = Math.min(C, n - from);
    fillNoise(gan, undefined as unknown as Rng, c, noise.subarray(from * spec.noiseDim));
    forward(G, gws, c);
    for (let e = 0; e < c; e++)
      for (let i = 0; i < dd; i++) res[(from + e) * dd + i] = Y[i * C + e]!;
  }
  return res;
}

/** D(x) for each of n points (n×dataDim, row-major). */
export function discriminateMany(
  gan: Gan,
  points: Float32Array,
  n: number,
  out?: Float32Array,
): Float32Array {
  const { D, dws } = gan;
  const C = dws.capacity;
  const res = out ?? new Float32Array(n);
  const logits = dws.a[D.weights.length]!;
  for (let from = 0; from < n; from += C) {
    const c = Math.min(C, n - from);
    loadPoints(gan, points, from, c);
    forward(D, dws, c);
    for (let e = 0; e < c; e++) res[from + e] = sigmoid(logits[e]!);
  }
  return res;
}

/**
 * For each point x (n×dataDim, row-major): −∂ℓ/∂x where ℓ is the generator's per-sample loss
 * (−log D(x) or log(1 − D(x))), the direction the generator's loss pushes a generated point
 * there: the widget's arrows. Uses D only; n×dataDim, row-major.
 */
export function pointGradients(
  gan: Gan,
  points: Float32Array,
  n: number,
  loss: GeneratorLoss,
  out?: Float32Array,
): Float32Array {
  const { D, dws, spec } = gan;
  const dd = spec.dataDim;
  const C = dws.capacity;
  const res = out ?? new Float32Array(n * dd);
  const logits = dws.a[D.weights.length]!;
  const dOut = dws.delta[D.weights.length]!;
  const dx = dws.delta[0]!;
  for (let from = 0; from < n; from += C) {
    const c = Math.min(C, n - from);
    loadPoints(gan, points, from, c);
    forward(D, dws, c);
    for (let e = 0; e < c; e++) {
      const p = sigmoid(logits[e]!);
      dOut[e] = loss === 'nonsaturating' ? p - 1 : -p;
    }
    backward(D, dws, c, false, true);
    for (let e = 0; e < c; e++)
      for (let i = 0; i < dd; i++) res[(from + e) * dd + i] = -dx[i * C + e]!;
  }
  return res;
}
