// Pure: no DOM. The matrix-multiplication benchmark of the hardware lesson: what it measures
// (GFLOP/s of an n×n by n×n product), the sizes and backends it runs, how its results are summed
// up in words, and the state the quiz reads. Used by the worker, the widget and tests.
import type { BackendName } from '../ml/backend-order.ts';

/** Matrix sizes the benchmark offers (n for an n×n · n×n product). */
export const BENCH_SIZES = [64, 128, 256, 512, 1024] as const;
export type BenchSize = (typeof BENCH_SIZES)[number];

/** Backends in the order the widget lists them. */
export const BENCH_BACKENDS: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export const BACKEND_LABELS: Readonly<Record<BackendName, string>> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WebAssembly',
  cpu: 'CPU (plain JavaScript)',
};

/**
 * Floating-point operations of one n×n by n×n product: n² outputs, each n multiplies and n − 1
 * adds, counted as the conventional 2n³ (one multiply-add = 2 operations).
 */
export function matmulFlops(n: number): number {
  return 2 * n * n * n;
}

/** GFLOP/s from `reps` products of size n in `seconds`. */
export function gflops(n: number, reps: number, seconds: number): number {
  if (!(seconds > 0) || !(reps > 0)) return 0;
  return (matmulFlops(n) * reps) / seconds / 1e9;
}

/** One measured point. */
export interface BenchPoint {
  backend: BackendName;
  n: number;
  /** products timed (after one warm-up product) */
  reps: number;
  seconds: number;
  gflops: number;
}

/** A backend that could not run, with the reason shown to the reader. */
export interface BenchSkip {
  backend: BackendName;
  reason: string;
}

/**
 * How many products to time next, given how long the previous batch took: doubles until a batch
 * fills `budgetMs`, so small sizes are timed over many products and 1024 over one or two.
 * @returns 0 when the measurement is long enough
 */
export function nextReps(prevReps: number, prevMs: number, budgetMs: number): number {
  if (prevMs >= budgetMs) return 0;
  if (prevMs <= 0) return prevReps * 8;
  const factor = Math.min(8, Math.max(2, Math.ceil((budgetMs / prevMs) * 1.2)));
  return prevReps * factor;
}

/** Fastest backend at size n among the points (undefined if none measured n). */
export function fastestAt(points: readonly BenchPoint[], n: number): BenchPoint | undefined {
  let best: BenchPoint | undefined;
  for (const p of points) if (p.n === n && (!best || p.gflops > best.gflops)) best = p;
  return best;
}

/** GFLOP/s as a short string: 3 significant figures. */
export function formatGflops(v: number): string {
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/**
 * The summary sentence under the chart: the fastest backend at the largest size measured, and how
 * many times faster it is than the slowest there.
 */
export function summarise(points: readonly BenchPoint[]): string {
  if (points.length === 0) return 'No results yet: press Run to measure your device.';
  const n = Math.max(...points.map((p) => p.n));
  const at = points.filter((p) => p.n === n).sort((a, b) => b.gflops - a.gflops);
  const best = at[0];
  if (!best) return '';
  const worst = at[at.length - 1];
  const head = `At ${n}×${n}, ${BACKEND_LABELS[best.backend]} is fastest on this device: ${formatGflops(best.gflops)} GFLOP/s`;
  if (!worst || worst === best || worst.gflops <= 0) return `${head}.`;
  const ratio = best.gflops / worst.gflops;
  return `${head}, ${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1)}× ${BACKEND_LABELS[worst.backend]}.`;
}

/** The state the quiz reads from the widget. */
export interface BenchQuizState {
  [key: string]: unknown;
  done: boolean;
  points: Array<{ backend: string; n: number; gflops: number }>;
  skipped: string[];
}
