// Draws streaming loss/metric curves (train solid, test dashed, each its own colour) from a
// CurvesViewModel (src/lib/viz/curves.ts).
import { plotArea } from '../../../lib/viz/scales.ts';
import type { CurvePath, CurvesViewModel } from '../../../lib/viz/curves.ts';
import { seriesColour, seriesDash } from '../../../lib/viz/palette.ts';
import { layoutEndLabels, type PlacedLabel } from '../../../lib/viz/end-labels.ts';
import { drawAxes, ensure, sizeSvg } from './svg.ts';

export interface CurvesLabels {
  readonly x?: string;
  readonly y?: string;
}

/** Renders `vm` into `svg` (idempotent: call again with a new view-model to update). */
export function drawCurves(
  svg: SVGSVGElement,
  vm: CurvesViewModel,
  labels: CurvesLabels = {},
): void {
  const root = sizeSvg(svg, vm.layout);
  root.classed('nb-chart', true);
  const area = plotArea(vm.layout);
  drawAxes(root, {
    area,
    xTicks: vm.xTicks,
    yTicks: vm.yTicks,
    ...(labels.x ? { xLabel: labels.x } : {}),
    ...(labels.y ? { yLabel: labels.y } : {}),
  });
  const dash = (p: CurvePath, k: number) =>
    p.kind === 'test' ? '6 3' : p.kind === 'train' ? '' : seriesDash(k);
  ensure(root, 'g', 'nb-series')
    .selectAll<SVGPathElement, CurvePath>('path')
    .data(vm.paths, (p) => p.id)
    .join('path')
    .attr('class', (p) => `nb-line nb-line-${p.kind}`)
    .attr('data-series', (p) => p.id)
    .attr('d', (p) => p.d)
    .style('stroke', (_, k) => seriesColour(k))
    .attr('stroke-dasharray', (p, k) => dash(p, k) || null);
  // End labels never overlap (lib/viz/end-labels.ts); too many for the height become a legend.
  const ends = vm.paths.flatMap((p) => (p.end ? [{ id: p.id, label: p.label, ...p.end }] : []));
  const placed = layoutEndLabels(ends, {
    width: vm.layout.width,
    left: area.left,
    top: area.top,
    bottom: area.bottom,
  });
  const index = new Map(vm.paths.map((p, k) => [p.id, k]));
  const legend = placed.mode === 'legend';
  ensure(root, 'g', 'nb-end-labels')
    .attr('data-mode', placed.mode)
    .selectAll<SVGTextElement, PlacedLabel>('text')
    .data(placed.labels, (l) => l.id)
    .join('text')
    .attr('data-series', (l) => l.id)
    .attr('x', (l) => (legend ? l.x + 22 : l.x))
    .attr('y', (l) => l.y)
    .attr('text-anchor', (l) => l.anchor)
    .text((l) => l.label);
  ensure(root, 'g', 'nb-legend-swatches')
    .selectAll<SVGLineElement, PlacedLabel>('line')
    .data(legend ? placed.labels : [], (l) => l.id)
    .join('line')
    .attr('class', 'nb-line')
    .attr('x1', (l) => l.x)
    .attr('x2', (l) => l.x + 18)
    .attr('y1', (l) => l.y - 4)
    .attr('y2', (l) => l.y - 4)
    .style('stroke', (l) => seriesColour(index.get(l.id) ?? 0))
    .attr('stroke-dasharray', (l) => {
      const k = index.get(l.id) ?? 0;
      const p = vm.paths[k];
      return (p ? dash(p, k) : '') || null;
    });
}
