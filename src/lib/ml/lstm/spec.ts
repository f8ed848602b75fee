// Pure: no DOM. The recurrent model as data: an LSTM or tanh-RNN layer followed by a dense
// softmax head, with weights as Float32Arrays laid out exactly like tfjs's layers
// (tf.layers.lstm / tf.layers.simpleRNN + tf.layers.dense), so weights move between the two
// unchanged. Used by the typed-array engine, workers, scripts and tests.
import type { Rng } from '../rng.ts';

/** 'lstm': gates i, f, c̃, o (tfjs/Keras order). 'rnn': h_t = tanh(x W + h U + b). */
export type CellKind = 'lstm' | 'rnn';

export interface RecurrentSpec {
  readonly cell: CellKind;
  /** Features per step (the vocabulary size when inputs are token ids, i.e. one-hot). */
  readonly inputSize: number;
  readonly hiddenSize: number;
  /** Classes of the softmax head (0: no head). */
  readonly outputSize: number;
}

/**
 * Trainable values. With G = 4 (LSTM) or 1 (RNN) and H = hiddenSize:
 * - kernel    [inputSize × G·H]  row-major (tfjs `kernel`)
 * - recurrent [H × G·H]          (tfjs `recurrentKernel`)
 * - bias      [G·H]
 * - outKernel [H × outputSize]   (tfjs dense `kernel`)
 * - outBias   [outputSize]
 * Column blocks of the LSTM's G·H: [0,H) input gate, [H,2H) forget gate, [2H,3H) candidate,
 * [3H,4H) output gate.
 */
export interface RecurrentWeights {
  kernel: Float32Array;
  recurrent: Float32Array;
  bias: Float32Array;
  outKernel: Float32Array;
  outBias: Float32Array;
}

export interface RecurrentModel {
  readonly spec: RecurrentSpec;
  readonly weights: RecurrentWeights;
}

/** Names of the weight arrays in their fixed order (also the order of tfjs's getWeights()). */
export const weightNames = ['kernel', 'recurrent', 'bias', 'outKernel', 'outBias'] as const;

/** Gate blocks per unit: 4 for an LSTM, 1 for a plain RNN. */
export function gateCount(cell: CellKind): number {
  return cell === 'lstm' ? 4 : 1;
}

/** Shapes of the weight arrays, in `weightNames` order (tfjs shapes). */
export function weightShapes(spec: RecurrentSpec): number[][] {
  const g = gateCount(spec.cell) * spec.hiddenSize;
  return [
    [spec.inputSize, g],
    [spec.hiddenSize, g],
    [g],
    [spec.hiddenSize, spec.outputSize],
    [spec.outputSize],
  ];
}

/**
 * Parameters of the recurrent layer alone: G·(H·(H + X) + H), i.e. 4·(h·(h + x) + h) for an LSTM.
 */
export function recurrentParamCount(spec: RecurrentSpec): number {
  const h = spec.hiddenSize;
  return gateCount(spec.cell) * (h * (h + spec.inputSize) + h);
}

/** All parameters including the softmax head (H·V + V). */
export function paramCount(spec: RecurrentSpec): number {
  return recurrentParamCount(spec) + spec.hiddenSize * spec.outputSize + spec.outputSize;
}

export function validateSpec(spec: RecurrentSpec): void {
  for (const k of ['inputSize', 'hiddenSize', 'outputSize'] as const) {
    const v = spec[k];
    if (!Number.isInteger(v) || v < (k === 'outputSize' ? 0 : 1))
      throw new RangeError(`${k} must be a positive integer, got ${v}`);
  }
  if (spec.cell !== 'lstm' && spec.cell !== 'rnn')
    throw new RangeError(`cell must be 'lstm' or 'rnn', got ${String(spec.cell)}`);
}

export function zeroWeights(spec: RecurrentSpec): RecurrentWeights {
  const [k, r, b, ok, ob] = weightShapes(spec).map(
    (s) => new Float32Array(s.reduce((a, c) => a * c, 1)),
  );
  return { kernel: k!, recurrent: r!, bias: b!, outKernel: ok!, outBias: ob! };
}

/**
 * A new model from a seeded generator: Glorot-uniform kernels (as tfjs), a scaled-uniform
 * recurrent matrix with limit √(3/H) (variance 1/H: keeps h·U near unit scale without tfjs's
 * orthogonal QR), zero biases except the LSTM's forget gate at 1 (tfjs's unitForgetBias).
 */
export function createModel(spec: RecurrentSpec, rng: Rng): RecurrentModel {
  validateSpec(spec);
  const w = zeroWeights(spec);
  const H = spec.hiddenSize;
  const G = gateCount(spec.cell) * H;
  const glorot = (a: Float32Array, fanIn: number, fanOut: number) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < a.length; i++) a[i] = rng.uniform(-limit, limit);
  };
  glorot(w.kernel, spec.inputSize, G);
  const lim = Math.sqrt(3 / H);
  for (let i = 0; i < w.recurrent.length; i++) w.recurrent[i] = rng.uniform(-lim, lim);
  if (spec.cell === 'lstm') w.bias.fill(1, H, 2 * H);
  if (spec.outputSize > 0) glorot(w.outKernel, H, spec.outputSize);
  return { spec: { ...spec }, weights: w };
}

/** The weight arrays in `weightNames` order (shared, not copied). */
export function weightList(w: RecurrentWeights): Float32Array[] {
  return [w.kernel, w.recurrent, w.bias, w.outKernel, w.outBias];
}

/** Weights from arrays in `weightNames` order (copied); throws if a size does not match. */
export function weightsFromList(
  spec: RecurrentSpec,
  arrays: readonly ArrayLike<number>[],
): RecurrentWeights {
  const w = zeroWeights(spec);
  const list = weightList(w);
  if (arrays.length !== list.length)
    throw new RangeError(`expected ${list.length} weight arrays, got ${arrays.length}`);
  list.forEach((dst, i) => {
    const src = arrays[i]!;
    if (src.length !== dst.length)
      throw new RangeError(`${weightNames[i]} has ${src.length} values, expected ${dst.length}`);
    dst.set(src);
  });
  return w;
}

export function cloneModel(m: RecurrentModel): RecurrentModel {
  return { spec: { ...m.spec }, weights: weightsFromList(m.spec, weightList(m.weights)) };
}
