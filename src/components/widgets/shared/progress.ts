// Fills the progress readout rendered by Progress.astro.
import { formatNumber } from '../../../lib/viz/scales.ts';

export interface ProgressValues {
  step?: number;
  epoch?: number;
  loss?: number;
  /** examples (or steps) per second */
  rate?: number;
  backend?: string;
}

/** Writes the given fields into `root`'s [data-nb-progress] cells; missing fields are untouched. */
export function renderProgress(root: HTMLElement, values: ProgressValues): void {
  for (const [field, value] of Object.entries(values) as Array<
    [keyof ProgressValues, string | number | undefined]
  >) {
    const cell = root.querySelector<HTMLElement>(`[data-nb-progress="${field}"]`);
    if (!cell || value === undefined) continue;
    const text =
      typeof value === 'number'
        ? field === 'step' || field === 'epoch'
          ? String(Math.round(value))
          : formatNumber(value)
        : String(value);
    if (cell.textContent !== text) cell.textContent = text;
  }
}
