// Drawing for the digit probe: images and maps into small canvases (28×28 or 12×12 pixels, scaled
// up by CSS with crisp edges) and the probability table. No computation beyond colour mapping.

/** Grey digit: 0 → page background-ish white, 1 → black ink. */
export function drawGrey(canvas: HTMLCanvasElement, values: Float32Array, side = 28): void {
  paint(canvas, side, (i) => {
    const v = 255 - Math.round(255 * Math.min(1, Math.max(0, values[i]!)));
    return [v, v, v];
  });
}

/** Magnitude 0–1 as a heat map (white → orange → dark red). */
export function drawHeat(canvas: HTMLCanvasElement, values: Float32Array, side = 28): void {
  paint(canvas, side, (i) => {
    const t = Math.min(1, Math.max(0, values[i]!));
    return [255 - Math.round(90 * t), 255 - Math.round(200 * t), 255 - Math.round(235 * t)];
  });
}

/** Signed values scaled by `scale` (|v| = scale is full colour): blue negative, red positive. */
export function drawSigned(
  canvas: HTMLCanvasElement,
  values: Float32Array,
  side: number,
  scale: number,
): void {
  paint(canvas, side, (i) => {
    const t = scale > 0 ? Math.max(-1, Math.min(1, values[i]! / scale)) : 0;
    const a = Math.round(200 * Math.abs(t));
    return t >= 0 ? [255, 255 - a, 255 - a] : [255 - a, 255 - a, 255];
  });
}

function paint(
  canvas: HTMLCanvasElement,
  side: number,
  colour: (i: number) => [number, number, number],
): void {
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const [r, g, b] = colour(i);
    img.data[i * 4] = r;
    img.data[i * 4 + 1] = g;
    img.data[i * 4 + 2] = b;
    img.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
}

/** Fills the probability table: one row per digit, one column per probability vector. */
export function renderProbabilities(
  tbody: HTMLTableSectionElement,
  columns: readonly Float32Array[],
): void {
  const doc = tbody.ownerDocument;
  const rows: HTMLTableRowElement[] = [];
  for (let d = 0; d < 10; d++) {
    const tr = doc.createElement('tr');
    const th = doc.createElement('th');
    th.scope = 'row';
    th.textContent = String(d);
    tr.append(th);
    for (const probs of columns) {
      const p = probs[d] ?? 0;
      const td = doc.createElement('td');
      const bar = doc.createElement('span');
      bar.className = 'dp-bar';
      bar.style.inlineSize = `${(p * 5).toFixed(2)}rem`;
      const text = doc.createElement('span');
      text.className = 'dp-pct';
      text.textContent = `${(p * 100).toFixed(1)}%`;
      td.append(bar, text);
      tr.append(td);
    }
    rows.push(tr);
  }
  tbody.replaceChildren(...rows);
}

/** Index of the largest value. */
export function top(v: Float32Array): number {
  let b = 0;
  for (let i = 1; i < v.length; i++) if (v[i]! > v[b]!) b = i;
  return b;
}
