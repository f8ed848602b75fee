// Text alternatives for charts: a polite live region that announces a short summary at most once
// per interval, and a data table (usually inside <details>) filled from rows of strings.
import { throttle } from './throttle.ts';

export interface LiveSummary {
  /** Sets the summary; announced after at most `interval` ms (the latest text wins). */
  update(text: string): void;
  /** Writes any pending text now. */
  flush(): void;
  dispose(): void;
}

/**
 * Wraps an element with aria-live="polite" (set here if missing). Identical text is not rewritten,
 * so screen readers do not repeat it.
 */
export function createLiveSummary(el: HTMLElement, interval = 1000): LiveSummary {
  if (!el.hasAttribute('aria-live')) el.setAttribute('aria-live', 'polite');
  const write = throttle((text: string) => {
    if (el.textContent !== text) el.textContent = text;
  }, interval);
  return { update: (t) => write(t), flush: () => write.flush(), dispose: () => write.cancel() };
}

/** Replaces a table's head and body with `columns` and `rows` (text only, never HTML). */
export function renderTable(
  table: HTMLTableElement,
  columns: readonly string[],
  rows: readonly (readonly string[])[],
): void {
  const doc = table.ownerDocument;
  const head = table.tHead ?? table.createTHead();
  const body = table.tBodies[0] ?? table.createTBody();
  const hr = doc.createElement('tr');
  for (const c of columns) {
    const th = doc.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    hr.append(th);
  }
  head.replaceChildren(hr);
  const frag = doc.createDocumentFragment();
  for (const row of rows) {
    const tr = doc.createElement('tr');
    row.forEach((cell, k) => {
      const td = doc.createElement(k === 0 ? 'th' : 'td');
      if (k === 0) td.scope = 'row';
      td.textContent = cell;
      tr.append(td);
    });
    frag.append(tr);
  }
  body.replaceChildren(frag);
}
