// Draws a decision-boundary heatmap (cells tinted by predicted class, opacity by confidence) with
// the data points (class 0 circles, class 1 squares) from a HeatmapViewModel.
import type { HeatCell, HeatmapViewModel, HeatPoint } from '../../../lib/viz/heatmap.ts';
import { plotArea } from '../../../lib/viz/scales.ts';
import { ensure, sizeSvg } from './svg.ts';

/** Renders `vm` into `svg` (idempotent). Point radius in SVG units (default 4). */
export function drawHeatmap(svg: SVGSVGElement, vm: HeatmapViewModel, radius = 4): void {
  const root = sizeSvg(svg, vm.layout);
  root.classed('nb-chart', true);
  const area = plotArea(vm.layout);
  ensure(root, 'rect', 'nb-frame')
    .attr('x', area.left)
    .attr('y', area.top)
    .attr('width', area.right - area.left)
    .attr('height', area.bottom - area.top);
  ensure(root, 'g', 'nb-cells')
    .selectAll<SVGRectElement, HeatCell>('rect')
    .data(vm.cells)
    .join('rect')
    .attr('x', (c) => c.x)
    .attr('y', (c) => c.y)
    // a hair of overlap hides seams between cells
    .attr('width', (c) => c.w + 0.5)
    .attr('height', (c) => c.h + 0.5)
    .attr('class', (c) => `nb-cell nb-class-${c.cls}`)
    .attr('fill-opacity', (c) => 0.08 + 0.5 * c.strength);
  const size = radius * 1.8;
  ensure(root, 'g', 'nb-points')
    .selectAll<SVGElement, HeatPoint>('.nb-point')
    .data(vm.points)
    .join((enter) => enter.append('path').attr('class', 'nb-point'))
    .attr('class', (p) => `nb-point nb-class-${p.label}`)
    .attr('d', (p) =>
      p.label === 1
        ? `M${p.px - size / 2},${p.py - size / 2}h${size}v${size}h${-size}Z`
        : `M${p.px - radius},${p.py}a${radius},${radius} 0 1,0 ${2 * radius},0a${radius},${radius} 0 1,0 ${-2 * radius},0`,
    );
}
