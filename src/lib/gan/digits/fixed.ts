// Pure: no DOM. The fixed noise the widget, the lesson and the tests share: 256 noise vectors from
// their own seed (the same for every training seed, so runs can be compared sample by sample).
// The first 36 are the 6×6 grid; the classifier judges all 256.
import { createRng } from '../../ml/rng.ts';
import { noiseVectors } from './inputs.ts';
import { QUALITY_SAMPLES } from './quality.ts';

export const FIXED_NOISE_SEED = 7;
/** Side of the sample grid (6×6 = 36 samples). */
export const GRID_SIDE = 6;
export const GRID_SAMPLES = GRID_SIDE * GRID_SIDE;

const cache = new Map<number, Float32Array>();
/** QUALITY_SAMPLES × noiseDim standard-normal values (row after row); do not modify. */
export function fixedNoise(noiseDim: number): Float32Array {
  let z = cache.get(noiseDim);
  if (!z) {
    z = noiseVectors(createRng(FIXED_NOISE_SEED), QUALITY_SAMPLES, noiseDim);
    cache.set(noiseDim, z);
  }
  return z;
}

/** Noise on the straight line from sample a to sample b of the fixed noise, at t ∈ [0, 1]. */
export function interpolateNoise(noiseDim: number, a: number, b: number, t: number): Float32Array {
  const z = fixedNoise(noiseDim);
  const out = new Float32Array(noiseDim);
  for (let i = 0; i < noiseDim; i++) {
    out[i] = (1 - t) * z[a * noiseDim + i]! + t * z[b * noiseDim + i]!;
  }
  return out;
}
