// Pure: no DOM. Messages between the transfer-learning widget (lesson 5.1) and its worker
// (src/workers/transfer.worker.ts). A run computes one point per N, in order, and reports each.
import type { TransferPoint } from './transfer.ts';

export type ToTransferWorker =
  | { type: 'init' }
  /** Compute these N (ascending) for `seed`; a newer run (higher id) cancels an older one. */
  | { type: 'run'; id: number; seed: number; ns: number[] };

export type FromTransferWorker =
  | { type: 'ready'; sourceAccuracy: number; testCount: number }
  | { type: 'point'; id: number; seed: number; point: TransferPoint; ms: number }
  | { type: 'done'; id: number; seed: number }
  | { type: 'error'; message: string };
