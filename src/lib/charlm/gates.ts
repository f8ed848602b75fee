// Pure: no DOM. What the gate viewer shows: every LSTM unit's forget, input and output gate and
// its cell state at each character of a text, and which units follow a property of the text
// (inside a formula, position in the line, inside parentheses) most closely.
import { createStepState, stepModel, type RecurrentModel } from '../ml/lstm/index.ts';
import { encode, type Vocab } from './vocab.ts';

/** The gate viewer's starting text (the lesson's claims about unit 59 are tested on it). */
export const DEFAULT_GATE_TEXT =
  'The loss $L = \\tfrac12 (y - \\hat y)^2$ falls when the weight $w$ moves\nagainst the gradient (the slope $\\partial L / \\partial w$), a little at a\ntime, until the network (with its biases) fits the data.';

export const GATE_KINDS = ['forget', 'input', 'output', 'cell'] as const;
export type GateKind = (typeof GATE_KINDS)[number];

/** Per character (row) and unit (column), [T×H] each. `cell` is tanh(c), in (−1, 1). */
export interface GateTrace {
  readonly text: string;
  readonly units: number;
  readonly forget: Float32Array;
  readonly input: Float32Array;
  readonly output: Float32Array;
  readonly cell: Float32Array;
}

/** Runs the LSTM over `text` from a zero state (the same arithmetic as training). */
export function traceGates(model: RecurrentModel, vocab: Vocab, text: string): GateTrace {
  if (model.spec.cell !== 'lstm') throw new RangeError('the gate viewer needs an LSTM');
  const H = model.spec.hiddenSize;
  const ids = encode(vocab, text);
  const T = ids.length;
  const trace = {
    text,
    units: H,
    forget: new Float32Array(T * H),
    input: new Float32Array(T * H),
    output: new Float32Array(T * H),
    cell: new Float32Array(T * H),
  };
  const s = createStepState(model);
  for (let t = 0; t < T; t++) {
    stepModel(model, s, ids[t]!);
    for (let k = 0; k < H; k++) {
      trace.input[t * H + k] = s.gates[k]!;
      trace.forget[t * H + k] = s.gates[H + k]!;
      trace.output[t * H + k] = s.gates[3 * H + k]!;
      trace.cell[t * H + k] = Math.tanh(s.cell[k]!);
    }
  }
  return trace;
}

export const FEATURES = ['formula', 'column', 'parens', 'variable'] as const;
export type Feature = (typeof FEATURES)[number];

export const FEATURE_LABELS: Record<Feature, string> = {
  formula: 'inside a formula ($…$)',
  column: 'position in the line',
  parens: 'inside parentheses',
  variable: 'most active (largest spread)',
};

/**
 * A property of each character, as a number: 1 inside $…$ (the dollar signs included from the
 * opening one), the column counted from the last newline, 1 inside (…). 'variable' has no
 * property (units are ranked by spread instead).
 */
export function featureOf(text: string, feature: Feature): Float32Array {
  const out = new Float32Array(text.length);
  let inMath = false;
  let col = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (feature === 'formula') {
      if (ch === '$') inMath = !inMath;
      out[i] = inMath || ch === '$' ? 1 : 0;
    } else if (feature === 'column') {
      out[i] = ch === '\n' ? 0 : col;
      col = ch === '\n' ? 0 : col + 1;
    } else if (feature === 'parens') {
      if (ch === '(') depth++;
      out[i] = depth > 0 ? 1 : 0;
      if (ch === ')') depth = Math.max(0, depth - 1);
    }
  }
  return out;
}

/** Pearson correlation of x and y (0 when either is constant). */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = Math.min(x.length, y.length);
  if (n < 2) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i]! - mx;
    const b = y[i]! - my;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** One unit's values of one kind over the text. */
export function unitSeries(trace: GateTrace, kind: GateKind, unit: number): Float32Array {
  const T = trace.text.length;
  const H = trace.units;
  const src = trace[kind];
  const out = new Float32Array(T);
  for (let t = 0; t < T; t++) out[t] = src[t * H + unit]!;
  return out;
}

export interface RankedUnit {
  unit: number;
  /** Correlation of the unit's cell state with the feature (for 'variable': its standard deviation). */
  score: number;
}

/** Units ordered by |correlation| of their cell state with the feature (or by spread). */
export function rankUnits(trace: GateTrace, feature: Feature): RankedUnit[] {
  const f = feature === 'variable' ? null : featureOf(trace.text, feature);
  const ranked: RankedUnit[] = [];
  for (let k = 0; k < trace.units; k++) {
    const s = unitSeries(trace, 'cell', k);
    if (f) ranked.push({ unit: k, score: correlation(s, f) });
    else {
      let m = 0;
      for (const v of s) m += v;
      m /= Math.max(1, s.length);
      let v2 = 0;
      for (const v of s) v2 += (v - m) ** 2;
      ranked.push({ unit: k, score: Math.sqrt(v2 / Math.max(1, s.length)) });
    }
  }
  return ranked.sort((a, b) => Math.abs(b.score) - Math.abs(a.score) || a.unit - b.unit);
}
