// Pure: no DOM. How close a GAN's samples are to its target: the energy distance between two
// samples, and which of the Gaussian mixture's eight modes the generator covers.
import { MIXTURE_SD, mixtureCentres } from './targets.ts';

/** Mean Euclidean distance between the points of a and b (2-D, flattened), all pairs. */
function meanCrossDistance(
  a: Float32Array,
  na: number,
  b: Float32Array,
  nb: number,
  same: boolean,
): number {
  let s = 0;
  let pairs = 0;
  for (let i = 0; i < na; i++) {
    const ax = a[2 * i]!;
    const ay = a[2 * i + 1]!;
    for (let j = same ? i + 1 : 0; j < nb; j++) {
      const dx = ax - b[2 * j]!;
      const dy = ay - b[2 * j + 1]!;
      s += Math.sqrt(dx * dx + dy * dy);
      pairs++;
    }
  }
  return pairs ? s / pairs : 0;
}

/**
 * Energy distance between two 2-D samples (Székely and Rizzo):
 *   E(P, Q) = 2·E‖X − Y‖ − E‖X − X′‖ − E‖Y − Y′‖,  X, X′ ~ P and Y, Y′ ~ Q independent.
 * It is ≥ 0 and is 0 only when P = Q. Estimated from the samples (within-sample pairs i < j,
 * the unbiased form), so two samples of one distribution give values near 0 (slightly negative
 * is possible).
 */
export function energyDistance(a: Float32Array, b: Float32Array): number {
  const na = Math.floor(a.length / 2);
  const nb = Math.floor(b.length / 2);
  return (
    2 * meanCrossDistance(a, na, b, nb, false) -
    meanCrossDistance(a, na, a, na, true) -
    meanCrossDistance(b, nb, b, nb, true)
  );
}

export interface Coverage {
  /** Modes holding at least `minShare` of the samples within 3 standard deviations. */
  covered: number;
  /** Share of samples near each mode, in the order of mixtureCentres. */
  shares: number[];
  /** Share of samples near no mode. */
  stray: number;
}

/**
 * Which of the eight mixture modes the points (flattened) cover: a point counts for a mode if it
 * lies within 3 standard deviations of its centre; a mode is covered if it receives at least
 * `minShare` of all points (default 1/32, a quarter of its fair share of 1/8).
 */
export function modeCoverage(points: Float32Array, minShare = 1 / 32): Coverage {
  const n = Math.floor(points.length / 2);
  const counts = new Array<number>(mixtureCentres.length).fill(0);
  const r2 = (3 * MIXTURE_SD) ** 2;
  let stray = 0;
  for (let i = 0; i < n; i++) {
    const x = points[2 * i]!;
    const y = points[2 * i + 1]!;
    let hit = -1;
    for (let c = 0; c < mixtureCentres.length; c++) {
      const [cx, cy] = mixtureCentres[c]!;
      if ((x - cx) ** 2 + (y - cy) ** 2 <= r2) hit = c;
    }
    if (hit >= 0) counts[hit]!++;
    else stray++;
  }
  const shares = counts.map((c) => (n ? c / n : 0));
  return {
    covered: shares.filter((s) => s >= minShare).length,
    shares,
    stray: n ? stray / n : 0,
  };
}
