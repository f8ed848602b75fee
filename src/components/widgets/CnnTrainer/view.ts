// Drawing for the CNN trainer: tiles of kernels and feature maps on canvases, the confusion
// matrix's cells, the digits behind a cell and the accuracy curves. View-models come from
// src/lib/cnn-trainer; nothing here trains or computes predictions.
import { cellShade, type Confusion } from '../../../lib/cnn-trainer/confusion.ts';
import { columnsFor, tileImages, type TileGrid } from '../../../lib/cnn-trainer/images.ts';
import type { KernelImages, LayerMaps } from '../../../lib/cnn-trainer/model.ts';
import { curvesViewModel, type Series } from '../../../lib/viz/curves.ts';
import { drawCurves } from '../shared/curves-view.ts';

/** Paints a tile grid onto `canvas` at its natural size; CSS scales it (pixelated). */
export function paintGrid(canvas: HTMLCanvasElement, grid: TileGrid, scale = 1): void {
  if (canvas.width !== grid.width) canvas.width = grid.width;
  if (canvas.height !== grid.height) canvas.height = grid.height;
  canvas.style.width = `${grid.width * scale}px`;
  canvas.style.aspectRatio = `${grid.width} / ${grid.height}`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(grid.width, grid.height);
  img.data.set(grid.rgba);
  ctx.putImageData(img, 0, 0);
}

const isDark = () => document.documentElement.dataset['theme'] === 'dark';

/** First-layer kernels (CNN: small kernels; dense: 28×28 templates) in the diverging scale. */
export function drawKernels(canvas: HTMLCanvasElement, k: KernelImages): void {
  const big = k.width > 10;
  const cols = big ? Math.min(k.count, 8) : Math.min(k.count, 8);
  const grid = tileImages(k.values, k.count, k.height, k.width, {
    cols,
    gap: 1,
    scale: 'diverging',
    dark: isDark(),
  });
  paintGrid(canvas, grid, big ? 2 : 10);
}

/** Draws the kernels into the widget's canvas and words its label and legend for `kind`. */
export function showKernels(root: HTMLElement, k: KernelImages, kind: 'cnn' | 'dense'): void {
  const canvas = root.querySelector<HTMLCanvasElement>('canvas[data-kernels]');
  if (!canvas) return;
  drawKernels(canvas, k);
  canvas.setAttribute(
    'aria-label',
    kind === 'cnn'
      ? `The ${k.count} first-layer kernels, ${k.height}×${k.width} weights each, as coloured squares`
      : `The ${k.count} hidden units' weights on the 784 pixels, each as a 28×28 image`,
  );
  const legend = root.querySelector('[data-kernels-legend]');
  if (legend)
    legend.textContent =
      kind === 'cnn'
        ? `Each square is one ${k.height}×${k.width} kernel of the first convolutional layer: red weights add brightness under them, blue ones subtract it, white is zero.`
        : 'The dense network has no kernels: each square is one hidden unit’s weight on every pixel, a whole-image template (red positive, blue negative).';
}

/** One row per layer: its label and its maps as grey tiles. */
export function drawLayers(root: HTMLElement, layers: readonly LayerMaps[]): void {
  const doc = root.ownerDocument;
  const rows = layers.map((l) => {
    const fig = doc.createElement('figure');
    fig.className = 'ct-layer';
    const cap = doc.createElement('figcaption');
    cap.textContent = `${l.name}: ${l.label}`;
    const canvas = doc.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', layerAlt(l));
    const flat = l.height === 1;
    // Every map at least ~44 px on screen; as many per row as fit in ~520 px.
    const scale = flat
      ? Math.max(2, Math.min(24, Math.floor(320 / l.width)))
      : Math.max(1, Math.round(44 / l.width));
    const cols = flat ? 1 : columnsFor(l.channels, l.width * scale, 520, 2 * scale);
    const grid = tileImages(l.values, l.channels, l.height, l.width, {
      cols,
      gap: 1,
      scale: 'grey',
      fromZero: true,
      dark: isDark(),
    });
    paintGrid(canvas, grid, scale);
    if (flat) canvas.style.height = '18px';
    fig.append(cap, canvas);
    if (l.name === 'output') fig.append(probabilityList(doc, l.values));
    return fig;
  });
  root.replaceChildren(...rows);
}

