// Pure: no DOM. The playground's input features: what the first layer sees for a point (x, y) of
// the plane. Points live in [-1, 1]²; features read them scaled to [-6, 6] (as TensorFlow
// Playground does) so that sin x₁ and x₁² bend within the plotted area.

export const featureIds = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
export type FeatureId = (typeof featureIds)[number];

/** Points in [-1, 1] become x₁, x₂ in [-COORD_SCALE, COORD_SCALE]. */
export const COORD_SCALE = 6;

export interface Feature {
  readonly id: FeatureId;
  /** Short label with Unicode sub/superscripts, e.g. "x₁²". */
  readonly label: string;
  /** Words for screen readers and titles, e.g. "x1 squared". */
  readonly spoken: string;
  /** True if the feature reads x₂ (not available for 1-D data). */
  readonly usesX2: boolean;
  /** The value for scaled coordinates x1, x2 (each in [-6, 6]). */
  readonly value: (x1: number, x2: number) => number;
}

export const features: Readonly<Record<FeatureId, Feature>> = {
  x1: { id: 'x1', label: 'x₁', spoken: 'x1', usesX2: false, value: (a) => a },
  x2: { id: 'x2', label: 'x₂', spoken: 'x2', usesX2: true, value: (_a, b) => b },
  x1sq: { id: 'x1sq', label: 'x₁²', spoken: 'x1 squared', usesX2: false, value: (a) => a * a },
  x2sq: { id: 'x2sq', label: 'x₂²', spoken: 'x2 squared', usesX2: true, value: (_a, b) => b * b },
  x1x2: { id: 'x1x2', label: 'x₁·x₂', spoken: 'x1 times x2', usesX2: true, value: (a, b) => a * b },
  sinx1: {
    id: 'sinx1',
    label: 'sin x₁',
    spoken: 'sine of x1',
    usesX2: false,
    value: (a) => Math.sin(a),
  },
  sinx2: {
    id: 'sinx2',
    label: 'sin x₂',
    spoken: 'sine of x2',
    usesX2: true,
    value: (_a, b) => Math.sin(b),
  },
};

/** Puts ids in the canonical order (x1, x2, x1², …) without duplicates. */
export function canonicalFeatures(ids: Iterable<FeatureId>): FeatureId[] {
  const set = new Set(ids);
  return featureIds.filter((id) => set.has(id));
}

/**
 * The feature matrix for n points given as interleaved unit coordinates [x0, y0, x1, y1, …]
 * in [-1, 1]: n rows of ids.length values, row-major. Pass `into` to reuse memory.
 */
export function featureMatrix(
  coords: ArrayLike<number>,
  ids: readonly FeatureId[],
  into?: Float32Array,
): Float32Array {
  const n = Math.floor(coords.length / 2);
  const k = ids.length;
  const out = into && into.length === n * k ? into : new Float32Array(n * k);
  const fs = ids.map((id) => features[id].value);
  for (let p = 0; p < n; p++) {
    const a = coords[2 * p]! * COORD_SCALE;
    const b = coords[2 * p + 1]! * COORD_SCALE;
    for (let j = 0; j < k; j++) out[p * k + j] = fs[j]!(a, b);
  }
  return out;
}

/**
 * Interleaved unit coordinates of a size×size grid covering [-1, 1]², row by row from the top
 * (y = 1) to the bottom, each cell sampled at its centre. Index p = row·size + column.
 */
export function gridCoords(size: number): Float32Array {
  if (!Number.isInteger(size) || size < 2)
    throw new RangeError(`grid size must be ≥ 2, got ${size}`);
  const out = new Float32Array(size * size * 2);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const p = r * size + c;
      out[2 * p] = -1 + (2 * (c + 0.5)) / size;
      out[2 * p + 1] = 1 - (2 * (r + 0.5)) / size;
    }
  }
  return out;
}
