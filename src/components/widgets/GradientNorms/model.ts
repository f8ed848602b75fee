// Pure: no DOM. View-model of the GradientNorms widget: the six setups (three activations × two
// initialisations) computed once, bars on a log scale, and the words under the chart. Runs at
// build time in the Astro shell; the element only switches which setup is shown.
import {
  gradientNorms,
  normActivations,
  normInits,
  type NormActivation,
  type NormInit,
  type NormResult,
} from '../../../lib/ml/gradient-norms.ts';

export const activationLabels: Record<NormActivation, string> = {
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  relu: 'ReLU',
};
export const initLabels: Record<NormInit, string> = {
  scaled: 'Scaled (Xavier for sigmoid and tanh, He for ReLU)',
  standard: 'Standard deviation 1 for every weight',
};

export const setupKey = (a: NormActivation, i: NormInit): string => `${a}-${i}`;

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Numbers like 3.3 × 10⁻⁷, 0.052 or 440, short enough for a bar label. */
export function fmtNorm(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  if (v >= 0.01 && v < 1000) return String(Number(v.toPrecision(2)));
  const [m = '', e = ''] = v.toExponential(1).split('e');
  const exp = String(Number(e))
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('');
  return `${m} × 10${exp}`;
}

export interface Bar {
  readonly layer: number;
  readonly norm: number;
  readonly label: string;
  /** bar length as a fraction of the full width (log scale from 1e-8 to 1e4) */
  readonly fraction: number;
}

export interface SetupView {
  readonly key: string;
  readonly activation: NormActivation;
  readonly init: NormInit;
  readonly bars: readonly Bar[];
  readonly summary: string;
  readonly result: NormResult;
}

const LOG_LO = -8;
const LOG_HI = 4;

/** One setup's bars and words. */
export function setupView(activation: NormActivation, init: NormInit): SetupView {
  const result = gradientNorms({ activation, init });
  const bars = result.layers.map((l) => ({
    layer: l.layer,
    norm: l.norm,
    label: fmtNorm(l.norm),
    fraction: Math.min(1, Math.max(0.005, (Math.log10(l.norm) - LOG_LO) / (LOG_HI - LOG_LO))),
  }));
  const first = result.layers[0]!.norm;
  const last = result.layers[result.layers.length - 1]!.norm;
  const ratio = first / last;
  const trend =
    ratio < 0.1
      ? `The gradient shrinks on its way back: the first layer gets ${fmtNorm(ratio)} times the last layer's (vanishing).`
      : ratio > 3
        ? `The gradient grows on its way back: the first layer gets ${fmtNorm(ratio)} times the last layer's (exploding).`
        : `The gradient stays about the same size through the layers: the first layer gets ${fmtNorm(ratio)} times the last layer's.`;
  const size =
    last > 100
      ? ` Every layer's gradient is huge (the last layer's is ${fmtNorm(last)}): the activations themselves have blown up.`
      : '';
  return {
    key: setupKey(activation, init),
    activation,
    init,
    bars,
    summary: `${activationLabels[activation]} units, ${init === 'scaled' ? 'scaled' : 'standard-deviation-1'} starting weights. ${trend}${size}`,
    result,
  };
}

/** All six setups, in menu order. */
export function allSetups(): SetupView[] {
  return normActivations.flatMap((a) => normInits.map((i) => setupView(a, i)));
}
