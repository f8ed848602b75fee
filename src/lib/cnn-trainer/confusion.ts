// Pure: no DOM. The confusion matrix of a classifier on labelled examples, the examples behind one
// cell, and words for it (the widget's text alternative). Rows are true classes, columns predicted.

export const CLASSES = 10;

export interface Confusion {
  /** counts[t * classes + p]: examples of true class t predicted as p. */
  counts: Uint32Array;
  classes: number;
  total: number;
  correct: number;
}

/** Counts (true, predicted) pairs. `labels` and `predicted` have one entry per example. */
export function confusionMatrix(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes = CLASSES,
): Confusion {
  if (labels.length !== predicted.length)
    throw new RangeError(`${labels.length} labels but ${predicted.length} predictions`);
  const counts = new Uint32Array(classes * classes);
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i]!;
    const p = predicted[i]!;
    if (t < 0 || t >= classes || p < 0 || p >= classes) continue;
    counts[t * classes + p]!++;
    if (t === p) correct++;
  }
  return { counts, classes, total: labels.length, correct };
}

export function accuracy(c: Confusion): number {
  return c.total ? c.correct / c.total : 0;
}

/** Indices of the examples of true class `t` predicted as `p`, in data order, at most `limit`. */
export function cellExamples(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  t: number,
  p: number,
  limit = Infinity,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < labels.length && out.length < limit; i++)
    if (labels[i] === t && predicted[i] === p) out.push(i);
  return out;
}

export interface Mix {
  actual: number;
  predicted: number;
  count: number;
}

/** The largest off-diagonal cells, biggest first (ties: lower true class, then predicted). */
export function topConfusions(c: Confusion, n = 3): Mix[] {
  const out: Mix[] = [];
  for (let t = 0; t < c.classes; t++)
    for (let p = 0; p < c.classes; p++) {
      const count = c.counts[t * c.classes + p]!;
      if (t !== p && count > 0) out.push({ actual: t, predicted: p, count });
    }
  out.sort((a, b) => b.count - a.count || a.actual - b.actual || a.predicted - b.predicted);
  return out.slice(0, n);
}

/** Per-class recall (share of class t's examples predicted correctly); NaN for an absent class. */
export function recalls(c: Confusion): number[] {
  const out: number[] = [];
  for (let t = 0; t < c.classes; t++) {
    let row = 0;
    for (let p = 0; p < c.classes; p++) row += c.counts[t * c.classes + p]!;
    out.push(row ? c.counts[t * c.classes + t]! / row : NaN);
  }
  return out;
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** One or two sentences: accuracy, the hardest class and the commonest mix-ups. */
export function describeConfusion(c: Confusion): string {
  if (c.total === 0) return 'No predictions yet.';
  const r = recalls(c);
  let worst = -1;
  for (let t = 0; t < r.length; t++)
    if (!Number.isNaN(r[t]) && (worst < 0 || r[t]! < r[worst]!)) worst = t;
  const mixes = topConfusions(c, 3);
  const mixText = mixes.length
    ? ` Commonest mistakes: ${mixes
        .map((m) => `${m.actual} taken for ${m.predicted} (${m.count}×)`)
        .join(', ')}.`
    : ' No mistakes.';
  return (
    `${c.correct} of ${c.total} test digits right (${pct(accuracy(c))}). ` +
    (worst >= 0 ? `Hardest digit: ${worst} (${pct(r[worst]!)} right).` : '') +
    mixText
  );
}

/** The matrix as table rows: one per true class, its ten counts. */
export function confusionRows(c: Confusion): string[][] {
  const rows: string[][] = [];
  for (let t = 0; t < c.classes; t++) {
    const row = [String(t)];
    for (let p = 0; p < c.classes; p++) row.push(String(c.counts[t * c.classes + p]));
    rows.push(row);
  }
  return rows;
}

/**
 * Shade of a cell, 0–1: the share of its row (so each digit's row reads on its own scale), with
 * a square root so small error counts remain visible next to a large diagonal.
 */
export function cellShade(c: Confusion, t: number, p: number): number {
  let row = 0;
  for (let k = 0; k < c.classes; k++) row += c.counts[t * c.classes + k]!;
  return row ? Math.sqrt(c.counts[t * c.classes + p]! / row) : 0;
}
