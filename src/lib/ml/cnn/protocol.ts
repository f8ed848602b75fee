// Pure: no DOM. Messages between a page and the CNN worker (src/workers/cnn.worker.ts), and
// between the primary worker and its gradient helper when a batch is split across two workers.
import type { OptimizerName } from '../dense/optimizers.ts';
import type { CnnSpec, CnnWeights } from './spec.ts';

export interface CnnInit {
  type: 'init';
  /** Absolute URL of the packed digits (workers do not resolve root-relative URLs). */
  dataUrl: string;
  seed?: number;
  learningRate?: number;
  batchSize?: number;
  optimizer?: OptimizerName;
  spec?: CnnSpec;
  classes?: number[];
  weights?: CnnWeights;
  /** A port to a helper worker that computes half of every batch's gradient. */
  helper?: MessagePort;
  /** Evaluate on the test digits while playing at most this often (default 1000 ms; 0 = never). */
  evalEveryMs?: number;
}

export type ToCnnWorker =
  | CnnInit
  | { type: 'helper'; dataUrl: string; port: MessagePort; spec?: CnnSpec }
  /** Train continuously (in slices) until pause, or for `ms` of training time if given. */
  | { type: 'play'; ms?: number; untilAccuracy?: number }
  | { type: 'pause' }
  | { type: 'set'; learningRate: number }
  | { type: 'evaluate'; limit?: number }
  | { type: 'getWeights' }
  | { type: 'setWeights'; weights: CnnWeights };

export interface CnnProgress {
  type: 'progress';
  steps: number;
  examples: number;
  epoch: number;
  /** Mean batch loss since the last progress message. */
  loss: number;
  /** Training examples per second of training time over the last second or so. */
  examplesPerSec: number;
  /** Training time so far (evaluation excluded), ms. */
  trainMs: number;
  /** Latest test accuracy, if evaluated since the last progress message. */
  testAccuracy: number | null;
  playing: boolean;
}

export type FromCnnWorker =
  | { type: 'ready'; trainSize: number; testSize: number; workers: 1 | 2 }
  | CnnProgress
  | {
      type: 'evaluation';
      accuracy: number;
      loss: number;
      count: number;
      confusion: Uint32Array;
      trainMs: number;
      examples: number;
    }
  | { type: 'weights'; weights: CnnWeights }
  | { type: 'error'; message: string };

/** Primary → helper: the gradient of `indices` (scaled by 1/scaleBy) at `params` (flat). */
export interface GradRequest {
  id: number;
  params: Float32Array;
  indices: Uint32Array;
  scaleBy: number;
}

/** Helper → primary. */
export interface GradReply {
  id: number;
  grads: Float32Array;
  loss: number;
  correct: number;
}

/** Concatenates arrays into one (for one transfer). */
export function flatten(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Copies `flat` back into `parts` (same sizes as flatten's input). */
export function unflattenInto(flat: Float32Array, parts: readonly Float32Array[]): void {
  let o = 0;
  for (const p of parts) {
    p.set(flat.subarray(o, o + p.length));
    o += p.length;
  }
}
