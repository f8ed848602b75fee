// Pure: no DOM. Words for the digits GAN widget's text alternative: what the classifier reads in
// the grid, and a one-sentence summary of the run.
import { GRID_SIDE } from './fixed.ts';
import { meetsTarget, type DigitsSnapshot, type QualityReading } from './protocol.ts';

/** "Classifier reads the grid, row by row, as: 3 7 1 … / …" (uncertain readings marked "?"). */
export function describeReads(q: Pick<QualityReading, 'gridLabels' | 'gridProbs'>): string {
  const rows: string[] = [];
  for (let r = 0; r < q.gridLabels.length; r += GRID_SIDE) {
    const cells = q.gridLabels
      .slice(r, r + GRID_SIDE)
      .map((l, k) => (q.gridProbs[r + k]! < 0.5 ? `${l}?` : String(l)));
    rows.push(cells.join(' '));
  }
  return `The classifier reads the grid, row by row, as: ${rows.join(' / ')} (“?”: below 50% sure).`;
}

/** One sentence on the run for the live region. */
export function describeDigits(s: DigitsSnapshot): string {
  const q = s.quality;
  const head =
    s.source === 'trained'
      ? 'The trained generator shipped with the site'
      : `After ${s.iteration.toLocaleString('en-US')} iterations (${s.seconds.toFixed(0)} s of training)`;
  if (!q) return `${head}: not judged yet.`;
  const target = meetsTarget(q) ? ' That meets the target.' : '';
  return `${head}: the classifier finds ${q.coverage} of 10 digits, mean confidence ${q.confidence.toFixed(2)}.${target}${s.diverged ? ' Training diverged; press Reset.' : ''}`;
}
