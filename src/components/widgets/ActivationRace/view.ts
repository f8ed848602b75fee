// d3 drawing of one race lane: the network's prediction as a heatmap and the data points.
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';

const S = 200;
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface LaneView {
  readonly svg: SVGSVGElement;
}

/** An svg for one lane with the points drawn once (circle = class 1, square = class 0). */
export function createLaneView(
  host: Element,
  title: string,
  points: ReadonlyArray<{ x: number; y: number; label: number }>,
): LaneView {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${S} ${S}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  svg.classList.add('nb-plane', 'nb-race-plane');
  host.replaceChildren(svg);
  const sx = scaleLinear().domain([-1, 1]).range([0, S]);
  const sy = scaleLinear().domain([-1, 1]).range([S, 0]);
  const root = select(svg);
  root.append('g').attr('class', 'heat');
  root
    .append('g')
    .attr('class', 'points')
    .selectAll('path')
    .data(points)
    .join('path')
    .attr('class', (d) => `pt-s c${d.label}`)
    .attr('transform', (d) => `translate(${sx(d.x)},${sy(d.y)})`)
    .attr('d', (d) =>
      d.label === 1 ? 'M3,0A3,3 0 1,1 -3,0A3,3 0 1,1 3,0Z' : 'M-2.6,-2.6H2.6V2.6H-2.6Z',
    );
  return { svg };
}

/**
 * Redraws the heatmap from a cols × cols grid of class-1 probabilities (row 0 at the top). Cells
 * are placed once; later calls only change their class and opacity.
 */
export function drawLane(view: LaneView, grid: Float64Array, cols: number): void {
  const c = S / cols;
  select(view.svg)
    .select('g.heat')
    .selectAll<SVGRectElement, number>('rect')
    .data(Array.from(grid))
    .join((enter) =>
      enter
        .append('rect')
        .attr('x', (_, k) => (k % cols) * c)
        .attr('y', (_, k) => Math.floor(k / cols) * c)
        .attr('width', c)
        .attr('height', c),
    )
    .attr('class', (v) => (v >= 0.5 ? 'c1' : 'c0'))
    .attr('fill-opacity', (v) =>
      Number.isFinite(v) ? (0.08 + 0.6 * Math.abs(v - 0.5)).toFixed(2) : 0,
    );
}
