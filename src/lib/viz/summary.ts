// Pure: no DOM. Text alternatives for charts: one-sentence summaries for a polite live region
// and rows for a data table, so every chart can be read without seeing it.
import { formatNumber } from './scales.ts';
import type { Series } from './curves.ts';

/**
 * "Train loss 0.123 at step 200, down from 2.31; test loss 0.2 at step 200." — one clause per
 * series with its latest value and the change from its first value.
 */
export function curvesSummary(series: readonly Series[], xName = 'step'): string {
  const parts: string[] = [];
  for (const s of series) {
    const pts = s.points.filter((p) => Number.isFinite(p.x));
    const first = pts[0];
    const last = pts[pts.length - 1];
    if (!first || !last) continue;
    let clause = `${s.label} ${formatNumber(last.y)} at ${xName} ${formatNumber(last.x)}`;
    if (pts.length > 1 && Number.isFinite(first.y) && Number.isFinite(last.y)) {
      const dir = last.y < first.y ? 'down' : last.y > first.y ? 'up' : 'unchanged';
      clause += dir === 'unchanged' ? ', unchanged' : `, ${dir} from ${formatNumber(first.y)}`;
    }
    parts.push(clause);
  }
  if (!parts.length) return 'No data yet.';
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/**
 * Rows for a data table of several series sharing an x axis: one row per x (in order), one
 * column per series ('' where a series has no point at that x). At most `maxRows` rows are
 * kept, evenly spaced and always including the last.
 */
export function curvesTable(
  series: readonly Series[],
  maxRows = 50,
): { columns: string[]; rows: string[][] } {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const picked = thin(xs, maxRows);
  const lookup = series.map((s) => new Map(s.points.map((p) => [p.x, p.y])));
  return {
    columns: ['x', ...series.map((s) => s.label)],
    rows: picked.map((x) => [
      formatNumber(x),
      ...lookup.map((m) => (m.has(x) ? formatNumber(m.get(x)!, 4) : '')),
    ]),
  };
}

/** Up to `max` items evenly spaced through `items`, always keeping the first and the last. */
export function thin<T>(items: readonly T[], max: number): T[] {
  if (max < 2) return items.slice(-1);
  if (items.length <= max) return [...items];
  const out: T[] = [];
  const step = (items.length - 1) / (max - 1);
  for (let k = 0; k < max; k++) out.push(items[Math.round(k * step)]!);
  return out;
}
