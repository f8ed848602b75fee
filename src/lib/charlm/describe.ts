// Pure: no DOM. Words and numbers the character-model widget shows: stats, the live summary,
// and whether a sample repeats itself (read by the widget's quiz question).
import { perplexity } from './batches.ts';

/** Formats a loss (nats per character) and its perplexity, or a dash. */
export function lossText(loss: number | null): string {
  return loss === null || !Number.isFinite(loss) ? '—' : loss.toFixed(2);
}
export function perplexityText(loss: number | null): string {
  return loss === null || !Number.isFinite(loss) ? '—' : perplexity(loss).toFixed(1);
}

/**
 * How much of a sample is repetition: the fraction of positions in its second half that lie
 * inside a `gram`-character string which already occurred earlier in the sample. Greedy sampling
 * from a character model falls into loops ("the network the network …") and scores near 1;
 * samples at temperature ~1 score near 0.
 */
export function repetitionScore(text: string, gram = 12): number {
  if (text.length < 2 * gram) return 0;
  const half = Math.floor(text.length / 2);
  const covered = new Uint8Array(text.length);
  for (let i = half; i + gram <= text.length; i++) {
    const g = text.slice(i, i + gram);
    const first = text.indexOf(g);
    if (first >= 0 && first < i) covered.fill(1, i, i + gram);
  }
  let n = 0;
  for (let i = half; i < text.length; i++) n += covered[i]!;
  return n / (text.length - half);
}

/** A sample counts as repeating itself when at least half of its second half is a rerun. */
export const REPEATS_AT = 0.5;

export interface CharStatus {
  source: 'trained' | 'scratch';
  running: boolean;
  step: number;
  loss: number | null;
  heldOutLoss: number | null;
  charsPerSec: number;
}

/** One sentence for the live region. */
export function describeStatus(s: CharStatus): string {
  const model = s.source === 'trained' ? 'The trained model' : 'The model trained from scratch';
  const what = s.running ? 'is training' : 'is paused';
  const held =
    s.heldOutLoss === null
      ? ''
      : ` Held-out loss ${lossText(s.heldOutLoss)} nats per character (perplexity ${perplexityText(s.heldOutLoss)}).`;
  const train =
    s.loss === null
      ? ''
      : ` Training loss ${lossText(s.loss)} (perplexity ${perplexityText(s.loss)}).`;
  return `${model} ${what} after ${s.step.toLocaleString('en')} steps.${train}${held}`;
}
