// Redraws the memory task's charts from LineChart models (plain SVG DOM; the shell rendered the
// same structure at build time). Circles mark the RNN, squares the LSTM.
import type { LineChart } from '../../../lib/rnn/memory-chart.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

function texts(
  g: Element | null,
  ticks: LineChart['xTicks'],
  attrs: (at: number) => Record<string, string>,
): void {
  if (!g) return;
  g.replaceChildren(
    ...ticks.map((t) => {
      const el = document.createElementNS(SVG_NS, 'text');
      for (const [k, v] of Object.entries(attrs(t.at))) el.setAttribute(k, v);
      el.textContent = t.label;
      return el;
    }),
  );
}

export function drawLineChart(svg: SVGSVGElement, c: LineChart): void {
  texts(svg.querySelector('[data-ticks="x"]'), c.xTicks, (at) => ({
    x: at.toFixed(1),
    y: String(c.area.bottom + 16),
    'text-anchor': 'middle',
  }));
  for (const s of c.series) {
    svg.querySelector(`path[data-series="${s.id}"]`)?.setAttribute('d', s.d);
    const g = svg.querySelector(`[data-marks="${s.id}"]`);
    if (!g) continue;
    g.replaceChildren(
      ...s.points.map((p) => {
        if (s.id === 'rnn') {
          const el = document.createElementNS(SVG_NS, 'circle');
          el.setAttribute('cx', p.x.toFixed(1));
          el.setAttribute('cy', p.y.toFixed(1));
          el.setAttribute('r', '3.5');
          return el;
        }
        const el = document.createElementNS(SVG_NS, 'rect');
        el.setAttribute('x', (p.x - 3.2).toFixed(1));
        el.setAttribute('y', (p.y - 3.2).toFixed(1));
        el.setAttribute('width', '6.4');
        el.setAttribute('height', '6.4');
        return el;
      }),
    );
  }
}
