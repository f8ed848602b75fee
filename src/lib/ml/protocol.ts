// Pure: no DOM. The training runtime's whole message vocabulary: one discriminated union each way,
// shared by the worker entry, the main-thread fallback and the client.
import type { BackendName } from './backend-order';
import type { DatasetName } from './datasets';

export type Activation = 'tanh' | 'relu' | 'sigmoid' | 'linear';
export type OptimizerName = 'sgd' | 'momentum' | 'adam';

/** A 2-D binary classifier: an MLP on one of the 2-D data sets. */
export interface MlpConfig {
  kind: 'mlp';
  dataset: DatasetName;
  /** Number of points (train + test). */
  n: number;
  noise: number;
  /** Spiral only: turns per arm (default 1). */
  turns?: number;
  testFraction: number;
  /** Hidden layer widths, e.g. [8, 8] for 2-8-8-1. */
  hidden: number[];
  activation: Activation;
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  /** L2 penalty on weights (0 = none). */
  l2: number;
}

/** LeNet-style CNN on 28×28 single-channel images (synthetic, seeded), 10 classes. */
export interface CnnConfig {
  kind: 'cnn';
  batchSize: number;
  learningRate: number;
}

/** One LSTM layer over sequences (synthetic, seeded) with a regression head. */
export interface LstmConfig {
  kind: 'lstm';
  units: number;
  seqLength: number;
  batchSize: number;
  learningRate: number;
}

/** A 2-D GAN: generator 2-16-16-2 against discriminator 2-16-16-1. */
export interface GanConfig {
  kind: 'gan';
  batchSize: number;
  learningRate: number;
}

export type WorkloadConfig = MlpConfig | CnnConfig | LstmConfig | GanConfig;

/** Hyperparameters a `set` message may change while training. */
export type HyperName = 'learningRate' | 'batchSize' | 'l2' | 'speed';

/** What a snapshot should contain. */
export interface SnapshotRequest {
  /** Caller's id, echoed back. */
  id: number;
  /** Decision-boundary grid resolution (cells per side) for 2-D classifiers. */
  grid?: number;
  /** Include the weights. */
  weights?: boolean;
}

export interface InitOptions {
  /** 'auto' (probe and cache) or a backend the reader picked. */
  backend: BackendName | 'auto';
  /** A previous probe's choice for this workload on this device (from storage), if any. */
  cached?: BackendName | undefined;
  /** Steps per second cap while playing; 0 = as fast as possible. */
  speed: number;
}

/** Page → trainer. */
export type ToTrainer =
  | { type: 'init'; config: WorkloadConfig; seed: number; options: InitOptions }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; n: number }
  | { type: 'reset'; seed?: number }
  | { type: 'set'; name: HyperName; value: number }
  | { type: 'snapshot'; request: SnapshotRequest }
  | { type: 'backend'; backend: BackendName }
  /** For tests: make the GPU backend lose its context (WEBGL_lose_context / device.destroy). */
  | { type: 'simulate'; event: 'context-loss' }
  | { type: 'dispose' };

export interface ProgressMessage {
  type: 'progress';
  step: number;
  epoch: number;
  /** Loss of the last training batch. */
  batchLoss: number;
  /** Loss over the whole training set (classifiers) or a fixed evaluation batch. */
  trainLoss: number;
  /** Loss on held-out data, when the workload has any. */
  testLoss: number | null;
  /** Accuracy on held-out data (classifiers), 0–1. */
  testAccuracy: number | null;
  stepsPerSec: number;
  examplesPerSec: number;
  backend: BackendName;
  playing: boolean;
  /** Measured steps/s per backend when a probe ran, for caching. */
  probe?: Partial<Record<BackendName, number>>;
  /** A short note for the reader (e.g. a fallback after a lost graphics context). */
  notice?: string;
}

export interface SnapshotMessage {
  type: 'snapshot';
  id: number;
  step: number;
  grid?: { size: number; domain: [number, number]; values: Float32Array };
  weights?: { shape: number[]; values: Float32Array }[];
}

/** Trainer → page. */
export type FromTrainer =
  | ProgressMessage
  | SnapshotMessage
  | { type: 'diverged'; step: number; loss: number }
  | { type: 'error'; message: string };
