// The 0–4 digits CNN and the packed digits, read from the repository as the worker fetches them.
import { readFileSync } from 'node:fs';
import { buildDigitsSet } from '../../../scripts/data/digits.mjs';
import { decodeModel, type TrainedCnn } from '../../../src/lib/ml/cnn/model-file.ts';
import type { DigitsSet } from '../../../src/lib/data/digits-format.ts';

export function loadSource(): TrainedCnn {
  const dir = new URL('../../../public/models/digits-cnn-0to4/', import.meta.url);
  return decodeModel(
    JSON.parse(readFileSync(new URL('model.json', dir), 'utf8')) as Parameters<
      typeof decodeModel
    >[0],
    new Uint8Array(readFileSync(new URL('weights.bin', dir))).buffer,
  );
}

export const loadDigitsSet = (): DigitsSet => buildDigitsSet();
