// Draws streaming loss/metric curves (train solid, test dashed, each its own colour) from a
// CurvesViewModel (src/lib/viz/curves.ts).
import { plotArea } from '../../../lib/viz/scales.ts';
import type { CurvePath, CurvesViewModel } from '../../../lib/viz/curves.ts';
import { seriesColour, seriesDash } from '../../../lib/viz/palette.ts';
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
  ensure(root, 'g', 'nb-end-labels')
    .selectAll<SVGTextElement, CurvePath>('text')
    .data(
      vm.paths.filter((p) => p.end),
      (p) => p.id,
    )
    .join('text')
    .attr('x', (p) => Math.min(p.end!.x + 4, vm.layout.width - 2))
    .attr('y', (p) => p.end!.y + 4)
    .attr('text-anchor', (p) => (p.end!.x + 60 > vm.layout.width ? 'end' : 'start'))
    .text((p) => p.label);
}
