// Pure: no DOM. Number formatting shared by the explorers and their tests: a fixed number of
// decimals, a real minus sign and never "−0".

/** `v` with `digits` decimals (default 2), "−" for negatives, "0.00" rather than "−0.00". */
export function fmt(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '−∞' : 'not a number';
  const r = Number(v.toFixed(digits));
  return (Object.is(r, -0) ? 0 : r).toFixed(digits).replace('-', '−');
}

/** A fraction as a whole percentage, e.g. 0.234 → "23%". */
export function pct(v: number): string {
  return Number.isFinite(v) ? `${Math.round(v * 100)}%` : '—';
}

/** Parses a number the reader typed, accepting "−" and "," as decimal comma; NaN if not a number. */
export function parseTyped(s: string): number {
  const t = s.trim().replace(/[−–]/g, '-').replace(',', '.');
  return t === '' || t === '-' ? NaN : Number(t);
}
