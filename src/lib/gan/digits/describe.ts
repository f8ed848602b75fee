// Pure: no DOM. Words for the digits GAN widget's text alternative: what the classifier reads in
// the grid, and a one-sentence summary of the run.
import { pct } from '../../conv/format.ts';
import { GRID_COLS, GRID_ROWS } from './fixed.ts';
import { meetsTarget, type DigitsSnapshot, type QualityReading } from './protocol.ts';

/**
 * "Classifier reads the grid, row by row, as: 0 1 2 … / …" (uncertain readings marked "?"); for a
 * conditional generator, first what the columns ask for.
 */
export function describeReads(
  q: Pick<QualityReading, 'gridLabels' | 'gridProbs'>,
  conditional = true,
): string {
  const rows: string[] = [];
  for (let r = 0; r < q.gridLabels.length; r += GRID_COLS) {
    const cells = q.gridLabels
      .slice(r, r + GRID_COLS)
      .map((l, k) => (q.gridProbs[r + k]! < 0.5 ? `${l}?` : String(l)));
    rows.push(cells.join(' '));
  }
  const asked = conditional ? 'Each column asks for one digit, 0 to 9 from left to right. ' : '';
  return `${asked}The classifier reads the grid, row by row, as: ${rows.join(' / ')} (“?”: below 50% sure).`;
}

/** The sample grid's text label (the canvas's aria-label), with or without asked digits. */
export function describeGrid(conditional: boolean): string {
  const asks = conditional
    ? 'each column asks for one digit, 0 to 9 from left to right'
    : 'no digit is asked for';
  return `A ${GRID_COLS} by ${GRID_ROWS} grid of generated digits, one per fixed noise vector; ${asks}.`;
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
  const agree = q.agreement === null ? '' : `, ${pct(q.agreement)} drawn as the digit asked`;
  return `${head}: the classifier finds ${q.coverage} of 10 digits, mean confidence ${q.confidence.toFixed(2)}${agree}.${target}${s.diverged ? ' Training diverged; press Reset.' : ''}`;
}
