// Pure: no DOM. One digits-GAN training run on the typed-array engine (./model.ts), as the worker,
// the training script and the tests drive it: seeded initial weights, a seeded stream of batches
// and noise, iterations, generated images for fixed noise, and loading the shipped weights.
import { createRng, type Rng } from '../../ml/rng.ts';
import { GAN_PIXELS } from './image.ts';
import {
  createDigitsGan,
  discriminatorStep,
  DIGITS_GAN_SPEC,
  DIGITS_GAN_TRAINING,
  generate,
  generatorStep,
  paramsD,
  paramsG,
  type DigitsGan,
  type DigitsGanSpec,
  type DigitsGanTraining,
} from './model.ts';

/** Weight arrays (input-major W, then b), G's four then D's four. */
export interface DigitsGanWeights {
  G: Float32Array[];
  D: Float32Array[];
}

export interface DigitsSessionOptions {
  seed: number;
  /** Training images, count × 196 in 0–1 (./image.ts shrinkDigits). */
  images: Float32Array;
  count: number;
  /** The images' digit labels (needed when the spec is conditional). */
  labels?: Uint8Array;
  spec?: DigitsGanSpec;
  training?: DigitsGanTraining;
  /**
   * Samples come from an exponential moving average of G's weights with this decay (0 = the
   * current weights). Averaging irons out the oscillation of adversarial training.
   */
  emaDecay?: number;
}

export interface DigitsSession {
  readonly spec: DigitsGanSpec;
  readonly training: DigitsGanTraining;
  readonly iteration: number;
  /** Losses and mean D outputs of the last iteration (NaN before the first). */
  readonly last: { dLoss: number; gLoss: number; dReal: number; dFake: number };
  /** Runs n iterations (one D step, then one G step, each); false if the losses went non-finite. */
  run(n: number): boolean;
  /** Images for `count` noise rows (row-major), count × pixels in 0–1 (from the averaged G). */
  generate(noise: Float32Array, count: number, raw?: boolean): Float32Array;
  weights(): DigitsGanWeights;
  /** Copies of the averaged generator's parameters (the live ones when averaging is off). */
  averagedGenerator(): Float32Array[];
  /** Copies `weights` in (Adam restarts from zero moments) and sets the iteration count. */
  load(weights: DigitsGanWeights, iteration: number): void;
  /** Frees what the session holds outside JavaScript (tfjs tensors); typed sessions hold none. */
  dispose?(): void;
}

/** The seeded stream of batch choices and noise of a run (separate from the weights' draw). */
export function batchStream(seed: number): Rng {
  return createRng((seed ^ 0x9e3779b9) >>> 0);
}

/**
 * Fills `real` with n training images chosen by `rng` (one draw each, in order), and `realClasses`
 * with their labels when both label arrays are given.
 */
export function fillRealBatch(
  real: Float32Array,
  n: number,
  images: Float32Array,
  count: number,
  P: number,
  rng: Rng,
  labels?: Uint8Array,
  realClasses?: Uint8Array,
): void {
  for (let e = 0; e < n; e++) {
    const k = rng.int(count);
    real.set(images.subarray(k * P, (k + 1) * P), e * P);
    if (labels && realClasses) realClasses[e] = labels[k]!;
  }
}

/**
 * Throws when `opts` cannot train `spec`: images that are not count × pixels, or a conditional
 * spec without one label per image. `who` names the caller in the message.
 */
export function checkSessionOptions(
  opts: DigitsSessionOptions,
  spec: DigitsGanSpec,
  who: string,
): void {
  if (spec.pixels !== GAN_PIXELS && opts.images.length !== opts.count * spec.pixels) {
    throw new RangeError(`${who}: images do not match spec.pixels`);
  }
  if (spec.classes && opts.labels?.length !== opts.count) {
    throw new RangeError(`${who}: a conditional GAN needs one label per image`);
  }
}

/** EMA decay used at iteration t: bias-free start (the plain mean of the first 1/(1−decay)). */
export function averageDecay(decay: number, t: number): number {
  return Math.min(decay, t / (t + 1));
}

export function createDigitsSession(
  opts: DigitsSessionOptions,
): DigitsSession & { gan: DigitsGan } {
  const spec = opts.spec ?? DIGITS_GAN_SPEC;
  const training = opts.training ?? DIGITS_GAN_TRAINING;
  checkSessionOptions(opts, spec, 'createDigitsSession');
  const n = training.batchSize;
  let gan = createDigitsGan(spec, training, createRng(opts.seed), n);
  // A separate stream for batches and noise: the weights' draw never shifts them.
  const rng: Rng = batchStream(opts.seed);
  const real = new Float32Array(n * spec.pixels);
  const realClasses = new Uint8Array(n);
  const P = spec.pixels;
  let iteration = 0;
  const ema = opts.emaDecay ?? 0;
  let avg = paramsG(gan).map((a) => a.slice());
  const updateAverage = () => {
    const beta = averageDecay(ema, iteration);
    paramsG(gan).forEach((w, p) => {
      const a = avg[p]!;
      for (let k = 0; k < w.length; k++) a[k] = beta * a[k]! + (1 - beta) * w[k]!;
    });
  };
  const withAverage = <T>(fn: () => T): T => {
    if (ema === 0) return fn();
    const live = paramsG(gan).map((a) => a.slice());
    paramsG(gan).forEach((w, p) => w.set(avg[p]!));
    try {
      return fn();
    } finally {
      paramsG(gan).forEach((w, p) => w.set(live[p]!));
    }
  };
  const last = { dLoss: NaN, gLoss: NaN, dReal: NaN, dFake: NaN };
  return {
    spec,
    training,
    get gan() {
      return gan;
    },
    get iteration() {
      return iteration;
    },
    last,
    run(count) {
      for (let i = 0; i < count; i++) {
        fillRealBatch(real, n, opts.images, opts.count, P, rng, opts.labels, realClasses);
        const d = discriminatorStep(gan, real, n, rng, training.realLabel, realClasses);
        const g = generatorStep(gan, n, rng);
        if (ema > 0) updateAverage();
        iteration++;
        last.dLoss = d.loss;
        last.dReal = d.dReal;
        last.dFake = d.dFake;
        last.gLoss = g;
        if (!Number.isFinite(d.loss) || !Number.isFinite(g)) return false;
      }
      return true;
    },
    generate(noise, count, raw = false) {
      const out = new Float32Array(count * P);
      const go = () => generate(gan, noise, count, out);
      if (raw) go();
      else withAverage(go);
      return out;
    },
    averagedGenerator: () => (ema > 0 ? avg : paramsG(gan)).map((a) => a.slice()),
    weights: () => ({
      G: paramsG(gan).map((a) => a.slice()),
      D: paramsD(gan).map((a) => a.slice()),
    }),
    load(weights, it) {
      gan = createDigitsGan(spec, training, createRng(opts.seed), n);
      paramsG(gan).forEach((a, i) => a.set(weights.G[i]!));
      paramsD(gan).forEach((a, i) => a.set(weights.D[i]!));
      avg = paramsG(gan).map((a) => a.slice());
      iteration = it;
    },
  };
}
