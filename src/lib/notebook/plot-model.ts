// Pure helpers behind the notebook's `plotFunction` builtin: sample a function on an interval and
// describe the curve in words (the chart's text alternative). Pure: no DOM.

export interface Point {
  x: number;
  y: number;
}

/** `n` evenly spaced samples of `f` on [x0, x1] (n ≥ 2); non-finite y values are kept as NaN. */
export function sampleFunction(
  f: (x: number) => number,
  [x0, x1]: readonly [number, number],
  n = 200,
): Point[] {
  if (!(n >= 2)) throw new RangeError(`need at least 2 samples, got ${n}`);
  if (!(Number.isFinite(x0) && Number.isFinite(x1) && x1 > x0)) {
    throw new RangeError(`x range must be two finite numbers, low to high; got [${x0}, ${x1}]`);
  }
  const out: Point[] = [];
  for (let i = 0; i < n; i++) {
    const x = x0 + ((x1 - x0) * i) / (n - 1);
    const y = Number(f(x));
    out.push({ x, y: Number.isFinite(y) ? y : NaN });
  }
  return out;
}

/** The y range to draw: `fixed` if given, else the data's extent padded by 5% (never empty). */
export function yDomain(
  points: readonly Point[],
  fixed?: readonly [number, number],
): [number, number] {
  if (fixed) return [fixed[0], fixed[1]];
  const ys = points.map((p) => p.y).filter(Number.isFinite);
  if (ys.length === 0) return [0, 1];
  let lo = Math.min(...ys);
  let hi = Math.max(...ys);
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

const fmt = (v: number): string => {
  const r = Math.round(v * 100) / 100;
  return (Object.is(r, -0) ? 0 : r).toFixed(2).replace('-', '−');
};

/**
 * A sentence or two describing a sampled curve: its values at both ends, its lowest and highest
 * values, whether it rises, falls or does both, and where it changes fastest.
 */
export function describeCurve(points: readonly Point[], name = 'y'): string {
  const finite = points.filter((p) => Number.isFinite(p.y));
  if (finite.length === 0) return `${name} has no finite values on this range.`;
  const first = finite[0]!;
  const last = finite[finite.length - 1]!;
  let lo = first;
  let hi = first;
  let rises = false;
  let falls = false;
  let steepest = 0;
  let steepestAt = first.x;
  for (let i = 1; i < finite.length; i++) {
    const p = finite[i]!;
    const prev = finite[i - 1]!;
    const d = p.y - prev.y;
    const slope = Math.abs(d / (p.x - prev.x));
    if (slope > steepest + 1e-9) {
      steepest = slope;
      steepestAt = (p.x + prev.x) / 2;
    }
    if (d > 1e-9) rises = true;
    if (d < -1e-9) falls = true;
    if (p.y < lo.y) lo = p;
    if (p.y > hi.y) hi = p;
  }
  const shape =
    rises && falls ? 'rises and falls' : rises ? 'rises' : falls ? 'falls' : 'stays flat';
  const fastest = rises || falls ? ` It changes fastest near x = ${fmt(steepestAt)}.` : '';
  return (
    `${name} ${shape} from ${fmt(first.y)} at x = ${fmt(first.x)} to ${fmt(last.y)} at x = ${fmt(last.x)}; ` +
    `lowest ${fmt(lo.y)} (x = ${fmt(lo.x)}), highest ${fmt(hi.y)} (x = ${fmt(hi.x)}).${fastest}`
  );
}
