// Pure: no DOM (loadTrainedGan uses fetch). The shipped digits GAN's file format: model.json
// (spec, how it was trained, parameter table, the classifier's verdict) and weights.bin (float32
// little-endian: G's W1, b1, W2, b2, then D's W1, b1, W2, b2).
import { DIGITS_GAN_SPEC, type DigitsGanSpec, type DigitsGanTraining } from './model.ts';
import type { DigitsGanWeights } from './session.ts';

export const GAN_MODEL_FORMAT = 'neuronbook-gan-digits';
export const TRAINED_GAN_URL = '/models/gan-digits/';

export interface GanModelMeta {
  format: typeof GAN_MODEL_FORMAT;
  version: 1;
  spec: DigitsGanSpec;
  training: DigitsGanTraining & { seed: number; iterations: number; emaDecay: number };
  /** Lengths of the eight arrays in weights.bin, in order. */
  lengths: number[];
  /** The classifier's verdict on the 256 fixed-noise samples, as measured by the script. */
  quality: { coverage: number; confidence: number; agreement?: number; counts: number[] };
}

export class GanModelError extends Error {
  override name = 'GanModelError';
}

export function encodeGan(
  meta: Omit<GanModelMeta, 'format' | 'version' | 'lengths'>,
  weights: DigitsGanWeights,
): { meta: GanModelMeta; bin: Uint8Array } {
  const arrays = [...weights.G, ...weights.D];
  const total = arrays.reduce((s, a) => s + a.length, 0);
  const all = new Float32Array(total);
  let o = 0;
  for (const a of arrays) {
    all.set(a, o);
    o += a.length;
  }
  return {
    meta: { format: GAN_MODEL_FORMAT, version: 1, ...meta, lengths: arrays.map((a) => a.length) },
    bin: new Uint8Array(all.buffer),
  };
}

/** The spec fields that fix the weight arrays' shapes (and what the page draws). */
const SHAPE_FIELDS = [
  'noiseDim',
  'classes',
  'genHidden',
  'discHidden',
  'pixels',
  'blurSide',
] as const;

/**
 * The weights in `bin`; throws GanModelError when the file is not one, is truncated, or was made
 * for another model than `expected` (say an unconditional generator where the page conditions on
 * the digit).
 */
export function decodeGan(
  meta: GanModelMeta,
  bin: ArrayBuffer,
  expected: DigitsGanSpec = DIGITS_GAN_SPEC,
): DigitsGanWeights {
  if (meta.format !== GAN_MODEL_FORMAT || meta.lengths.length !== 8) {
    throw new GanModelError('The trained generator file is not in the expected format.');
  }
  const differ = SHAPE_FIELDS.filter((k) => (meta.spec?.[k] ?? 0) !== expected[k]);
  if (differ.length) {
    const k = differ[0]!;
    throw new GanModelError(
      `The trained generator file was made for a different model (${k} ${meta.spec?.[k] ?? 'missing'}, this page expects ${expected[k]}). Rebuild it with scripts/train/gan-digits.mjs.`,
    );
  }
  const total = meta.lengths.reduce((s, n) => s + n, 0);
  if (bin.byteLength !== total * 4) {
    throw new GanModelError(
      'The trained generator file is truncated. Reload the page to try again.',
    );
  }
  const all = new Float32Array(bin);
  const arrays: Float32Array[] = [];
  let o = 0;
  for (const n of meta.lengths) {
    arrays.push(all.slice(o, o + n));
    o += n;
  }
  return { G: arrays.slice(0, 4), D: arrays.slice(4) };
}

/** Fetches `${url}model.json` and `${url}weights.bin` (default: the shipped digits GAN). */
export async function loadTrainedGan(
  url: string = TRAINED_GAN_URL,
): Promise<{ meta: GanModelMeta; weights: DigitsGanWeights }> {
  const base = url.endsWith('/') ? url : `${url}/`;
  const [m, w] = await Promise.all([fetch(`${base}model.json`), fetch(`${base}weights.bin`)]);
  if (!m.ok || !w.ok) {
    throw new GanModelError(
      `The trained generator could not be loaded (the server answered ${m.ok ? w.status : m.status}).`,
    );
  }
  const meta = (await m.json()) as GanModelMeta;
  return { meta, weights: decodeGan(meta, await w.arrayBuffer()) };
}
