// Pure: no DOM. Messages between the playground widget and its training worker (one union each
// way, told apart by `type`). The same messages drive the main-thread fallback.
import type { PlaygroundState } from './state.ts';
import type { Divergence, LiveSettings } from './trainer.ts';

export type ToRunner =
  /** Start a new run (Reset, New seed, any setup change). `run` tags its snapshots. */
  | { type: 'init'; run: number; state: PlaygroundState; stepsPerSecond: number }
  | { type: 'play' }
  | { type: 'pause' }
  /** Train one epoch, then pause. */
  | { type: 'step' }
  /** Pause and put back the weights with the lowest test loss so far (early stopping). */
  | { type: 'restore-best' }
  | { type: 'set'; live: Partial<LiveSettings> }
  | { type: 'speed'; stepsPerSecond: number }
  | { type: 'dispose' };

/** What the view needs after some training: counters, losses and the weights to draw. */
export interface Snapshot {
  run: number;
  playing: boolean;
  /** True in the snapshot posted when training stopped by itself (diverged, nothing to train). */
  stopped: boolean;
  step: number;
  epoch: number;
  examples: number;
  /** Training examples per second over the last second of training (0 when paused). */
  examplesPerSecond: number;
  learningRate: number;
  /** The loss history flattened: [step, epoch, train, test] per point. */
  history: Float64Array;
  weights: Float32Array[];
  biases: Float32Array[];
  diverged: Divergence | null;
  /** The point with the lowest test loss so far (marked on the chart), or null. */
  best: { step: number; epoch: number; train: number; test: number } | null;
  /** Training examples available (0: nothing to train on, e.g. no points drawn yet). */
  trainSize: number;
}

export type FromRunner =
  { type: 'snapshot'; snapshot: Snapshot } | { type: 'error'; run: number; message: string };

/** Unflattens Snapshot.history. */
export function historyPoints(
  h: Float64Array,
): Array<{ step: number; epoch: number; train: number; test: number }> {
  const out = [];
  for (let k = 0; k + 3 < h.length; k += 4) {
    out.push({ step: h[k]!, epoch: h[k + 1]!, train: h[k + 2]!, test: h[k + 3]! });
  }
  return out;
}
