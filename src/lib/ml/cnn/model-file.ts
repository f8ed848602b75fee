// Pure apart from `fetch`: no DOM. The shipped model's files: model.json (spec, parameter table,
// test accuracy, how it was trained) and weights.bin (float32 little-endian, parameters in spec
// order, FNV-1a checksum in model.json). Written by scripts/train/digits-cnn.mjs, read by pages,
// workers and tests.
import { fnv1a } from '../../data/digits-format.ts';
import { checkWeights, paramShapes, type CnnSpec, type CnnWeights } from './spec.ts';

export const MODEL_FORMAT = 'neuronbook-cnn';
export const MODEL_VERSION = 1;

/** Where the site serves the trained models. */
export const TRAINED_CNN_URL = '/models/digits-cnn/';
export const TRAINED_CNN_0TO4_URL = '/models/digits-cnn-0to4/';

export interface CnnModelMeta {
  format: typeof MODEL_FORMAT;
  version: number;
  spec: CnnSpec;
  params: { name: string; shape: number[]; offset: number; length: number }[];
  /** FNV-1a of weights.bin. */
  checksum: number;
  /** Accuracy on the 2,000 held-out test digits (of the classes trained on). */
  testAccuracy: number;
  /** Classes the model was trained on (all ten, or 0–4 for the transfer-learning start). */
  classes: number[];
  training: Record<string, number | string | boolean>;
}

export interface TrainedCnn {
  spec: CnnSpec;
  weights: CnnWeights;
  meta: CnnModelMeta;
}

/** A failure to load the shipped model, with a reader-facing message. */
export class CnnModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CnnModelError';
  }
}

/** model.json and weights.bin for `weights`. */
export function encodeModel(
  spec: CnnSpec,
  weights: CnnWeights,
  info: Pick<CnnModelMeta, 'testAccuracy' | 'classes' | 'training'>,
): { meta: CnnModelMeta; bin: Uint8Array } {
  checkWeights(spec, weights);
  const shapes = paramShapes(spec);
  const total = shapes.reduce((a, p) => a + weights[p.name]!.length, 0);
  const floats = new Float32Array(total);
  const params: CnnModelMeta['params'] = [];
  let o = 0;
  for (const p of shapes) {
    const v = weights[p.name]!;
    floats.set(v, o);
    params.push({ name: p.name, shape: p.shape, offset: o, length: v.length });
    o += v.length;
  }
  // Float32Array is little-endian on every platform tfjs runs on; say so by writing through a view.
  const bin = new Uint8Array(total * 4);
  const view = new DataView(bin.buffer);
  for (let i = 0; i < total; i++) view.setFloat32(i * 4, floats[i]!, true);
  const meta: CnnModelMeta = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    spec,
    params,
    checksum: fnv1a(bin),
    ...info,
  };
  return { meta, bin };
}

const AGAIN = 'Reloading the page usually fixes this; "Train from scratch" still works.';

/** Reads model.json (already parsed) and weights.bin; throws CnnModelError. */
export function decodeModel(meta: CnnModelMeta, bin: ArrayBuffer): TrainedCnn {
  if (meta.format !== MODEL_FORMAT || meta.version !== MODEL_VERSION) {
    throw new CnnModelError(
      `The trained model's files are in a format this page does not read. ${AGAIN}`,
    );
  }
  const bytes = new Uint8Array(bin);
  const total = meta.params.reduce((a, p) => a + p.length, 0);
  if (bytes.length !== total * 4 || fnv1a(bytes) !== meta.checksum) {
    throw new CnnModelError(`The trained model's weights arrived damaged or incomplete. ${AGAIN}`);
  }
  const view = new DataView(bin);
  const weights: CnnWeights = {};
  for (const p of meta.params) {
    const v = new Float32Array(p.length);
    for (let i = 0; i < p.length; i++) v[i] = view.getFloat32((p.offset + i) * 4, true);
    weights[p.name] = v;
  }
  try {
    checkWeights(meta.spec, weights);
  } catch {
    throw new CnnModelError(`The trained model's weights do not fit its architecture. ${AGAIN}`);
  }
  return { spec: meta.spec, weights, meta };
}

/** Fetches `${url}model.json` and `${url}weights.bin` (default: the shipped digits CNN). */
export async function loadTrainedCnn(url: string = TRAINED_CNN_URL): Promise<TrainedCnn> {
  const base = url.endsWith('/') ? url : `${url}/`;
  try {
    const [m, w] = await Promise.all([fetch(`${base}model.json`), fetch(`${base}weights.bin`)]);
    if (!m.ok || !w.ok) {
      throw new CnnModelError(
        `The trained model could not be loaded (the server answered ${m.ok ? w.status : m.status}). ${AGAIN}`,
      );
    }
    return decodeModel((await m.json()) as CnnModelMeta, await w.arrayBuffer());
  } catch (e) {
    if (e instanceof CnnModelError) throw e;
    throw new CnnModelError(
      `The trained model could not be loaded (${e instanceof Error ? e.message : String(e)}). ${AGAIN}`,
    );
  }
}
