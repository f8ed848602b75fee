// Pure: no DOM. The convolution explorer's state, what it computes from it (feature maps before
// and after ReLU, the window at the step-through position) and the sentences of its text
// alternative. Used by the ConvExplorer element, the pooling explorer, graders' tests and Node tests.
import { conv2d, outputSize, relu, windowAt, type WindowTerm } from './conv2d.ts';
import { extent, makeGrid, type Grid } from './grid.ts';
import { fmt, pct } from './format.ts';
import {
  matchPreset,
  presetKernel,
  presetLabels,
  type KernelSize,
  type PresetId,
} from './kernels.ts';

export const INPUT_SIZE = 28;
export const STRIDES = [1, 2, 3] as const;
export const PADDINGS = [0, 1, 2] as const;

export interface ConvState {
  /** 28×28 input in 0–1 (ink = 1). */
  readonly input: Grid;
  readonly kernel: Grid;
  readonly stride: number;
  readonly padding: number;
  /** Step-through position: output row and column of the window. */
  readonly row: number;
  readonly col: number;
}

export interface ConvResult {
  readonly before: Grid;
  readonly after: Grid;
  readonly size: number;
}

/** The feature map before and after ReLU. */
export function computeMaps(
  s: Pick<ConvState, 'input' | 'kernel' | 'stride' | 'padding'>,
): ConvResult {
  const before = conv2d(s.input, s.kernel, { stride: s.stride, padding: s.padding });
  return { before, after: relu(before), size: before.height };
}

/** Output side for the state's settings. */
export function mapSize(s: Pick<ConvState, 'kernel' | 'stride' | 'padding'>): number {
  return outputSize(INPUT_SIZE, s.kernel.height, s.padding, s.stride);
}

/** Keeps (row, col) inside an n×n map. */
export function clampPosition(row: number, col: number, n: number): { row: number; col: number } {
  const c = (v: number) => Math.min(Math.max(Math.round(v), 0), n - 1);
  return { row: c(row), col: c(col) };
}

/** The next position in reading order (`dir` = 1) or the previous one (−1), wrapping round. */
export function stepPosition(
  row: number,
  col: number,
  n: number,
  dir: 1 | -1,
): { row: number; col: number } {
  const k = (((row * n + col + dir) % (n * n)) + n * n) % (n * n);
  return { row: Math.floor(k / n), col: k % n };
}

/** A new kernel of `size`, from a preset. */
export function kernelFor(preset: PresetId, size: KernelSize): Grid {
  return presetKernel(preset, size);
}

/** The window at the state's position, with its products and sum. */
export function currentWindow(s: ConvState): {
  terms: WindowTerm[];
  sum: number;
  top: number;
  left: number;
} {
  return windowAt(s.input, s.kernel, s.row, s.col, { stride: s.stride, padding: s.padding });
}

/** "Horizontal edges" for a preset kernel, else "your own kernel". */
export function kernelName(kernel: Grid): string {
  const id = matchPreset(kernel);
  return id ? presetLabels[id] : 'your own kernel';
}

/** The output-size formula with the state's numbers, e.g. "⌊(28 + 0 − 3) / 1⌋ + 1 = 26". */
export function sizeFormula(s: Pick<ConvState, 'kernel' | 'stride' | 'padding'>): string {
  const k = s.kernel.height;
  return `⌊(${INPUT_SIZE} + ${2 * s.padding} − ${k}) / ${s.stride}⌋ + 1 = ${mapSize(s)}`;
}

/** One sentence on the window: where it is, its sum, and what ReLU makes of it. */
export function describeWindow(s: ConvState): string {
  const w = currentWindow(s);
  const k = s.kernel.height;
  const rows = `${w.top + 1}–${w.top + k}`;
  const cols = `${w.left + 1}–${w.left + k}`;
  const pad = w.terms.some((t) => !t.inside) ? ' (partly over the zero padding)' : '';
  const after = w.sum > 0 ? fmt(w.sum) : '0';
  return `Output row ${s.row + 1}, column ${s.col + 1}: the window covers input rows ${rows}, columns ${cols}${pad}. Sum of the ${k * k} products: ${fmt(w.sum)}; after ReLU: ${after}.`;
}

/** The text alternative's summary of the whole feature map. */
export function describeMaps(s: ConvState, r: ConvResult = computeMaps(s)): string {
  const { min, max } = extent(r.before);
  let positive = 0;
  for (const v of r.after.data) if (v > 0) positive++;
  const k = s.kernel.height;
  return `${kernelName(s.kernel)} (${k}×${k}), stride ${s.stride}, padding ${s.padding}: a ${r.size}×${r.size} feature map with values from ${fmt(min)} to ${fmt(max)}. After ReLU, ${pct(positive / r.after.data.length)} of its cells are above 0.`;
}

/** Rounds every value to 3 decimals (quiz state stays small and readable). */
export function rounded(g: Grid): number[] {
  return Array.from(g.data, (v) => Math.round(v * 1000) / 1000);
}

/**
 * A starting drawing for "draw your own": a hand-drawn-looking 7 (ink 0–1, soft edges), so the
 * drawing mode shows a feature map before the reader draws anything.
 */
export function sampleDrawing(): Grid {
  const g = makeGrid(INPUT_SIZE, INPUT_SIZE);
  const strokes: Array<[number, number, number, number]> = [
    [7, 6, 7, 21],
    [7, 21, 22, 12],
  ];
  for (const [r0, c0, r1, c1] of strokes) {
    const n = 40;
    for (let t = 0; t <= n; t++) paint(g, r0 + ((r1 - r0) * t) / n, c0 + ((c1 - c0) * t) / n, 1);
  }
  return g;
}

/**
 * Inks a soft round brush (radius about 1.2 cells) centred at (r, c) into `g`, in place, keeping
 * values in 0–1. `amount` 1 inks, −1 erases.
 */
export function paint(g: Grid, r: number, c: number, amount: 1 | -1): void {
  for (let dr = -2; dr <= 2; dr++)
    for (let dc = -2; dc <= 2; dc++) {
      const rr = Math.round(r) + dr;
      const cc = Math.round(c) + dc;
      if (rr < 0 || cc < 0 || rr >= g.height || cc >= g.width) continue;
      const d = Math.hypot(rr - r, cc - c);
      const ink = d <= 0.8 ? 1 : d <= 1.8 ? 1.8 - d : 0;
      if (ink <= 0) continue;
      const i = rr * g.width + cc;
      const v = g.data[i]! + amount * ink;
      g.data[i] = Math.min(1, Math.max(0, v));
    }
}
