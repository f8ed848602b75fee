// Pure: no DOM. Where each character and strip of the gate viewer goes: the text is cut into rows
// at newlines and at the width; every row is followed by one strip per series.

export interface GateRow {
  /** Index of the row's first character in the text. */
  start: number;
  /** Characters in the row (a newline ends its row and is drawn as a blank cell). */
  length: number;
}

/** Rows of at most `columns` characters, breaking after each newline. */
export function layoutRows(text: string, columns: number): GateRow[] {
  const rows: GateRow[] = [];
  const cols = Math.max(1, columns);
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const isBreak = text[i] === '\n';
    i++;
    if (isBreak || i - start >= cols) {
      rows.push({ start, length: i - start });
      start = i;
    }
  }
  if (start < text.length || rows.length === 0) rows.push({ start, length: text.length - start });
  return rows;
}

export const CELL_W = 9;
export const TEXT_H = 15;
export const STRIP_H = 7;
export const ROW_GAP = 6;
export const LABEL_W = 24;

export function rowHeight(strips: number): number {
  return TEXT_H + strips * STRIP_H + ROW_GAP;
}

/** The character under a point (canvas CSS pixels), or −1. */
export function charAt(rows: GateRow[], strips: number, x: number, y: number): number {
  const r = Math.floor(y / rowHeight(strips));
  const c = Math.floor((x - LABEL_W) / CELL_W);
  const row = rows[r];
  if (!row || c < 0 || c >= row.length) return -1;
  return row.start + c;
}
