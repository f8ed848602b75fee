// Draws the transfer chart (accuracy against N) from src/lib/practice/transfer-chart.ts, and its
// legend (line samples with the same colour and dash as the chart, so the lines differ without
// colour too).
import type { TransferChart, TransferSeries } from '../../../lib/practice/transfer-chart.ts';
import { seriesColour, seriesDash } from '../../../lib/viz/palette.ts';
import { plotArea } from '../../../lib/viz/scales.ts';
import { drawAxes, ensure, sizeSvg } from '../shared/svg.ts';
import { drawDotSeries } from '../shared/dot-series-view.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Renders the chart into `svg` (idempotent). */
export function drawTransferChart(svg: SVGSVGElement, vm: TransferChart): void {
  const root = sizeSvg(svg, vm.layout);
  const area = plotArea(vm.layout);
  drawAxes(root, {
    area,
    xTicks: vm.xTicks,
    yTicks: vm.yTicks,
    xLabel: 'Training examples per digit, N (log scale)',
    yLabel: 'Test accuracy',
  });
  const chance = vm.yTicks.find((t) => t.value === 0.2);
  ensure(root, 'line', 'tl-chance')
    .attr('x1', area.left)
    .attr('x2', area.right)
    .attr('y1', chance?.at ?? area.bottom)
    .attr('y2', chance?.at ?? area.bottom);
  ensure(root, 'line', 'tl-marker')
    .attr('x1', vm.marker)
    .attr('x2', vm.marker)
    .attr('y1', area.top)
    .attr('y2', area.bottom);
  drawDotSeries(root, vm.series, 'method', (s) => s.method);
}

/** The legend: one item per series shown. */
export function drawLegend(ul: HTMLUListElement, series: readonly TransferSeries[]): void {
  const doc = ul.ownerDocument;
  const items = series.map((s) => {
    const li = doc.createElement('li');
    const svg = doc.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('width', '28');
    svg.setAttribute('height', '10');
    svg.setAttribute('aria-hidden', 'true');
    const l = doc.createElementNS(SVG_NS, 'line');
    l.setAttribute('x1', '1');
    l.setAttribute('x2', '27');
    l.setAttribute('y1', '5');
    l.setAttribute('y2', '5');
    l.setAttribute('stroke-width', '2.5');
    l.style.stroke = seriesColour(s.colour);
    const dash = seriesDash(s.colour);
    if (dash) l.setAttribute('stroke-dasharray', dash);
    svg.append(l);
    li.append(svg, doc.createTextNode(s.label));
    return li;
  });
  ul.replaceChildren(...items);
}