function probabilityList(doc: Document, p: Float32Array): HTMLElement {
  const ol = doc.createElement('ol');
  ol.className = 'ct-probs';
  ol.setAttribute('aria-label', 'Probability of each digit');
  p.forEach((v, k) => {
    const li = doc.createElement('li');
    li.textContent = `${k}: ${(100 * v).toFixed(1)}%`;
    ol.append(li);
  });
  return ol;
}

/** Words for one layer's maps: which maps are most active. */
export function layerAlt(l: LayerMaps): string {
  const per = l.height * l.width;
  const means: number[] = [];
  for (let c = 0; c < l.channels; c++) {
    let s = 0;
    for (let i = 0; i < per; i++) s += l.values[c * per + i]!;
    means.push(s / per);
  }
  if (l.name === 'output') {
    let best = 0;
    for (let k = 1; k < l.values.length; k++) if (l.values[k]! > l.values[best]!) best = k;
    return `Output: most probable digit ${best} (${(100 * l.values[best]!).toFixed(1)}%).`;
  }
  if (l.channels === 1) return `${l.label}.`;
  const order = means.map((m, c) => [m, c] as const).sort((a, b) => b[0] - a[0]);
  const top = order
    .slice(0, 3)
    .map(([, c]) => c + 1)
    .join(', ');
  const silent = means.filter((m) => m <= 1e-6).length;
  return `${l.label}. Most active maps: ${top}.${silent ? ` ${silent} maps are all zero for this digit.` : ''}`;
}

/** Writes counts, shades and labels into the static matrix's cell buttons. */
export function drawConfusion(
  table: HTMLTableElement,
  c: Confusion,
  selected: readonly [number, number] | null,
  labels = true,
): void {
  for (const b of table.querySelectorAll<HTMLButtonElement>('button[data-cell]')) {
    const [t, p] = (b.dataset['cell'] ?? '0,0').split(',').map(Number) as [number, number];
    const n = c.counts[t * c.classes + p]!;
    const text = String(n);
    if (b.textContent !== text) b.textContent = text;
    const shade = cellShade(c, t, p);
    b.style.setProperty('--shade', shade.toFixed(3));
    b.classList.toggle('ct-diag', t === p);
    b.classList.toggle('ct-strong', shade > 0.55);
    const on = selected !== null && selected[0] === t && selected[1] === p;
    b.setAttribute('aria-pressed', String(on));
    if (labels)
      b.setAttribute(
        'aria-label',
        `true ${t}, predicted ${p}: ${n} digit${n === 1 ? '' : 's'}${t === p ? ' (right)' : ''}`,
      );
  }
}

/** Thumbnails of the digits behind a cell; each is a button that shows its feature maps. */
export function drawCellDigits(
  root: HTMLElement,
  images: Uint8Array,
  indices: readonly number[],
  total: number,
  title: string,
): void {
  const doc = root.ownerDocument;
  const p = doc.createElement('p');
  p.textContent =
    total === 0
      ? `${title}: none.`
      : `${title}: ${total} digit${total === 1 ? '' : 's'}${total > indices.length ? `, the first ${indices.length} shown` : ''}. Select one to see its feature maps.`;
  const list = doc.createElement('ul');
  list.className = 'ct-thumbs';
  for (const i of indices) {
    const li = doc.createElement('li');
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = 'ct-thumb';
    b.dataset['digit'] = String(i);
    b.setAttribute('aria-label', `Test digit number ${i + 1}`);
    const canvas = doc.createElement('canvas');
    const values = new Float32Array(784);
    for (let k = 0; k < 784; k++) values[k] = images[i * 784 + k]! / 255;
    paintGrid(canvas, tileImages(values, 1, 28, 28, { scale: 'grey' }), 1.5);
    canvas.setAttribute('aria-hidden', 'true');
    b.append(canvas);
    li.append(b);
    list.append(li);
  }
  root.replaceChildren(p, list);
}

/** The accuracy chart: this run solid, the other network's last run dashed. */
export function drawAccuracy(svg: SVGSVGElement, series: Series[], maxEpoch: number): void {
  const vm = curvesViewModel(
    series,
    { width: 420, height: 220, margin: { top: 12, right: 70, bottom: 34, left: 58 } },
    {
      yDomain: [0, 1],
      xDomain: [0, Math.max(0.5, maxEpoch)],
      yTickCount: 5,
    },
  );
  drawCurves(svg, vm, { x: 'epoch', y: 'test accuracy' });
}
