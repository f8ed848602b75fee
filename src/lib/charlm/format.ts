// Pure: no DOM (fetch only in loadCharModel). The shipped character model's files:
// model.json (spec, vocabulary, training record) and weights.bin (every weight array in
// weightNames order as IEEE half floats, little-endian: half the bytes of float32, and the
// rounding, ≤ 2⁻¹¹ relative, does not change what the model writes).
import {
  paramCount,
  validateSpec,
  weightList,
  weightsFromList,
  type RecurrentModel,
  type RecurrentSpec,
} from '../ml/lstm/index.ts';
import { createVocab, type Vocab } from './vocab.ts';

export const CHARLM_FORMAT = 'neuronbook-charlm-1';

export interface CharModelMeta {
  format: typeof CHARLM_FORMAT;
  spec: RecurrentSpec;
  /** The vocabulary, one character per entry. */
  vocab: string[];
  /** Training record (informative). */
  training: {
    seed: number;
    steps: number;
    batchSize: number;
    seqLength: number;
    learningRate: number;
    clipNorm: number;
    corpusChars: number;
    /** Mean cross-entropy (nats per character) on fixed held-out windows at the end. */
    finalLoss: number;
  };
  weightsFile: string;
}

export interface CharModel {
  model: RecurrentModel;
  vocab: Vocab;
  meta: CharModelMeta;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** float → IEEE 754 half-precision bits (round to nearest even; overflow → ±Infinity). */
export function toHalf(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let h = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const half = 1 << (shift - 1);
    if (rem > half || (rem === half && h & 1)) h++;
    return sign | h;
  }
  let h = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && h & 1)) h++;
  return sign | h;
}

/** IEEE 754 half-precision bits → number. */
export function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** The weights as one little-endian half-float buffer. */
export function packWeights(model: RecurrentModel): Uint8Array {
  const n = paramCount(model.spec);
  const out = new Uint8Array(n * 2);
  const view = new DataView(out.buffer);
  let k = 0;
  for (const a of weightList(model.weights)) {
    for (let i = 0; i < a.length; i++) view.setUint16(2 * k++, toHalf(a[i]!), true);
  }
  return out;
}

/** Builds the model from its meta and weights buffer; throws a reader-facing Error if they disagree. */
export function parseCharModel(meta: CharModelMeta, buffer: ArrayBuffer): CharModel {
  if (meta.format !== CHARLM_FORMAT)
    throw new Error('The trained model file has an unknown format.');
  validateSpec(meta.spec);
  if (meta.vocab.length !== meta.spec.inputSize || meta.vocab.length !== meta.spec.outputSize)
    throw new Error('The trained model’s vocabulary does not match its size.');
  const n = paramCount(meta.spec);
  if (buffer.byteLength !== n * 2)
    throw new Error('The trained model’s weights file has the wrong size.');
  const view = new DataView(buffer);
  const all = new Float32Array(n);
  for (let k = 0; k < n; k++) all[k] = fromHalf(view.getUint16(2 * k, true));
  return { model: modelFromFlat(meta.spec, all), vocab: createVocab(meta.vocab), meta };
}

function modelFromFlat(spec: RecurrentSpec, all: Float32Array): RecurrentModel {
  const H = spec.hiddenSize;
  const G = (spec.cell === 'lstm' ? 4 : 1) * H;
  const lengths = [spec.inputSize * G, H * G, G, H * spec.outputSize, spec.outputSize];
  const arrays: Float32Array[] = [];
  let at = 0;
  for (const len of lengths) {
    arrays.push(all.subarray(at, at + len));
    at += len;
  }
  return { spec: { ...spec }, weights: weightsFromList(spec, arrays) };
}

/** Fetches `${base}model.json` and its weights file. */
export async function loadCharModel(base: string): Promise<CharModel> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const res = await fetch(`${root}model.json`);
  if (!res.ok) throw new Error('The trained model could not be loaded.');
  const meta = (await res.json()) as CharModelMeta;
  const w = await fetch(`${root}${meta.weightsFile}`);
  if (!w.ok) throw new Error('The trained model’s weights could not be loaded.');
  return parseCharModel(meta, await w.arrayBuffer());
}
