// Pure: no DOM. Drawing with the keyboard: a cursor moves on a grid over the pad with the arrow
// keys; Space (or Enter) puts the pen down or lifts it; while the pen is down every move extends
// the current stroke. The DrawPad widget keeps one of these beside its pointer drawing.
import type { PadPoint, Stroke } from './drawing.ts';

/** Cursor positions per side of the pad. */
export const PEN_GRID = 20;

export interface PenState {
  /** Cursor column and row, 0 … PEN_GRID. */
  col: number;
  row: number;
  down: boolean;
  strokes: Stroke[];
}

export function initialPen(strokes: Stroke[] = []): PenState {
  return { col: PEN_GRID / 2, row: PEN_GRID / 2, down: false, strokes };
}

/** The cursor's position on the pad. */
export function penPoint(s: PenState): PadPoint {
  return { x: s.col / PEN_GRID, y: s.row / PEN_GRID };
}

const clamp = (v: number) => Math.max(0, Math.min(PEN_GRID, v));

/** Moves the cursor by (dc, dr) grid steps; with the pen down the stroke follows. */
export function movePen(s: PenState, dc: number, dr: number): PenState {
  const col = clamp(s.col + dc);
  const row = clamp(s.row + dr);
  if (col === s.col && row === s.row) return s;
  const next = { ...s, col, row };
  if (!s.down || s.strokes.length === 0) return next;
  const strokes = s.strokes.slice();
  strokes[strokes.length - 1] = [...strokes[strokes.length - 1]!, penPoint(next)];
  return { ...next, strokes };
}

/** Puts the pen down (starting a stroke with a dot at the cursor) or lifts it. */
export function togglePen(s: PenState): PenState {
  if (s.down) return { ...s, down: false };
  return { ...s, down: true, strokes: [...s.strokes, [penPoint(s)]] };
}

/** Arrow keys (and Shift for bigger steps) → grid steps; undefined for other keys. */
export function arrowStep(key: string, big: boolean): [number, number] | undefined {
  const d = big ? 3 : 1;
  switch (key) {
    case 'ArrowLeft':
      return [-d, 0];
    case 'ArrowRight':
      return [d, 0];
    case 'ArrowUp':
      return [0, -d];
    case 'ArrowDown':
      return [0, d];
    default:
      return undefined;
  }
}

/** One sentence on where the cursor is, for the pad's live description. */
export function describePen(s: PenState): string {
  const where = `column ${Math.round(s.col)} of ${PEN_GRID}, row ${Math.round(s.row)} of ${PEN_GRID}`;
  return `Cursor at ${where}; pen ${s.down ? 'down (drawing)' : 'up'}.`;
}
