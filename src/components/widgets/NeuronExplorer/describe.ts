// Pure: no DOM. Sentences the neuron widgets show and announce.

/** "14 of 20 points are on their own side…" for a score of the neuron on the points. */
export function describeScore(s: {
  correct: number;
  total: number;
  wrong: readonly number[];
}): string {
  if (s.wrong.length === 0) return `All ${s.total} points are on their own side of the line.`;
  const list = s.wrong.map((i) => i + 1).join(', ');
  return `${s.correct} of ${s.total} points are on their own side of the line. Wrong side: point${
    s.wrong.length === 1 ? '' : 's'
  } ${list}.`;
}
