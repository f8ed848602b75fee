// Pure: no DOM. Drawing characters from the model: softmax with a temperature, and generation
// from a prompt. Temperature → 0 is greedy (argmax); 1 samples the model's own distribution;
// above 1 flattens it towards uniform.
import type { Rng } from '../ml/rng.ts';
import {
  createStepState,
  stepModel,
  type RecurrentModel,
  type StepState,
} from '../ml/lstm/index.ts';
import { encode, type Vocab } from './vocab.ts';

/** Below this temperature sampling is argmax (dividing by ~0 would overflow). */
export const GREEDY_BELOW = 1e-3;

/** softmax(logits / temperature) into `out` (a new array if absent). */
export function softmaxWithTemperature(
  logits: ArrayLike<number>,
  temperature: number,
  out = new Float64Array(logits.length),
): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const t = Math.max(temperature, GREEDY_BELOW);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp((logits[i]! - max) / t);
    sum += out[i]!;
  }
  for (let i = 0; i < logits.length; i++) out[i] = out[i]! / sum;
  return out;
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

let probsBuf = new Float64Array(0);

/** One draw: argmax below GREEDY_BELOW, else from softmax(logits / temperature). */
export function sampleIndex(logits: ArrayLike<number>, temperature: number, rng: Rng): number {
  if (!(temperature >= GREEDY_BELOW)) return argmax(logits);
  if (probsBuf.length < logits.length) probsBuf = new Float64Array(logits.length);
  const p = softmaxWithTemperature(logits, temperature, probsBuf);
  let u = rng.next();
  for (let i = 0; i < logits.length; i++) {
    u -= p[i]!;
    if (u < 0) return i;
  }
  return logits.length - 1;
}

/** Feeds `prompt` (state carried in `state`), then draws `count` characters one at a time. */
export function generate(
  model: RecurrentModel,
  vocab: Vocab,
  options: { prompt: string; count: number; temperature: number; rng: Rng; state?: StepState },
): string {
  const state = options.state ?? createStepState(model);
  const prompt = encode(vocab, options.prompt.length ? options.prompt : '\n');
  for (const id of prompt) stepModel(model, state, id);
  let out = '';
  for (let n = 0; n < options.count; n++) {
    const id = sampleIndex(state.logits, options.temperature, options.rng);
    out += vocab.chars[id]!;
    stepModel(model, state, id);
  }
  return out;
}
