// Pure: no DOM. Training batches for next-character prediction: B windows of T+1 characters at
// seeded random offsets of the encoded corpus; inputs are the first T, targets the next T.
import type { Rng } from '../ml/rng.ts';
import type { SequenceBatch } from '../ml/lstm/index.ts';

export interface CharBatch extends SequenceBatch {
  readonly tokens: Int32Array;
  readonly targets: Int32Array;
}

export function createCharBatch(batchSize: number, steps: number): CharBatch {
  return {
    batchSize,
    steps,
    tokens: new Int32Array(batchSize * steps),
    targets: new Int32Array(batchSize * steps),
  };
}

/** Refills `batch` with new windows of `ids` drawn by `rng`. */
export function fillCharBatch(batch: CharBatch, ids: Int32Array, rng: Rng): CharBatch {
  const { batchSize: B, steps: T } = batch;
  if (ids.length < T + 1) throw new RangeError('the corpus is shorter than one window');
  for (let b = 0; b < B; b++) {
    const start = rng.int(ids.length - T);
    batch.tokens.set(ids.subarray(start, start + T), b * T);
    batch.targets.set(ids.subarray(start + 1, start + T + 1), b * T);
  }
  return batch;
}

/** Perplexity of a mean cross-entropy in nats: e^loss. */
export function perplexity(loss: number): number {
  return Math.exp(loss);
}
