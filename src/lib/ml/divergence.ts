// Pure: no DOM. Decides when training has diverged (NaN/Infinity, or a loss that has exploded far
// above where it started), so the runtime can stop and say so instead of drawing grey.

/**
 * Loss above this many times the reference counts as exploding. A classifier that starts at
 * chance (cross-entropy ≈ 0.69) and climbs past 3.5 is confidently wrong on most points: on the
 * spiral demo, learning rates ≥ 3 get there and 1 or less never does.
 */
export const EXPLODE_FACTOR = 5;
/** …but never below this absolute value (tiny reference losses would make the test twitchy). */
export const EXPLODE_FLOOR = 2;

/**
 * True if `loss` means the run has diverged. `reference` is the loss measured before the first
 * step (or null if unknown, then only non-finite losses count).
 */
export function isDiverged(loss: number, reference: number | null): boolean {
  if (!Number.isFinite(loss)) return true;
  if (reference === null || !Number.isFinite(reference)) return false;
  return loss > Math.max(EXPLODE_FLOOR, EXPLODE_FACTOR * Math.abs(reference));
}
