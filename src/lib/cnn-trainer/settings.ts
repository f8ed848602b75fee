// Pure: no DOM. The CNN trainer widget's settings: defaults, the choices the controls offer, the
// URL form (?cnn.model=dense&cnn.lr=0.003&cnn.seed=2) and props parsing.
import type { Schema, Values } from '../state/url-state.ts';
import { modelKinds, type ModelKind } from './model.ts';

/** Learning rates offered by the control (Adam). */
export const learningRates = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1] as const;
export const DEFAULT_LEARNING_RATE = 0.003;
export const DEFAULT_SEED = 1;
export const BATCH_SIZE = 32;

export interface TrainerSettings {
  kind: ModelKind;
  learningRate: number;
  seed: number;
  batchSize: number;
  /** URL namespace, '' for none. */
  stateId: string;
  /** Train in a worker (false: main-thread slices, for tests of the fallback). */
  worker: boolean;
}

export const urlSchema = {
  model: { kind: 'enum', default: 'cnn', options: modelKinds },
  lr: { kind: 'number', default: DEFAULT_LEARNING_RATE, min: 1e-5, max: 1 },
  seed: { kind: 'int', default: DEFAULT_SEED, min: 0, max: 4_294_967_295 },
} satisfies Schema;

export type UrlValues = Values<typeof urlSchema>;

const num = (v: string | undefined, d: number) => {
  const n = v === undefined || v.trim() === '' ? NaN : Number(v);
  return Number.isFinite(n) ? n : d;
};

/** Settings from the element's data-* attributes (all optional). */
export function parseProps(data: Record<string, string | undefined>): TrainerSettings {
  const kind = modelKinds.find((k) => k === data['model']) ?? 'cnn';
  return {
    kind,
    learningRate: Math.min(1, Math.max(1e-5, num(data['lr'], DEFAULT_LEARNING_RATE))),
    seed: Math.max(0, Math.trunc(num(data['seed'], DEFAULT_SEED))) >>> 0,
    batchSize: Math.min(256, Math.max(1, Math.trunc(num(data['batch'], BATCH_SIZE)))),
    stateId: data['stateId'] ?? '',
    worker: data['worker'] !== 'false',
  };
}

export function toUrlValues(s: TrainerSettings): UrlValues {
  return { model: s.kind, lr: s.learningRate, seed: s.seed };
}

export function fromUrlValues(s: TrainerSettings, v: UrlValues): TrainerSettings {
  const kind = modelKinds.find((k) => k === v.model) ?? s.kind;
  return { ...s, kind, learningRate: v.lr, seed: v.seed };
}

export const modelLabels: Record<ModelKind, string> = {
  cnn: 'Convolutional network',
  dense: 'Dense network',
};
