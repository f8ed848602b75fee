// d3 drawing of a 2-D plane with labelled points, a decision line, the weight vector and an
// output heatmap. Shared by NeuronExplorer and PerceptronTrainer. Draws view-models only.
import { select, type Selection } from 'd3-selection';
import { scaleLinear } from 'd3-scale';
import type { Bounds, Grid, LabelledPoint, Neuron2 } from '../../../lib/ml/neuron.ts';
import { decisionLine } from '../../../lib/ml/neuron.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const PLANE_SIZE = 320;
const PAD = 28;

export interface PlaneView {
  readonly svg: SVGSVGElement;
  readonly sx: (v: number) => number;
  readonly sy: (v: number) => number;
  readonly heat: Selection<SVGGElement, unknown, null, undefined>;
  readonly line: Selection<SVGGElement, unknown, null, undefined>;
  readonly points: Selection<SVGGElement, unknown, null, undefined>;
  /** Id of this svg's arrow-head marker (unique in the page). */
  readonly arrowId: string;
}

let planes = 0;

/** What to draw: the points, the neuron, which points are wrong, and one to highlight. */
export interface PlaneModel {
  readonly points: readonly LabelledPoint[];
  readonly neuron: Neuron2;
  readonly wrong: ReadonlySet<number>;
  readonly highlight?: number | undefined;
  readonly grid?: Grid | undefined;
}

/** Builds the static frame (axes, layers) inside `host` and returns the handles to draw into. */
export function createPlane(host: Element, bounds: Bounds, title: string): PlaneView {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${PLANE_SIZE} ${PLANE_SIZE}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  svg.classList.add('nb-plane');
  host.replaceChildren(svg);
  const sx = scaleLinear()
    .domain([bounds.xMin, bounds.xMax])
    .range([PAD, PLANE_SIZE - 8]);
  const sy = scaleLinear()
    .domain([bounds.yMin, bounds.yMax])
    .range([PLANE_SIZE - PAD, 8]);
  const root = select(svg);
  const heat = root.append('g').attr('class', 'heat');
  const axes = root.append('g').attr('class', 'axes');
  axes
    .append('rect')
    .attr('class', 'frame')
    .attr('x', sx(bounds.xMin))
    .attr('y', sy(bounds.yMax))
    .attr('width', sx(bounds.xMax) - sx(bounds.xMin))
    .attr('height', sy(bounds.yMin) - sy(bounds.yMax));
  for (const t of sx.ticks(4)) {
    axes
      .append('text')
      .attr('x', sx(t))
      .attr('y', PLANE_SIZE - PAD + 16)
      .attr('text-anchor', 'middle')
      .text(String(t));
  }
  for (const t of sy.ticks(4)) {
    axes
      .append('text')
      .attr('x', PAD - 5)
      .attr('y', sy(t) + 4)
      .attr('text-anchor', 'end')
      .text(String(t));
  }
  const line = root.append('g').attr('class', 'line');
  const points = root.append('g').attr('class', 'points');
  const arrowId = `nb-arrow-${++planes}`;
  root
    .insert('defs', ':first-child')
    .append('marker')
    .attr('id', arrowId)
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 8)
    .attr('refY', 5)
    .attr('markerWidth', 6)
    .attr('markerHeight', 6)
    .attr('orient', 'auto-start-reverse')
    .append('path')
    .attr('d', 'M0,0L10,5L0,10Z')
    .attr('class', 'arrowhead');
  return { svg, sx, sy, heat, line, points, arrowId };
}

/** Redraws heatmap, line, weight arrow and points from the model. */
export function drawPlane(view: PlaneView, bounds: Bounds, m: PlaneModel): void {
  const { sx, sy } = view;
  // Heatmap: cell colour says the class, opacity how far the output is from the boundary value.
  const g = m.grid;
  const cells = g
    ? Array.from(g.values, (v, k) => ({ i: k % g.cols, j: Math.floor(k / g.cols), v }))
    : [];
  const cw = g ? (sx(bounds.xMax) - sx(bounds.xMin)) / g.cols : 0;
  const ch = g ? (sy(bounds.yMin) - sy(bounds.yMax)) / g.rows : 0;
  view.heat
    .selectAll('rect')
    .data(cells)
    .join('rect')
    .attr('x', (d) => sx(bounds.xMin) + d.i * cw)
    .attr('y', (d) => sy(bounds.yMax) + d.j * ch)
    .attr('width', cw)
    .attr('height', ch)
    .attr('class', (d) => (d.v >= 0.5 ? 'c1' : 'c0'))
    .attr('fill-opacity', (d) => 0.08 + 0.5 * Math.abs(d.v - 0.5));

  const seg = decisionLine(m.neuron, bounds);
  view.line
    .selectAll('line.boundary')
    .data(seg ? [seg] : [])
    .join('line')
    .attr('class', 'boundary')
    .attr('x1', (d) => sx(d.x1))
    .attr('y1', (d) => sy(d.y1))
    .attr('x2', (d) => sx(d.x2))
    .attr('y2', (d) => sy(d.y2));
  // The weight vector, drawn from the point of the line nearest the centre of the box.
  const { w1, w2, b } = m.neuron;
  const n2 = w1 * w1 + w2 * w2;
  const cx = (bounds.xMin + bounds.xMax) / 2;
  const cy = (bounds.yMin + bounds.yMax) / 2;
  const arrow = (() => {
    if (!seg || n2 === 0) return [];
    const t = (w1 * cx + w2 * cy + b) / n2;
    const fx = cx - t * w1;
    const fy = cy - t * w2;
    const len = 0.35 * (bounds.xMax - bounds.xMin) * 0.5;
    const nrm = Math.sqrt(n2);
    return [{ fx, fy, tx: fx + (len * w1) / nrm, ty: fy + (len * w2) / nrm }];
  })();
  view.line
    .selectAll('line.weights')
    .data(arrow)
    .join('line')
    .attr('class', 'weights')
    .attr('marker-end', `url(#${view.arrowId})`)
    .attr('x1', (d) => sx(d.fx))
    .attr('y1', (d) => sy(d.fy))
    .attr('x2', (d) => sx(d.tx))
    .attr('y2', (d) => sy(d.ty));

  const pts = m.points.map((p, i) => ({ ...p, i, wrong: m.wrong.has(i), hi: m.highlight === i }));
  view.points
    .selectAll('g.pt')
    .data(pts)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'pt');
      e.append('circle').attr('class', 'ring').attr('r', 11);
      e.append('path').attr('class', 'mark');
      e.append('title');
      return e;
    })
    .attr('class', (d) => `pt c${d.label}${d.wrong ? ' wrong' : ''}${d.hi ? ' hi' : ''}`)
    .attr('transform', (d) => `translate(${sx(d.x)},${sy(d.y)})`)
    .call((g) =>
      g
        .select('title')
        .text(
          (d) =>
            `Point ${d.i + 1} (${fmt(d.x, 3)}, ${fmt(d.y, 3)}), class ${d.label}${d.wrong ? ', wrong side' : ''}`,
        ),
    )
    .select('path.mark')
    // Class 1: circle; class 0: square — shape, not only colour, tells them apart.
    .attr('d', (d) => (d.label === 1 ? 'M6,0A6,6 0 1,1 -6,0A6,6 0 1,1 6,0Z' : 'M-5,-5H5V5H-5Z'));
}

/** Formats a number for the readouts: at most 3 decimals, a real minus sign. */
export function fmt(v: number, digits = 2): string {
  const r = Number(v.toFixed(digits));
  const s = (Object.is(r, -0) ? 0 : r).toString();
  return s.replace('-', '−');
}
