// Captions that follow the widget's state and layout (issue 16): the title names the data set
// being learned (it said "two spirals" after switching to XOR), and the legend says where the loss
// chart is ("On the right" on a wide screen, "Below" on a phone). Pure helpers plus a small
// browser wiring function; the helpers are unit tested in tests/unit/widgets/training-demo-captions.test.ts.

/** How each data set is named inside a sentence. */
export const DATASET_PHRASES: Readonly<Record<string, string>> = {
  spiral: 'two spirals',
  xor: 'XOR (four quadrants)',
  circles: 'a disc inside a ring',
  gaussians: 'two clusters',
};

/**
 * The caption with the phrase of data set `from` replaced by that of `to` (case kept for a
 * capitalised first letter); unchanged when the caption does not name `from`.
 */
export function retitle(caption: string, from: string, to: string): string {
  const a = DATASET_PHRASES[from];
  const b = DATASET_PHRASES[to];
  if (!a || !b || a === b) return caption;
  const i = caption.toLowerCase().indexOf(a.toLowerCase());
  if (i === -1) return caption;
  const found = caption.slice(i, i + a.length);
  const next = found[0] === found[0]?.toUpperCase() ? b[0]!.toUpperCase() + b.slice(1) : b;
  return caption.slice(0, i) + next + caption.slice(i + a.length);
}

/** Where the loss chart sits relative to the prediction map. */
export function chartPosition(
  map: { top: number; bottom: number; left: number; right: number },
  chart: { top: number; bottom: number; left: number; right: number },
): 'right' | 'below' {
  return chart.top >= map.bottom - 1 && chart.left < map.right ? 'below' : 'right';
}

/** The legend sentence with its position word matching `where`. */
export function placeLegend(text: string, where: 'right' | 'below'): string {
  return text.replace(
    /\b(On the right|Below)(?=, the solid line)/,
    where === 'right' ? 'On the right' : 'Below',
  );
}

/**
 * Wires both to a TrainingDemo root: call `datasetChanged(id)` when the data set changes.
 * Returns the cleanup function and that callback.
 */
export function wireCaptions(
  root: HTMLElement,
  startDataset: string,
): {
  datasetChanged(id: string): void;
  dispose(): void;
} {
  const caption = root.querySelector<HTMLElement>('figcaption');
  const original = caption?.textContent ?? '';
  const legend = root.querySelector<HTMLElement>('.nb-td-legend');
  const map = root.querySelector('svg[data-heatmap]');
  const chart = root.querySelector('svg[data-curves]');
  const relayout = (): void => {
    if (!legend || !map || !chart) return;
    const next = placeLegend(
      legend.textContent ?? '',
      chartPosition(map.getBoundingClientRect(), chart.getBoundingClientRect()),
    );
    if (next !== legend.textContent) legend.textContent = next;
  };
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(relayout) : undefined;
  observer?.observe(root);
  relayout();
  return {
    datasetChanged(id) {
      if (caption) caption.textContent = retitle(original, startDataset, id);
    },
    dispose() {
      observer?.disconnect();
    },
  };
}
