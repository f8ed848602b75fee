// Pure: no DOM. Turns pen strokes on a square pad into a 28×28 image prepared the way MNIST's
// digits were: the ink scaled (keeping its aspect ratio) to fit a 20×20 box, anti-aliased, then
// moved so that its centre of mass sits at the centre of the 28×28 field. Used by the DrawPad
// widget (mouse, touch and keyboard drawing), its tests, and any chapter that classifies drawings.

/** A point on the pad, both coordinates in [0, 1] (x to the right, y down). */
export interface PadPoint {
  readonly x: number;
  readonly y: number;
}

/** One pen-down-to-pen-up line: its points in drawing order (one point is a dot). */
export type Stroke = readonly PadPoint[];

/** Side of the images the classifier reads. */
export const IMAGE_SIZE = 28;
/** Side of the box the ink is scaled into (MNIST: 20×20 inside 28×28). */
export const BOX_SIZE = 20;
/** Pen diameter in pixels of the 28×28 image (MNIST strokes are about 2–3 px wide). */
export const PEN_WIDTH = 2.4;
/** Sub-samples per pixel side for anti-aliasing. */
const SUPER = 4;

export interface Prepared {
  /** 784 values in [0, 1], row-major, 1 = ink (like digitToFloat's MNIST digits). */
  image: Float32Array;
  /** Whether there was any ink at all. */
  empty: boolean;
}

/** Transform from pad coordinates to image pixel coordinates: p ↦ (p − origin)·scale + offset. */
interface Placement {
  scale: number;
  ox: number;
  oy: number;
  dx: number;
  dy: number;
}

/** Strokes in 28×28 pixel coordinates: the box fit (before the centre-of-mass shift). */
function fitToBox(strokes: readonly Stroke[]): Placement | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const s of strokes)
    for (const p of s) {
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
      minX = Math.min(minX, p.x);
      maxX = Math.max(maxX, p.x);
      minY = Math.min(minY, p.y);
      maxY = Math.max(maxY, p.y);
    }
  if (!Number.isFinite(minX)) return undefined;
  // The pen's width is part of the ink's extent: the stroke centres fill BOX − pen pixels.
  // A dot or a tiny scribble is not blown up to fill the box (at most 12× the pad's scale).
  const extent = Math.max(maxX - minX, maxY - minY, (BOX_SIZE - PEN_WIDTH) / (12 * IMAGE_SIZE));
  const scale = (BOX_SIZE - PEN_WIDTH) / extent;
  return {
    scale,
    ox: (minX + maxX) / 2,
    oy: (minY + maxY) / 2,
    dx: IMAGE_SIZE / 2,
    dy: IMAGE_SIZE / 2,
  };
}

/** Squared distance from (px, py) to the segment a–b. */
function dist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax;
  const vy = by - ay;
  const len2 = vx * vx + vy * vy;
  let t = len2 > 0 ? ((px - ax) * vx + (py - ay) * vy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  const qx = ax + t * vx - px;
  const qy = ay + t * vy - py;
  return qx * qx + qy * qy;
}

/** Anti-aliased rendering of the strokes with a round pen, placed by `at`. */
function render(strokes: readonly Stroke[], at: Placement): Float32Array {
  const n = IMAGE_SIZE * SUPER;
  const fine = new Uint8Array(n * n);
  const r = (PEN_WIDTH / 2) * SUPER;
  const r2 = r * r;
  const map = (p: PadPoint) => [
    ((p.x - at.ox) * at.scale + at.dx) * SUPER,
    ((p.y - at.oy) * at.scale + at.dy) * SUPER,
  ];
  for (const s of strokes) {
    const pts = s.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).map(map);
    for (let k = 0; k < pts.length; k++) {
      const [ax, ay] = pts[k]!;
      const [bx, by] = pts[Math.min(k + 1, pts.length - 1)]!;
      const x0 = Math.max(0, Math.floor(Math.min(ax!, bx!) - r));
      const x1 = Math.min(n - 1, Math.ceil(Math.max(ax!, bx!) + r));
      const y0 = Math.max(0, Math.floor(Math.min(ay!, by!) - r));
      const y1 = Math.min(n - 1, Math.ceil(Math.max(ay!, by!) + r));
      for (let y = y0; y <= y1; y++)
        for (let x = x0; x <= x1; x++) {
          if (fine[y * n + x]) continue;
          if (dist2(x + 0.5, y + 0.5, ax!, ay!, bx!, by!) <= r2) fine[y * n + x] = 1;
        }
    }
  }
  const image = new Float32Array(IMAGE_SIZE * IMAGE_SIZE);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++)
      if (fine[y * n + x])
        image[Math.floor(y / SUPER) * IMAGE_SIZE + Math.floor(x / SUPER)]! += 1 / (SUPER * SUPER);
  return image;
}

/** Centre of mass of an image's ink in pixel coordinates (pixel i covers [i, i + 1)). */
export function centreOfMass(
  image: ArrayLike<number>,
  size = IMAGE_SIZE,
): { x: number; y: number } {
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const v = image[y * size + x]!;
      m += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  return m > 0 ? { x: sx / m, y: sy / m } : { x: size / 2, y: size / 2 };
}

/**
 * The 28×28 image a classifier reads for these strokes: ink fitted into a 20×20 box (aspect kept),
 * anti-aliased, then shifted so its centre of mass is at (14, 14), like MNIST's preprocessing.
 */
export function prepareDrawing(strokes: readonly Stroke[]): Prepared {
  const fit = fitToBox(strokes);
  if (!fit) return { image: new Float32Array(IMAGE_SIZE * IMAGE_SIZE), empty: true };
  const first = render(strokes, fit);
  const c = centreOfMass(first);
  const image = render(strokes, {
    ...fit,
    dx: fit.dx + IMAGE_SIZE / 2 - c.x,
    dy: fit.dy + IMAGE_SIZE / 2 - c.y,
  });
  return { image, empty: false };
}

/** Bounding box of the ink (pixels with value > `threshold`), or undefined for a blank image. */
export function inkBox(
  image: ArrayLike<number>,
  threshold = 0.05,
  size = IMAGE_SIZE,
): { x0: number; y0: number; x1: number; y1: number } | undefined {
  let x0 = size;
  let y0 = size;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++)
      if (image[y * size + x]! > threshold) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
  return x1 < 0 ? undefined : { x0, y0, x1, y1 };
}

/** Index of the largest value (ties: the first). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k]! > values[best]!) best = k;
  return best;
}
