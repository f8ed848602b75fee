// Pure: no DOM. The fixed inputs the widget, the lesson and the tests share: 256 noise vectors
// from their own seed (the same for every training seed, so runs can be compared sample by
// sample), and for the conditional GAN the digit each sample is asked to draw: sample e draws
// e mod 10, so each column of the 10-wide grid asks for one digit and the 256 ask for all ten
// about equally. The first GRID_SAMPLES are the grid; the classifier judges all 256.
import { createRng } from '../../ml/rng.ts';
import type { DigitsGanSpec } from './model.ts';
import { inputDim, noiseVectors, withLabels } from './inputs.ts';
import { QUALITY_SAMPLES } from './quality.ts';

export const FIXED_NOISE_SEED = 7;
/** The sample grid: 10 columns (digits 0–9 when conditional) by 4 rows. */
export const GRID_COLS = 10;
export const GRID_ROWS = 4;
export const GRID_SAMPLES = GRID_COLS * GRID_ROWS;

type InputSpec = Pick<DigitsGanSpec, 'noiseDim' | 'classes'>;

/** The digit fixed sample e is asked to draw (conditional GAN). */
export function fixedLabel(e: number): number {
  return e % 10;
}

/** The digits asked of the first `count` fixed samples. */
export function fixedLabels(count: number = QUALITY_SAMPLES): number[] {
  return Array.from({ length: count }, (_, e) => fixedLabel(e));
}

const cache = new Map<string, Float32Array>();
/** QUALITY_SAMPLES × noiseDim standard-normal values (row after row); do not modify. */
export function fixedNoise(noiseDim: number): Float32Array {
  return cached(`z${noiseDim}`, () =>
    noiseVectors(createRng(FIXED_NOISE_SEED), QUALITY_SAMPLES, noiseDim),
  );
}

/** QUALITY_SAMPLES G input rows: the fixed noise, then (conditional) the asked digit one-hot. */
export function fixedInputs(spec: InputSpec): Float32Array {
  return cached(`x${spec.noiseDim}/${spec.classes}`, () =>
    withLabels(fixedNoise(spec.noiseDim), fixedLabels(), QUALITY_SAMPLES, spec),
  );
}

function cached(key: string, make: () => Float32Array): Float32Array {
  let v = cache.get(key);
  if (!v) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

/**
 * The G input on the straight line from fixed sample a to fixed sample b, at t ∈ [0, 1]: noise
 * and label alike, so between samples asked for different digits the label is a blend.
 */
export function interpolateInputs(spec: InputSpec, a: number, b: number, t: number): Float32Array {
  const x = fixedInputs(spec);
  const d = inputDim(spec);
  const out = new Float32Array(d);
  for (let i = 0; i < d; i++) out[i] = (1 - t) * x[a * d + i]! + t * x[b * d + i]!;
  return out;
}
