// d3 drawing of an activation f (solid), its derivative f′ (dashed), the current x with its
// value, slope and tangent line. Draws a view-model; computes nothing about training.
import { line } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import type { ExplorerRange } from './model.ts';

const W = 480;
const H = 280;
const M = { top: 12, right: 12, bottom: 28, left: 40 };
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ActivationView {
  readonly svg: SVGSVGElement;
  /** The x in data units at a client (pointer) x position. */
  xAt(clientX: number): number;
}

export interface ActivationPlot {
  readonly samples: ReadonlyArray<{ x: number; y: number; dy: number }>;
  readonly yLo: number;
  readonly yHi: number;
  readonly x: number;
  readonly value: number;
  readonly slope: number;
  readonly label: string;
}

export function createActivationView(host: Element, range: ExplorerRange): ActivationView {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('role', 'img');
  svg.classList.add('nb-activation-plot');
  host.replaceChildren(svg);
  const root = select(svg);
  for (const cls of ['axes', 'curves', 'marker']) root.append('g').attr('class', cls);
  const sx = scaleLinear()
    .domain([range.lo, range.hi])
    .range([M.left, W - M.right]);
  return {
    svg,
    xAt(clientX) {
      const r = svg.getBoundingClientRect();
      const px = ((clientX - r.left) / r.width) * W;
      return sx.invert(px);
    },
  };
}

export function drawActivation(
  view: ActivationView,
  range: ExplorerRange,
  m: ActivationPlot,
): void {
  const sx = scaleLinear()
    .domain([range.lo, range.hi])
    .range([M.left, W - M.right]);
  const sy = scaleLinear()
    .domain([m.yLo, m.yHi])
    .range([H - M.bottom, M.top]);
  const root = select(view.svg);
  view.svg.setAttribute('aria-label', `${m.label} (solid) and its derivative (dashed)`);
  const axes = root.select<SVGGElement>('g.axes');
  axes.selectAll('*').remove();
  axes
    .append('line')
    .attr('class', 'zero')
    .attr('x1', M.left)
    .attr('x2', W - M.right)
    .attr('y1', sy(0))
    .attr('y2', sy(0));
  axes
    .append('line')
    .attr('class', 'zero')
    .attr('x1', sx(0))
    .attr('x2', sx(0))
    .attr('y1', M.top)
    .attr('y2', H - M.bottom);
  for (const t of sx.ticks(6))
    axes
      .append('text')
      .attr('x', sx(t))
      .attr('y', H - 8)
      .attr('text-anchor', 'middle')
      .text(String(t).replace('-', '−'));
  for (const t of sy.ticks(5))
    axes
      .append('text')
      .attr('x', M.left - 6)
      .attr('y', sy(t) + 4)
      .attr('text-anchor', 'end')
      .text(String(t).replace('-', '−'));

  const clip = (v: number): number => Math.min(Math.max(v, m.yLo), m.yHi);
  const fLine = line<{ x: number; y: number }>()
    .x((d) => sx(d.x))
    .y((d) => sy(clip(d.y)));
  const curves = root.select<SVGGElement>('g.curves');
  curves
    .selectAll('path.f')
    .data([m.samples.map((p) => ({ x: p.x, y: p.y }))])
    .join('path')
    .attr('class', 'f')
    .attr('d', fLine);
  curves
    .selectAll('path.df')
    .data([m.samples.map((p) => ({ x: p.x, y: p.dy }))])
    .join('path')
    .attr('class', 'df')
    .attr('d', fLine);

  // Tangent: y = value + slope·(t − x) over a short span, clipped to the plot.
  const span = (range.hi - range.lo) * 0.12;
  const tangent = [
    { x: m.x - span, y: m.value - m.slope * span },
    { x: m.x + span, y: m.value + m.slope * span },
  ];
  const marker = root.select<SVGGElement>('g.marker');
  marker
    .selectAll('line.cursor')
    .data([m.x])
    .join('line')
    .attr('class', 'cursor')
    .attr('x1', (d) => sx(d))
    .attr('x2', (d) => sx(d))
    .attr('y1', M.top)
    .attr('y2', H - M.bottom);
  marker
    .selectAll('path.tangent')
    .data([tangent])
    .join('path')
    .attr('class', 'tangent')
    .attr('d', fLine);
  marker
    .selectAll('circle.at-f')
    .data([m.value])
    .join('circle')
    .attr('class', 'at-f')
    .attr('r', 5)
    .attr('cx', sx(m.x))
    .attr('cy', (d) => sy(clip(d)));
  marker
    .selectAll('rect.at-df')
    .data([m.slope])
    .join('rect')
    .attr('class', 'at-df')
    .attr('width', 8)
    .attr('height', 8)
    .attr('x', sx(m.x) - 4)
    .attr('y', (d) => sy(clip(d)) - 4);
}
