// Pure: no DOM. One step at a time, for generation and inspection: keeps h (and c) for a batch of
// one and returns the logits and gate activations of each new input. Used by sampling and the
// gate viewer.
import { gateCount, type RecurrentModel } from './spec.ts';

export interface StepState {
  readonly hidden: Float32Array;
  readonly cell: Float32Array;
  /** Activated gates of the last step (LSTM: i, f, c̃, o blocks of H). */
  readonly gates: Float32Array;
  /** Logits of the last step's head. */
  readonly logits: Float32Array;
}

export function createStepState(model: RecurrentModel): StepState {
  const { hiddenSize: H, outputSize: V, cell } = model.spec;
  return {
    hidden: new Float32Array(H),
    cell: new Float32Array(H),
    gates: new Float32Array(gateCount(cell) * H),
    logits: new Float32Array(V),
  };
}

export function resetStepState(s: StepState): void {
  s.hidden.fill(0);
  s.cell.fill(0);
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
let zBuf = new Float64Array(0);

/**
 * Feeds one input (a token id, or a feature vector) and updates the state in place; fills
 * `state.gates` and `state.logits`. Same arithmetic as forward().
 */
export function stepModel(
  model: RecurrentModel,
  state: StepState,
  input: number | Float32Array,
): void {
  const { spec, weights: w } = model;
  const H = spec.hiddenSize;
  const V = spec.outputSize;
  const G = gateCount(spec.cell) * H;
  if (zBuf.length < G) zBuf = new Float64Array(G);
  const z = zBuf;
  const Wx = w.kernel;
  const Wh = w.recurrent;
  for (let j = 0; j < G; j++) z[j] = w.bias[j]!;
  if (typeof input === 'number') {
    const row = input * G;
    for (let j = 0; j < G; j++) z[j] = z[j]! + Wx[row + j]!;
  } else {
    for (let k = 0; k < spec.inputSize; k++) {
      const xk = input[k]!;
      if (xk === 0) continue;
      for (let j = 0; j < G; j++) z[j] = z[j]! + xk * Wx[k * G + j]!;
    }
  }
  const h = state.hidden;
  for (let k = 0; k < H; k++) {
    const hk = h[k]!;
    if (hk === 0) continue;
    const row = k * G;
    for (let j = 0; j < G; j++) z[j] = z[j]! + hk * Wh[row + j]!;
  }
  const gates = state.gates;
  if (spec.cell === 'lstm') {
    const c = state.cell;
    for (let k = 0; k < H; k++) {
      const i = sigmoid(z[k]!);
      const f = sigmoid(z[H + k]!);
      const g = Math.tanh(z[2 * H + k]!);
      const o = sigmoid(z[3 * H + k]!);
      gates[k] = i;
      gates[H + k] = f;
      gates[2 * H + k] = g;
      gates[3 * H + k] = o;
      c[k] = f * c[k]! + i * g;
      h[k] = o * Math.tanh(c[k]!);
    }
  } else {
    for (let k = 0; k < H; k++) {
      const v = Math.tanh(z[k]!);
      gates[k] = v;
      h[k] = v;
    }
  }
  const logits = state.logits;
  const Wy = w.outKernel;
  for (let v = 0; v < V; v++) logits[v] = w.outBias[v]!;
  for (let k = 0; k < H; k++) {
    const hk = h[k]!;
    const row = k * V;
    for (let v = 0; v < V; v++) logits[v] = logits[v]! + hk * Wy[row + v]!;
  }
}
