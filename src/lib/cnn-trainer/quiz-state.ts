// Pure: no DOM. What the CNN trainer reports to quiz questions (its quizState()), built from the
// widget's state, and the records a run leaves behind (the comparison of the two networks).
import type { ModelKind } from './model.ts';

/** The last evaluation of the latest run of one network trained from scratch. */
export interface ScratchRecord {
  epoch: number;
  accuracy: number;
  seconds: number;
}

export interface CnnTrainerQuizState {
  kind: ModelKind;
  status: string;
  batch: number;
  epoch: number;
  seconds: number;
  /** Test accuracy at the last evaluation, 0–1 (null before one). */
  testAccuracy: number | null;
  /** The shipped trained weights are loaded in this run. */
  trained: boolean;
  learningRate: number;
  seed: number;
  diverged: boolean;
  /** Per network: its latest from-scratch run's last evaluation. */
  scratch: Record<ModelKind, ScratchRecord | null>;
  /** The selected confusion-matrix cell [true, predicted], if any. */
  selected: [number, number] | null;
  /** The largest off-diagonal cell of the current matrix [true, predicted], if any. */
  topMistake: [number, number] | null;
}

/** Updates the per-network records after an evaluation. */
export function recordScratch(
  scratch: Record<ModelKind, ScratchRecord | null>,
  kind: ModelKind,
  trained: boolean,
  r: ScratchRecord,
): Record<ModelKind, ScratchRecord | null> {
  if (trained) return scratch;
  return { ...scratch, [kind]: r };
}
