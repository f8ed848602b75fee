// Pure: no DOM. Messages between the character-model widget and its training worker
// (src/workers/lstm.worker.ts), as discriminated unions; the listener on each side is set once.
import type { BackendName } from '../ml/backend-order.ts';
import type { CharBenchResult } from './bench.ts';
import type { CharEngine } from './engine-choice.ts';

export type CharCommand =
  /** Fetch the corpus and the shipped model from `base` (e.g. "/models/charlm/"); load it. */
  | { type: 'init'; base: string; temperature: number; prompt: string }
  /** Back to the shipped, trained weights (paused). */
  | { type: 'load-trained' }
  /** A new model from `seed` (paused; train with 'play'). */
  | { type: 'scratch'; seed: number }
  | { type: 'play' }
  | { type: 'pause' }
  /** Sampling settings for the samples sent while training and for 'sample'. */
  | { type: 'set'; temperature?: number; prompt?: string; learningRate?: number }
  /** One sample now, from the prompt, at the current temperature. */
  | { type: 'sample'; count?: number }
  | { type: 'dispose' }
  /** Timing for scripts/bench/lstm.mjs: the engine vs tfjs backends, and generation speed. */
  | { type: 'bench'; base: string; seconds: number; backends: BackendName[] };

export interface CharProgress {
  type: 'progress';
  source: 'trained' | 'scratch';
  running: boolean;
  /** Optimisation steps of the current model (the shipped model counts its training steps). */
  step: number;
  /** Smoothed training loss in nats per character (null before the first step). */
  loss: number | null;
  /** Loss on the held-out tail of the corpus (null until measured). */
  heldOutLoss: number | null;
  /** Training characters processed per second, over the last second of training. */
  charsPerSec: number;
  /** New [step, loss] points since the last progress message. */
  points: [number, number][];
  /** Whether `points` restart the curve (a new or reloaded model). */
  restart: boolean;
  /** What trains the model: the typed-array engine, or tfjs on a GPU (the worker's probe). */
  engine: CharEngine;
}

export interface CharSample {
  type: 'sample';
  text: string;
  prompt: string;
  temperature: number;
  step: number;
  source: 'trained' | 'scratch';
}

export interface CharReady {
  type: 'ready';
  vocabSize: number;
  hiddenSize: number;
  params: number;
  corpusChars: number;
  trainedSteps: number;
  trainedLoss: number;
}

export type CharMessage =
  | CharReady
  | CharProgress
  | CharSample
  | { type: 'bench'; result: CharBenchResult }
  | { type: 'error'; message: string };
