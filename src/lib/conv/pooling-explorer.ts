// Pure: no DOM. The pooling explorer's computation: a digit, one kernel, ReLU, then max or average
// pooling; the same for the digit shifted by a few pixels, and how much each map changed. Used by
// the PoolingExplorer element and the Node tests of the lesson's claims.
import { conv2d, outputSize, relu } from './conv2d.ts';
import { fmt, pct } from './format.ts';
import type { Grid } from './grid.ts';
import { presetKernel, presetLabels, type PresetId } from './kernels.ts';
import { pool2d, type PoolKind } from './pool.ts';
import { mapChange, shiftGrid, type Change } from './shift.ts';

export interface PoolingSetup {
  readonly input: Grid;
  readonly preset: PresetId;
  readonly kind: PoolKind;
  readonly window: number;
  readonly stride: number;
  /** Shift of the digit in pixels (right, down). */
  readonly shiftX: number;
  readonly shiftY: number;
}

export interface PoolingResult {
  /** ReLU feature map of the (shifted) digit, and of the unshifted digit. */
  readonly map: Grid;
  readonly baseMap: Grid;
  readonly pooled: Grid;
  readonly basePooled: Grid;
  readonly argmax: Int32Array;
  /** Change caused by the shift, in the feature map and in the pooled map. */
  readonly mapChange: Change;
  readonly pooledChange: Change;
}

/** The feature map the pooling acts on: ReLU(conv2d(input, preset 3×3)), stride 1, no padding. */
export function featureMap(input: Grid, preset: PresetId): Grid {
  return relu(conv2d(input, presetKernel(preset, 3)));
}

export function computePooling(s: PoolingSetup): PoolingResult {
  const baseMap = featureMap(s.input, s.preset);
  const shifted = s.shiftX || s.shiftY ? shiftGrid(s.input, s.shiftX, s.shiftY) : s.input;
  const map = shifted === s.input ? baseMap : featureMap(shifted, s.preset);
  const opts = { kind: s.kind, size: s.window, stride: s.stride };
  const base = pool2d(baseMap, opts);
  const now = map === baseMap ? base : pool2d(map, opts);
  return {
    map,
    baseMap,
    pooled: now.output,
    basePooled: base.output,
    argmax: now.argmax,
    mapChange: mapChange(baseMap, map),
    pooledChange: mapChange(base.output, now.output),
  };
}

/** Side of the pooled map for a 26×26 feature map. */
export function pooledSize(window: number, stride: number, mapSize = 26): number {
  return outputSize(mapSize, window, 0, stride);
}

/** One sentence on the selected pooled cell: its window, value and (for max) where it came from. */
export function describePooledCell(
  s: PoolingSetup,
  r: PoolingResult,
  row: number,
  col: number,
): string {
  const n = r.pooled.width;
  const top = row * s.stride;
  const left = col * s.stride;
  const v = r.pooled.data[row * n + col]!;
  const where = `feature-map rows ${top + 1}–${top + s.window}, columns ${left + 1}–${left + s.window}`;
  if (s.kind === 'avg')
    return `Pooled row ${row + 1}, column ${col + 1}: the average of the ${s.window}×${s.window} window over ${where} is ${fmt(v)}.`;
  if (!(v > 0))
    return `Pooled row ${row + 1}, column ${col + 1}: every cell of the ${s.window}×${s.window} window over ${where} is 0, so the maximum is 0.00.`;
  const at = r.argmax[row * n + col]!;
  const ar = Math.floor(at / r.map.width);
  const ac = at % r.map.width;
  return `Pooled row ${row + 1}, column ${col + 1}: the maximum of the ${s.window}×${s.window} window over ${where} is ${fmt(v)}, from row ${ar + 1}, column ${ac + 1} (pink dot).`;
}

/** The shift comparison in words. */
export function describeShift(s: PoolingSetup, r: PoolingResult): string {
  if (!s.shiftX && !s.shiftY)
    return 'The digit is not shifted: choose a shift to compare the maps.';
  const move = [s.shiftX ? `${s.shiftX} px right` : '', s.shiftY ? `${s.shiftY} px down` : '']
    .filter(Boolean)
    .join(' and ');
  return `Shifting the digit ${move} changed ${pct(r.mapChange.cellsChanged)} of the feature map's cells (total change ${pct(r.mapChange.relative)}) and ${pct(r.pooledChange.cellsChanged)} of the pooled map's cells (total change ${pct(r.pooledChange.relative)}).`;
}

/** The text alternative's summary. */
export function describePooling(s: PoolingSetup, r: PoolingResult): string {
  const kind = s.kind === 'max' ? 'Max' : 'Average';
  return `${kind} pooling, ${s.window}×${s.window} windows with stride ${s.stride}, turns the ${r.map.width}×${r.map.width} feature map (${presetLabels[s.preset]} kernel, after ReLU) into a ${r.pooled.width}×${r.pooled.width} map: ${r.pooled.data.length} values instead of ${r.map.data.length}.`;
}
