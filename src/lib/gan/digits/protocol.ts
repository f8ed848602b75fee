// Pure: no DOM. Messages between the digits-GAN widget and its training worker (one union each
// way, told apart by `type`).
import type { GpuEngine } from '../../ml/gpu-engine.ts';

export type ToDigitsRunner =
  /**
   * A new run from `seed` (Reset, new seed). `run` tags its snapshots. `conditional` (default
   * true): G and D are told the digit; false trains the same networks without labels.
   */
  | { type: 'init'; run: number; seed: number; conditional?: boolean }
  | { type: 'play' }
  | { type: 'pause' }
  /** Replace the weights by the (conditional) generator and discriminator shipped with the site. */
  | { type: 'load-trained'; run: number }
  | { type: 'dispose' };

/** The classifier's verdict on the 256 samples from the fixed noise. */
export interface QualityReading {
  /** Training seconds and iteration the reading was taken at. */
  seconds: number;
  iteration: number;
  coverage: number;
  confidence: number;
  /** Conditional GAN: share of the samples read as the digit they were asked for (else null). */
  agreement: number | null;
  counts: number[];
  /** Top class and its probability for the first GRID_SAMPLES samples (the grid). */
  gridLabels: number[];
  gridProbs: number[];
}

export interface DigitsSnapshot {
  run: number;
  playing: boolean;
  /** Where the weights came from: a fresh seeded start, training, or the shipped generator. */
  source: 'seed' | 'trained';
  /** Whether G and D are told the digit (the grid's column c asks for c) or not. */
  conditional: boolean;
  /** What trains it: the typed-array engine, or tfjs on a GPU backend. */
  engine: GpuEngine;
  iteration: number;
  /** Seconds of training in this run (wall clock while playing, quality checks included). */
  seconds: number;
  itersPerSecond: number;
  /** G's parameters (W1, b1, W2, b2), transferred: the page draws the interpolation from them. */
  generator: Float32Array[];
  /** The grid's GRID_SAMPLES images (14×14 each, 0–1), drawn in the worker. */
  grid: Float32Array;
  dLoss: number;
  gLoss: number;
  dReal: number;
  dFake: number;
  /** Latest classifier reading (null until the first). */
  quality: QualityReading | null;
  /** First reading that met the target (coverage ≥ 8, confidence ≥ 0.8), if any. */
  reached: QualityReading | null;
  diverged: boolean;
}

export type FromDigitsRunner =
  | { type: 'snapshot'; snapshot: DigitsSnapshot }
  | { type: 'status'; run: number; message: string }
  | { type: 'error'; run: number; message: string };

/** Target of the issue and the lesson: coverage ≥ 8 of 10 and mean confidence ≥ 0.8. */
export const TARGET_COVERAGE = 8;
export const TARGET_CONFIDENCE = 0.8;

export function meetsTarget(q: Pick<QualityReading, 'coverage' | 'confidence'>): boolean {
  return q.coverage >= TARGET_COVERAGE && q.confidence >= TARGET_CONFIDENCE;
}
