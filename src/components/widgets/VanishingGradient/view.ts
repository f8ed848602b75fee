// Redraws the vanishing-gradient chart, summary and table from a VanishingChart (plain DOM; the
// shell rendered the same structure at build time).
import type { VanishingChart } from '../../../lib/rnn/vanishing-chart.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

function ticks(
  g: Element | null,
  list: VanishingChart['xTicks'],
  place: (t: { at: number }) => Record<string, string>,
): void {
  if (!g) return;
  g.replaceChildren(
    ...list.map((t) => {
      const el = document.createElementNS(SVG_NS, 'text');
      for (const [k, v] of Object.entries(place(t))) el.setAttribute(k, v);
      el.textContent = t.label;
      return el;
    }),
  );
}

/** Redraws everything; the summary sentence goes through `say` (a throttled live region). */
export function drawVanishing(
  root: HTMLElement,
  c: VanishingChart,
  say: (t: string) => void,
): void {
  root.querySelector('path[data-series="rnn"]')?.setAttribute('d', c.rnn);
  root.querySelector('path[data-series="lstm"]')?.setAttribute('d', c.lstm);
  ticks(root.querySelector('[data-vg-xticks]'), c.xTicks, (t) => ({
    x: t.at.toFixed(1),
    y: String(c.area.bottom + 16),
    'text-anchor': 'middle',
  }));
  ticks(root.querySelector('[data-vg-yticks]'), c.yTicks, (t) => ({
    x: String(c.area.left - 6),
    y: (t.at + 4).toFixed(1),
    'text-anchor': 'end',
  }));
  say(c.summary);
  const body = root.querySelector('[data-vg-table] tbody');
  if (body) {
    const frag = document.createDocumentFragment();
    for (const r of c.rows) {
      const tr = document.createElement('tr');
      r.forEach((cell, k) => {
        const td = document.createElement(k === 0 ? 'th' : 'td');
        if (k === 0) td.setAttribute('scope', 'row');
        td.textContent = cell;
        tr.append(td);
      });
      frag.append(tr);
    }
    body.replaceChildren(frag);
  }
}
