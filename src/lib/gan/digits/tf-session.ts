// Pure: no DOM. A digits-GAN training run on tfjs (./tf-gan.ts), for readers whose GPU trains it
// faster than the typed-array engine (the worker's probe decides, ./engine-probe.ts). It keeps
// the typed session's contract (./session.ts): the same seeded initial weights, the same stream of
// batches and noise, the same weight averaging, so a seed shows the same run on either engine up
// to float rounding. Everything it holds on the device is freed by dispose().
import { createRng } from '../../ml/rng.ts';
import type { Tf } from '../../ml/tf.ts';
import {
  createDigitsGan,
  DIGITS_GAN_SPEC,
  DIGITS_GAN_TRAINING,
  paramsD,
  paramsG,
} from './model.ts';
import { inputDim } from './inputs.ts';
import {
  averageDecay,
  batchStream,
  checkSessionOptions,
  fillRealBatch,
  type DigitsGanWeights,
  type DigitsSession,
  type DigitsSessionOptions,
} from './session.ts';
import { createTfDigitsGan, tfGenerate, tfIteration, type TfDigitsGan } from './tf-gan.ts';

type Variable = ReturnType<Tf['variable']>;

export function createTfDigitsSession(tf: Tf, opts: DigitsSessionOptions): DigitsSession {
  const spec = opts.spec ?? DIGITS_GAN_SPEC;
  const training = opts.training ?? DIGITS_GAN_TRAINING;
  checkSessionOptions(opts, spec, 'createTfDigitsSession');
  const n = training.batchSize;
  const P = spec.pixels;
  const rng = batchStream(opts.seed);
  const real = new Float32Array(n * P);
  const realClasses = new Uint8Array(n);
  const ema = opts.emaDecay ?? 0;
  let iteration = 0;
  let gan: TfDigitsGan;
  let avg: Variable[] = [];

  const start = (weights: DigitsGanWeights) => {
    gan = createTfDigitsGan(tf, spec, training, weights);
    // A variable keeps its own reference to its initial tensor's data: drop the copy itself.
    avg =
      ema > 0
        ? gan.G.map((v) => {
            const copy = v.clone();
            const a = tf.variable(copy, false);
            copy.dispose();
            return a;
          })
        : [];
  };
  const free = () => {
    gan.dispose();
    for (const v of avg) v.dispose();
  };
  const fresh = createDigitsGan(spec, training, createRng(opts.seed), 1);
  start({ G: paramsG(fresh), D: paramsD(fresh) });

  const read = (list: readonly Variable[]) => list.map((v) => Float32Array.from(v.dataSync()));
  const last = { dLoss: NaN, gLoss: NaN, dReal: NaN, dFake: NaN };
  return {
    spec,
    training,
    get iteration() {
      return iteration;
    },
    last,
    run(count) {
      for (let i = 0; i < count; i++) {
        fillRealBatch(real, n, opts.images, opts.count, P, rng, opts.labels, realClasses);
        const r = tfIteration(tf, gan, real, n, rng, training.realLabel, realClasses);
        if (ema > 0) {
          const beta = averageDecay(ema, iteration);
          tf.tidy(() => {
            avg.forEach((a, p) => a.assign(tf.add(tf.mul(a, beta), tf.mul(gan.G[p]!, 1 - beta))));
          });
        }
        iteration++;
        Object.assign(last, r);
        if (!Number.isFinite(r.dLoss) || !Number.isFinite(r.gLoss)) return false;
      }
      return true;
    },
    generate(noise, count, raw = false) {
      // noise holds G input rows: noise, then the one-hot label when conditional.
      const G = raw || ema === 0 ? gan.G : avg;
      const width = inputDim(spec);
      const t = tf.tidy(() =>
        tfGenerate(tf, G, tf.tensor2d(noise.subarray(0, count * width), [count, width]), spec),
      );
      const out = Float32Array.from(t.dataSync());
      t.dispose();
      return out;
    },
    averagedGenerator: () => read(ema > 0 ? avg : gan.G),
    weights: () => ({ G: read(gan.G), D: read(gan.D) }),
    load(weights, it) {
      free();
      start(weights);
      iteration = it;
    },
    dispose: free,
  };
}
