// Pure: no DOM. The stepper widget's small RNN (three hidden units, one input), its input
// sequences, and the LaTeX of each step's equation with its numbers. The Astro shell renders
// everything at build time with KaTeX; the page only shows one step at a time.
import { unroll, type RnnParams, type UnrolledStep } from './step.ts';

/**
 * Hand-set weights with a job for each unit: unit 1 feeds itself with weight 1.8 (more than 1,
 * so it latches onto the sign of a strong early input), unit 2 is a leaky running sum (self
 * weight 0.8), unit 3 has no recurrent weight at all and so only sees the current input.
 */
export const stepperRnn: RnnParams = {
  wh: [
    [1.8, 0, 0],
    [0, 0.8, 0],
    [0, 0, 0],
  ],
  wx: [[1], [0.6], [1.5]],
  b: [0, 0, 0.1],
};

export interface StepperSequence {
  readonly id: string;
  readonly label: string;
  /** Scalar inputs x_1 … x_T. */
  readonly xs: readonly number[];
}

export const stepperSequences: readonly StepperSequence[] = [
  { id: 'pulse', label: 'One pulse, then zeros', xs: [1, 0, 0, 0, 0, 0] },
  { id: 'flip', label: 'A pulse, later its opposite', xs: [1, 0, 0, -1, 0, 0] },
  { id: 'alternate', label: 'Alternating signs', xs: [1, -1, 1, -1, 1, -1] },
  { id: 'weak', label: 'A weak pulse', xs: [0.3, 0, 0, 0, 0, 0] },
];

export function isSequenceId(v: unknown): v is string {
  return typeof v === 'string' && stepperSequences.some((s) => s.id === v);
}

/** The unrolled run of a sequence through the stepper's RNN (h_0 = 0). */
export function stepperRun(seq: StepperSequence, p: RnnParams = stepperRnn): UnrolledStep[] {
  return unroll(
    p,
    seq.xs.map((x) => [x]),
  );
}

/** A number as the widget shows it: two decimals, a true minus sign, no "−0.00". */
export function fmt(v: number, digits = 2): string {
  const s = v.toFixed(digits);
  return (Number(s) === 0 ? (0).toFixed(digits) : s).replace('-', '−');
}

const texNum = (v: number, digits = 2): string => fmt(v, digits).replace('−', '-');
const col = (v: readonly number[]): string =>
  `\\begin{bmatrix}${v.map((x) => texNum(x)).join('\\\\')}\\end{bmatrix}`;
const mat = (m: readonly (readonly number[])[]): string =>
  `\\begin{bmatrix}${m.map((r) => r.map((x) => texNum(x, 1)).join('&')).join('\\\\')}\\end{bmatrix}`;

/**
 * LaTeX for step t: h_t = tanh(W_h h_{t−1} + W_x x_t + b) with every symbol replaced by its
 * numbers, then the pre-activation, then h_t.
 */
export function stepTex(s: UnrolledStep, p: RnnParams = stepperRnn): string {
  const t = s.t;
  const x = s.x.length === 1 ? texNum(s.x[0]!) : col(s.x);
  const wx = p.wx.every((r) => r.length === 1) ? col(p.wx.map((r) => r[0]!)) : mat(p.wx);
  return (
    `\\begin{aligned}\\mathbf{h}_{${t}} &= \\tanh\\!\\Big(${mat(p.wh)}${col(s.hPrev)} + ${wx}\\,(${x}) + ${col(p.b)}\\Big)\\\\` +
    `&= \\tanh${col(s.pre)} = ${col(s.h)}\\end{aligned}`
  );
}

/** One sentence for screen readers and the live region: what step t did. */
export function describeStep(s: UnrolledStep, total: number): string {
  const h = s.h.map((v) => fmt(v)).join(', ');
  return `Step ${s.t} of ${total}: input x${sub(s.t)} = ${fmt(s.x[0] ?? 0)}. New hidden state h${sub(s.t)} = (${h}).`;
}

const SUBS = '₀₁₂₃₄₅₆₇₈₉';
/** Subscript digits for plain text ("h₁₂"). */
export function sub(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUBS[Number(d)] ?? d)
    .join('');
}
