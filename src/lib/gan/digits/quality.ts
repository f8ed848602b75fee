// Pure: no DOM. How good the generated digits are, by the course's digits classifier (chapter 2's
// CNN): each generated image gets the classifier's top class and its probability. Coverage counts
// the digits that appear as top class at least COVERAGE_MIN times among the samples; confidence is
// the mean top-class probability. For a conditional generator, agreement is the share of samples
// read as the digit they were asked for.
import { paramsOf } from '../../ml/cnn/net.ts';
import { netFor } from '../../ml/cnn/predict.ts';
import type { CnnSpec, CnnWeights } from '../../ml/cnn/spec.ts';

/** Samples judged (the 256). */
export const QUALITY_SAMPLES = 256;
/**
 * A digit counts as covered when at least this many of the 256 samples are read as it
 * (≈ 2% of them, a fifth of the 25.6 a perfectly even generator would give each digit).
 */
export const COVERAGE_MIN = 5;

export interface DigitsQuality {
  /** Digits read as top class at least COVERAGE_MIN times (0–10). */
  coverage: number;
  /** Mean over the samples of the top-class probability (0.1–1). */
  confidence: number;
  /** Share of samples read as the digit asked of them (null when none was asked). */
  agreement: number | null;
  /** counts[d]: samples whose top class is d. */
  counts: number[];
  /** Top class of every sample, in order. */
  labels: Uint8Array;
  /** Top-class probability of every sample. */
  probs: Float32Array;
}

/**
 * Classifies `count` images (count × 784 floats, 0–1) and summarises them; `asked[s]` is the digit
 * sample s was asked to be (conditional generators).
 */
export function judgeDigits(
  images: Float32Array,
  count: number,
  classifier: { spec: CnnSpec; weights: CnnWeights },
  minCount: number = COVERAGE_MIN,
  asked?: ArrayLike<number>,
): DigitsQuality {
  const net = netFor(classifier.spec);
  const params = paramsOf(classifier.spec, classifier.weights);
  const [h, w, c] = classifier.spec.input;
  const P = h * w * c;
  const K = classifier.spec.classes;
  const counts = new Array<number>(K).fill(0);
  const labels = new Uint8Array(count);
  const probs = new Float32Array(count);
  let sum = 0;
  let agree = 0;
  for (let s = 0; s < count; s++) {
    net.forward(params, images, s * P);
    const p = net.probs;
    let best = 0;
    for (let k = 1; k < K; k++) if (p[k]! > p[best]!) best = k;
    labels[s] = best;
    probs[s] = p[best]!;
    counts[best]!++;
    if (asked && asked[s] === best) agree++;
    sum += p[best]!;
  }
  return {
    coverage: counts.filter((n) => n >= minCount).length,
    confidence: count ? sum / count : 0,
    agreement: asked && count ? agree / count : null,
    counts,
    labels,
    probs,
  };
}
