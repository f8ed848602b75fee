// Pure: no DOM. Messages between the matrix-multiplication widget and its worker.
import type { BackendName } from '../ml/backend-order.ts';
import type { BenchPoint } from './model.ts';

export type BenchCommand = {
  type: 'run';
  backends: BackendName[];
  sizes: number[];
  budgetMs: number;
};

export type BenchReport =
  | { type: 'backend'; backend: BackendName; ok: boolean; reason?: string }
  | { type: 'point'; point: BenchPoint }
  | { type: 'done' }
  | { type: 'error'; message: string };
