// Pure: no DOM. What the digits GAN's generator reads: rows of noise z (standard normal) followed,
// in the conditional GAN, by the one-hot digit label it is asked to draw. The typed engine, the
// tfjs engine, the fixed samples and the tests all build their inputs here, so the same seed
// draws the same rows everywhere.
import type { Rng } from '../../ml/rng.ts';
import type { DigitsGanSpec } from './model.ts';

/** Standard-normal noise, count × noiseDim, row after row. */
export function noiseVectors(rng: Rng, count: number, noiseDim: number): Float32Array {
  const z = new Float32Array(count * noiseDim);
  for (let k = 0; k < z.length; k++) z[k] = rng.normal();
  return z;
}

/** Length of one G input row: the noise, then the one-hot label when conditional. */
export function inputDim(spec: Pick<DigitsGanSpec, 'noiseDim' | 'classes'>): number {
  return spec.noiseDim + spec.classes;
}

/**
 * n G input rows from rng, row after row: noiseDim standard normals, then (conditional) a label
 * drawn uniformly, one-hot. Written into the first n rows of `out` (the training loop passes its
 * scratch, so nothing is allocated per step).
 */
export function inputVectors(
  rng: Rng,
  n: number,
  spec: Pick<DigitsGanSpec, 'noiseDim' | 'classes'>,
  out: Float32Array = new Float32Array(n * inputDim(spec)),
): Float32Array {
  const { noiseDim: nz, classes: C } = spec;
  const width = nz + C;
  for (let e = 0; e < n; e++) {
    for (let i = 0; i < nz; i++) out[e * width + i] = rng.normal();
    if (!C) continue;
    out.fill(0, e * width + nz, (e + 1) * width);
    out[e * width + nz + rng.int(C)] = 1;
  }
  return out;
}

/**
 * G input rows for the given noise rows (noiseDim each) and labels: noise, then one-hot label
 * (labels[e] for row e; the noise alone when `classes` is 0).
 */
export function withLabels(
  noise: Float32Array,
  labels: ArrayLike<number>,
  count: number,
  spec: Pick<DigitsGanSpec, 'noiseDim' | 'classes'>,
): Float32Array {
  const { noiseDim: nz, classes: C } = spec;
  if (!C) return noise.slice(0, count * nz);
  const width = nz + C;
  const z = new Float32Array(count * width);
  for (let e = 0; e < count; e++) {
    z.set(noise.subarray(e * nz, (e + 1) * nz), e * width);
    z[e * width + nz + labels[e]!] = 1;
  }
  return z;
}

/** The labels of n G input rows (the hot index of each one-hot part) into out; none if unconditional. */
export function labelsOf(
  inputs: Float32Array,
  n: number,
  spec: Pick<DigitsGanSpec, 'noiseDim' | 'classes'>,
  out: Uint8Array,
): void {
  const { noiseDim: nz, classes: C } = spec;
  const width = nz + C;
  for (let e = 0; C && e < n; e++) {
    let best = 0;
    for (let c = 1; c < C; c++)
      if (inputs[e * width + nz + c]! > inputs[e * width + nz + best]!) best = c;
    out[e] = best;
  }
}
