// Unit-test fixtures for the digits GAN: the files the site serves, read from public/ as the
// worker would fetch them (the chapter-2 classifier and the shipped generator).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeModel,
  type CnnModelMeta,
  type TrainedCnn,
} from '../../../../src/lib/ml/cnn/model-file.ts';
import { decodeGan, type GanModelMeta } from '../../../../src/lib/gan/digits/model-file.ts';
import type { DigitsGanWeights } from '../../../../src/lib/gan/digits/session.ts';

const root = join(import.meta.dirname, '../../../..');
const bytes = (p: string): ArrayBuffer => {
  const b = readFileSync(join(root, p));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};
const json = <T>(p: string): T => JSON.parse(readFileSync(join(root, p), 'utf8')) as T;

/** The chapter-2 digits classifier (public/models/digits-cnn). */
export function readClassifier(): TrainedCnn {
  return decodeModel(
    json<CnnModelMeta>('public/models/digits-cnn/model.json'),
    bytes('public/models/digits-cnn/weights.bin'),
  );
}

/** The shipped digits GAN (public/models/gan-digits): its model.json and weights. */
export function readShippedGan(): { meta: GanModelMeta; weights: DigitsGanWeights } {
  const meta = json<GanModelMeta>('public/models/gan-digits/model.json');
  return { meta, weights: decodeGan(meta, bytes('public/models/gan-digits/weights.bin')) };
}
