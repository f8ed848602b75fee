// Browser: the explorer's text views (the products table, the kernel inputs, the feature-map
// table). Text only (textContent), never HTML strings.
import type { WindowTerm } from '../../../lib/conv/conv2d.ts';
import { fmt } from '../../../lib/conv/format.ts';
import type { Grid } from '../../../lib/conv/grid.ts';

/** Fills the products table: one row per kernel row, "x × w = product" in each cell. */
export function renderProducts(
  table: HTMLTableElement,
  terms: readonly WindowTerm[],
  k: number,
): void {
  const doc = table.ownerDocument;
  const body = table.tBodies[0] ?? table.createTBody();
  const rows: HTMLTableRowElement[] = [];
  for (let u = 0; u < k; u++) {
    const tr = doc.createElement('tr');
    for (let v = 0; v < k; v++) {
      const t = terms[u * k + v]!;
      const td = doc.createElement('td');
      td.textContent = `${fmt(t.x)} × ${fmt(t.w)} = ${fmt(t.product)}`;
      if (!t.inside) {
        td.classList.add('nb-conv-pad');
        td.title = 'zero padding';
      }
      if (t.product > 0) td.classList.add('nb-conv-plus');
      else if (t.product < 0) td.classList.add('nb-conv-minus');
      tr.append(td);
    }
    rows.push(tr);
  }
  body.replaceChildren(...rows);
}

/** Rebuilds the k×k weight inputs if the size changed; writes values except into `skip`. */
export function renderKernelInputs(
  host: HTMLElement,
  kernel: Grid,
  skip: Element | null,
): HTMLInputElement[] {
  const k = kernel.height;
  let inputs = [...host.querySelectorAll<HTMLInputElement>('input[data-weight]')];
  if (inputs.length !== k * k) {
    const doc = host.ownerDocument;
    inputs = Array.from(kernel.data, (_, i) => {
      const el = doc.createElement('input');
      el.type = 'text';
      el.inputMode = 'decimal';
      el.dataset['weight'] = String(i);
      el.setAttribute('aria-label', `Weight, row ${Math.floor(i / k) + 1}, column ${(i % k) + 1}`);
      return el;
    });
    host.replaceChildren(...inputs);
    host.style.setProperty('--k', String(k));
  }
  inputs.forEach((el, i) => {
    if (el === skip) return;
    const w = kernel.data[i]!;
    el.value = weightText(w);
    el.removeAttribute('aria-invalid');
  });
  return inputs;
}

/** A weight as the reader would type it: up to 3 decimals, no trailing zeros. */
export function weightText(w: number): string {
  const t = fmt(w, 3)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  return t === '−0' ? '0' : t;
}

/** The whole map as a table of values with one decimal (rows and columns numbered from 1). */
export function renderMapTable(table: HTMLTableElement, g: Grid): void {
  const doc = table.ownerDocument;
  const head = doc.createElement('tr');
  const corner = doc.createElement('th');
  corner.scope = 'col';
  corner.textContent = 'row';
  head.append(corner);
  for (let c = 0; c < g.width; c++) {
    const th = doc.createElement('th');
    th.scope = 'col';
    th.textContent = String(c + 1);
    head.append(th);
  }
  const thead = doc.createElement('thead');
  thead.append(head);
  const body = doc.createElement('tbody');
  for (let r = 0; r < g.height; r++) {
    const tr = doc.createElement('tr');
    const th = doc.createElement('th');
    th.scope = 'row';
    th.textContent = String(r + 1);
    tr.append(th);
    for (let c = 0; c < g.width; c++) {
      const td = doc.createElement('td');
      td.textContent = fmt(g.data[r * g.width + c]!, 1);
      tr.append(td);
    }
    body.append(tr);
  }
  table.replaceChildren(thead, body);
}
