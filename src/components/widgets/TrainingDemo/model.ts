// Pure: no DOM. The TrainingDemo's settings: parsing data-* props, the URL-state schema, and the
// MLP config sent to the trainer. Text for the live summaries.
import { DATASET_NAMES, type DatasetName } from '../../../lib/ml/datasets.ts';
import type { Activation, MlpConfig, OptimizerName } from '../../../lib/ml/protocol.ts';
import type { BackendName } from '../../../lib/ml/backend-order.ts';
import type { Schema, Values } from '../../../lib/state/url-state.ts';

export const ACTIVATIONS: readonly Activation[] = ['tanh', 'relu', 'sigmoid', 'linear'];
export const LEARNING_RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;
export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** What the URL may carry for this widget. */
export const urlSchema = {
  data: { kind: 'enum', default: 'spiral', options: DATASET_NAMES },
  lr: { kind: 'number', default: 0.03, min: 1e-5, max: 10 },
  seed: { kind: 'int', default: 1, min: 0, max: 4_294_967_295 },
  act: { kind: 'enum', default: 'tanh', options: ACTIVATIONS },
  layers: { kind: 'intList', default: [8, 8], min: 1, max: 32, maxLength: 4 },
  // The reader's backend choice travels with the rest of the setup (issue 10).
  backend: { kind: 'enum', default: 'auto', options: BACKEND_CHOICES },
} satisfies Schema;
export type UrlValues = Values<typeof urlSchema>;

export interface DemoSettings {
  dataset: DatasetName;
  hidden: number[];
  activation: Activation;
  learningRate: number;
  seed: number;
  optimizer: OptimizerName;
  batchSize: number;
  noise: number;
  n: number;
  /** Steps per press of Step. */
  stepSize: number;
  /** Steps per second at speed 1×. */
  baseSpeed: number;
  backend: BackendChoice;
  /** Train in a worker (false: main thread, for comparison and tests). */
  worker: boolean;
  /** URL-state namespace; '' = do not touch the URL. */
  stateId: string;
}

const num = (raw: string | undefined, fallback: number, lo: number, hi: number): number => {
  const v = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(v) && v >= lo && v <= hi ? v : fallback;
};

/** Reads settings from data-* attributes; anything malformed takes its default. */
export function parseProps(d: Record<string, string | undefined>): DemoSettings {
  const dataset = (DATASET_NAMES as readonly string[]).includes(d['dataset'] ?? '')
    ? (d['dataset'] as DatasetName)
    : 'spiral';
  const activation = (ACTIVATIONS as readonly string[]).includes(d['activation'] ?? '')
    ? (d['activation'] as Activation)
    : 'tanh';
  const layers = (d['layers'] ?? '8-8')
    .split(/[-,\s]+/)
    .filter(Boolean)
    .map(Number);
  const hidden =
    layers.length >= 1 &&
    layers.length <= 4 &&
    layers.every((h) => Number.isInteger(h) && h >= 1 && h <= 32)
      ? layers
      : [8, 8];
  const optimizer =
    (['sgd', 'momentum', 'adam'] as const).find((o) => o === d['optimizer']) ?? 'adam';
  const backend = BACKEND_CHOICES.find((b) => b === d['backend']) ?? 'auto';
  return {
    dataset,
    hidden,
    activation,
    learningRate: num(d['learningRate'], 0.03, 1e-5, 10),
    seed: Math.trunc(num(d['seed'], 1, 0, 4_294_967_295)),
    optimizer,
    batchSize: Math.trunc(num(d['batchSize'], 10, 1, 200)),
    noise: num(d['noise'], 0.1, 0, 1),
    n: Math.trunc(num(d['points'], 200, 20, 1000)),
    stepSize: Math.trunc(num(d['stepSize'], 10, 1, 10_000)),
    baseSpeed: num(d['baseSpeed'], 30, 1, 10_000),
    backend,
    worker: d['worker'] !== 'off',
    stateId: /^[a-z][a-z0-9-]{0,31}$/.test(d['stateId'] ?? '') ? d['stateId']! : '',
  };
}

export function toUrlValues(s: DemoSettings): UrlValues {
  return {
    data: s.dataset,
    lr: s.learningRate,
    seed: s.seed,
    act: s.activation,
    layers: s.hidden,
    backend: s.backend,
  };
}

export function fromUrlValues(s: DemoSettings, v: UrlValues): DemoSettings {
  return {
    ...s,
    dataset: v.data as DatasetName,
    learningRate: v.lr,
    seed: v.seed,
    activation: v.act as Activation,
    hidden: [...v.layers],
    backend: v.backend as BackendChoice,
  };
}

/** The trainer config for these settings (test share fixed at 20%). */
export function toConfig(s: DemoSettings): MlpConfig {
  return {
    kind: 'mlp',
    dataset: s.dataset,
    n: s.n,
    noise: s.noise,
    testFraction: 0.2,
    hidden: s.hidden,
    activation: s.activation,
    optimizer: s.optimizer,
    learningRate: s.learningRate,
    batchSize: s.batchSize,
    l2: 0,
  };
}

export function backendLabel(b: BackendName | BackendChoice): string {
  return { auto: 'Auto', webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU' }[b];
}

/** "Architecture 2-8-8-1, tanh" style description. */
export function architecture(s: Pick<DemoSettings, 'hidden' | 'activation'>): string {
  return `2-${s.hidden.join('-')}-1 with ${s.activation} activations`;
}

/** One sentence on the decision boundary for the live region. */
export function boundarySummary(share1: number, accuracy: number | null): string {
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const acc =
    accuracy === null || !Number.isFinite(accuracy) ? '' : ` Test accuracy ${pct(accuracy)}.`;
  return `The network predicts class B (squares) on ${pct(share1)} of the plane and class A (circles) on the rest.${acc}`;
}
