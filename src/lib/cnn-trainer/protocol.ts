// Pure: no DOM. Messages between the CNN trainer widget and its training worker: one union each
// way, told apart by `type`. The same messages drive the main-thread fallback.
import type { KernelImages, LayerMaps, ModelKind } from './model.ts';

export interface RunSettings {
  kind: ModelKind;
  seed: number;
  learningRate: number;
  batchSize: number;
  /** Where the packed digits are served (absolute URL inside a worker). */
  dataUrl: string;
  /** Where the shipped trained CNN is served (absolute URL inside a worker). */
  modelUrl: string;
}

export type ToRunner =
  /** Start a new run (first use, Reset, model switch). `run` tags every reply. */
  | { type: 'init'; run: number; settings: RunSettings }
  | { type: 'play' }
  | { type: 'pause' }
  /** Train `batches` batches, then pause and evaluate. */
  | { type: 'step'; batches: number }
  | { type: 'set-lr'; learningRate: number }
  /** Replace the CNN's weights with the shipped trained model (pauses). */
  | { type: 'load-trained' }
  /** Every layer's output for test digit `index`, or for a drawn 784-pixel image. */
  | { type: 'activations'; id: number; index?: number; image?: Float32Array }
  /** Class probabilities for 784-pixel images (count × 784). */
  | { type: 'classify'; id: number; images: Float32Array; count: number }
  /**
   * A port to a gradient helper (the cnn-core worker in helper mode, src/workers/cnn.worker.ts):
   * the CNN's batches are then split in two halves computed on two cores.
   */
  | { type: 'helper'; port: MessagePort }
  | { type: 'dispose' };

export interface Progress {
  run: number;
  kind: ModelKind;
  playing: boolean;
  /** Optimizer steps (batches) so far. */
  batch: number;
  /** Completed passes over the 8,000 training digits, fractional. */
  epoch: number;
  examples: number;
  /** Seconds spent training in this run (not counting pauses). */
  seconds: number;
  /** Running mean of recent batch losses (NaN before the first batch). */
  trainLoss: number;
  /** Share of the 2,000 test digits right at the last evaluation (null before one). */
  testAccuracy: number | null;
  /** Batches done when testAccuracy was measured. */
  evaluatedAt: number;
  examplesPerSecond: number;
  learningRate: number;
  backend: string;
  paramCount: number;
  /** True once the shipped trained weights were loaded into this run. */
  trained: boolean;
  diverged: boolean;
}

/** An evaluation on the test digits: the predicted class of each (for the confusion matrix). */
export interface Evaluation {
  run: number;
  batch: number;
  epoch: number;
  /** The run holds the shipped trained weights (not a from-scratch run). */
  trained: boolean;
  /** Measured while training goes on (false: on pause, step, load or start). */
  playing: boolean;
  accuracy: number;
  predicted: Uint8Array;
}

export type FromRunner =
  | {
      type: 'ready';
      run: number;
      testLabels: Uint8Array;
      testImages: Uint8Array;
      trainCount: number;
    }
  | { type: 'progress'; progress: Progress }
  | { type: 'evaluation'; evaluation: Evaluation }
  | { type: 'kernels'; run: number; kernels: KernelImages }
  | { type: 'activations'; id: number; layers: LayerMaps[] }
  | { type: 'classified'; id: number; probabilities: Float32Array }
  | { type: 'error'; run: number; message: string };
