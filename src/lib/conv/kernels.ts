// Pure: no DOM. The explorer's kernel presets in 3×3 and 5×5, and a check of what kind of edge a
// kernel responds to (used by the "make a horizontal-edge kernel" grader).
import { conv2d } from './conv2d.ts';
import { fromRows, makeGrid, type Grid } from './grid.ts';

export const PRESET_IDS = [
  'identity',
  'blur',
  'sharpen',
  'horizontal-edges',
  'vertical-edges',
  'sobel-horizontal',
  'sobel-vertical',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];
export type KernelSize = 3 | 5;

export const presetLabels: Readonly<Record<PresetId, string>> = {
  identity: 'Identity',
  blur: 'Blur',
  sharpen: 'Sharpen',
  'horizontal-edges': 'Horizontal edges',
  'vertical-edges': 'Vertical edges',
  'sobel-horizontal': 'Sobel, horizontal edges',
  'sobel-vertical': 'Sobel, vertical edges',
};

export function isPresetId(v: unknown): v is PresetId {
  return typeof v === 'string' && (PRESET_IDS as readonly string[]).includes(v);
}

const r3: Record<PresetId, number[][]> = {
  identity: [
    [0, 0, 0],
    [0, 1, 0],
    [0, 0, 0],
  ],
  // Binomial (Gaussian-like) blur: weights sum to 1, so flat regions keep their value.
  blur: [
    [1 / 16, 2 / 16, 1 / 16],
    [2 / 16, 4 / 16, 2 / 16],
    [1 / 16, 2 / 16, 1 / 16],
  ],
  sharpen: [
    [0, -1, 0],
    [-1, 5, -1],
    [0, -1, 0],
  ],
  // Bright above, dark below → positive; a horizontal line between the rows.
  'horizontal-edges': [
    [1, 1, 1],
    [0, 0, 0],
    [-1, -1, -1],
  ],
  'vertical-edges': [
    [1, 0, -1],
    [1, 0, -1],
    [1, 0, -1],
  ],
  'sobel-horizontal': [
    [1, 2, 1],
    [0, 0, 0],
    [-1, -2, -1],
  ],
  'sobel-vertical': [
    [1, 0, -1],
    [2, 0, -2],
    [1, 0, -1],
  ],
};

const binomial5 = [1, 4, 6, 4, 1];

/** A preset kernel of the given size. 5×5 presets other than blur embed the 3×3 one in zeros. */
export function presetKernel(id: PresetId, size: KernelSize = 3): Grid {
  if (size === 3) return fromRows(r3[id]);
  if (id === 'blur') return fromRows(binomial5.map((a) => binomial5.map((b) => (a * b) / 256)));
  const g = makeGrid(5, 5);
  r3[id].forEach((row, u) => row.forEach((w, v) => (g.data[(u + 1) * 5 + v + 1] = w)));
  return g;
}

/** Which preset (if any) a kernel equals, within 1e-6 per weight. */
export function matchPreset(kernel: Grid): PresetId | undefined {
  if (kernel.height !== kernel.width || (kernel.height !== 3 && kernel.height !== 5))
    return undefined;
  return PRESET_IDS.find((id) => {
    const p = presetKernel(id, kernel.height as KernelSize);
    return p.data.every((w, i) => Math.abs(w - kernel.data[i]!) < 1e-6);
  });
}

/** Test images for edge response: 12×12, value 1 in one half and 0 in the other. */
function stepImage(orientation: 'horizontal' | 'vertical' | 'flat'): Grid {
  const g = makeGrid(12, 12);
  for (let r = 0; r < 12; r++)
    for (let c = 0; c < 12; c++)
      g.data[r * 12 + c] =
        orientation === 'flat' ? 1 : orientation === 'horizontal' ? (r < 6 ? 1 : 0) : c < 6 ? 1 : 0;
  return g;
}

function peak(g: Grid): number {
  let m = 0;
  for (const v of g.data) m = Math.max(m, Math.abs(v));
  return m;
}

/**
 * How strongly a kernel responds (largest |output|, no padding) to a horizontal edge, a vertical
 * edge and a flat region. An edge detector answers its edge strongly, the other weakly and a
 * flat region with about 0.
 */
export function edgeResponse(kernel: Grid): { horizontal: number; vertical: number; flat: number } {
  return {
    horizontal: peak(conv2d(stepImage('horizontal'), kernel)),
    vertical: peak(conv2d(stepImage('vertical'), kernel)),
    flat: peak(conv2d(stepImage('flat'), kernel)),
  };
}
