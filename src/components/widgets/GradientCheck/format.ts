// Pure: number formatting and the one-sentence summary of a gradient check, shared by the shell
// (build time) and the element (browser) so both say the same thing.
import type { GradientCheckResult } from '../../../lib/ml/gradient-check.ts';

/** A gradient with 9 decimals and a real minus sign. */
export function fmtNum(v: number): string {
  return v.toFixed(9).replace('-', '−');
}

/** Scientific notation with two significant digits, e.g. "3.4e-12". */
export function fmtSci(v: number): string {
  return v === 0 ? '0' : v.toExponential(1).replace('e+', 'e');
}

/** The exponent of ε = 10^exponent as "1e-5". */
export function fmtEps(eps: number): string {
  return `1e${Math.round(Math.log10(eps))}`;
}

/** The verdict sentence shown above the table and announced to screen readers. */
export function describeCheck(r: GradientCheckResult, eps: number): string {
  const what =
    r.verdict === 'pass'
      ? 'the gradients agree: backpropagation is correct'
      : r.verdict === 'fail'
        ? 'the gradients disagree: something is wrong (in the backward pass, or ε is far too large or small)'
        : 'doubtful: close, but not close enough to trust';
  return `ε = ${fmtEps(eps)}: relative error ${fmtSci(r.relError)}, ${what}.`;
}
