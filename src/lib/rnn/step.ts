// Pure: no DOM. One step of a tanh recurrent network, h_t = tanh(W_h h_{t−1} + W_x x_t + b), and
// a whole sequence unrolled with it. Used by the stepper widget (at build time and in the page)
// and by tests.

/** A small tanh RNN. Matrices are row-major arrays of rows. */
export interface RnnParams {
  /** Recurrent weights, hidden × hidden: wh[i][j] is the weight from unit j at t−1 to unit i. */
  readonly wh: readonly (readonly number[])[];
  /** Input weights, hidden × inputs. */
  readonly wx: readonly (readonly number[])[];
  /** Bias, one per hidden unit. */
  readonly b: readonly number[];
}

/** One step's numbers: the pieces of the pre-activation and the new state. */
export interface RnnStepResult {
  /** W_h h_{t−1} */
  readonly recurrent: number[];
  /** W_x x_t */
  readonly input: number[];
  /** a_t = W_h h_{t−1} + W_x x_t + b */
  readonly pre: number[];
  /** h_t = tanh(a_t) */
  readonly h: number[];
}

function matVec(m: readonly (readonly number[])[], v: readonly number[]): number[] {
  return m.map((row) => row.reduce((s, w, j) => s + w * (v[j] ?? 0), 0));
}

/** h_t = tanh(W_h h_{t−1} + W_x x_t + b). Throws on mismatched sizes. */
export function rnnStep(
  p: RnnParams,
  hPrev: readonly number[],
  x: readonly number[],
): RnnStepResult {
  const n = p.b.length;
  if (p.wh.length !== n || p.wx.length !== n || hPrev.length !== n)
    throw new Error(`rnnStep: ${n} hidden units, but W_h, W_x or h_{t−1} has another size`);
  if (p.wh.some((r) => r.length !== n) || p.wx.some((r) => r.length !== x.length))
    throw new Error('rnnStep: a weight row has the wrong length');
  const recurrent = matVec(p.wh, hPrev);
  const input = matVec(p.wx, x);
  const pre = recurrent.map((r, i) => r + input[i]! + p.b[i]!);
  return { recurrent, input, pre, h: pre.map(Math.tanh) };
}

/** One row of an unrolled run: the input and the step's numbers (t counts from 1). */
export interface UnrolledStep extends RnnStepResult {
  readonly t: number;
  readonly x: readonly number[];
  readonly hPrev: readonly number[];
}

/** Runs the RNN over `xs` from `h0` (default zeros); one entry per input. */
export function unroll(
  p: RnnParams,
  xs: readonly (readonly number[])[],
  h0: readonly number[] = p.b.map(() => 0),
): UnrolledStep[] {
  const out: UnrolledStep[] = [];
  let h = h0;
  xs.forEach((x, k) => {
    const r = rnnStep(p, h, x);
    out.push({ ...r, t: k + 1, x, hPrev: h });
    h = r.h;
  });
  return out;
}
