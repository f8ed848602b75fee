// Pure: the state of one CNN-trainer run (its model, data, order and counters), used by runner.ts.
import type { DigitsSet } from '../data/digits-format.ts';
import type { Rng } from '../ml/rng.ts';
import type { DigitModel } from './model.ts';
import type { RunSettings } from './protocol.ts';

export interface Run {
  id: number;
  settings: RunSettings;
  model: DigitModel;
  data: DigitsSet;
  trainX: Float32Array;
  testX: Float32Array;
  rng: Rng;
  order: Uint32Array;
  cursor: number;
  batch: number;
  examples: number;
  seconds: number;
  lossSum: number;
  lossCount: number;
  trainLoss: number;
  testAccuracy: number | null;
  evaluatedAt: number;
  trained: boolean;
  diverged: boolean;
  batchX: Float32Array;
  batchY: Uint8Array;
  /** Training-set positions of the current batch (what the helper is told). */
  batchIdx: Uint32Array;
}

/** Pixels 0–255 as floats in 0–1. */
export const toFloat = (bytes: Uint8Array) => {
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]! / 255;
  return out;
};
