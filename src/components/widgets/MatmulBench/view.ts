// Draws the benchmark chart (GFLOP/s against size, log–log) from src/lib/matmul-bench/chart.ts.
import type { BenchChart, BenchSeries } from '../../../lib/matmul-bench/chart.ts';
import { seriesColour, seriesDash } from '../../../lib/viz/palette.ts';
import { drawAxes, ensure, sizeSvg } from '../shared/svg.ts';
import { plotArea } from '../../../lib/viz/scales.ts';

/** Renders the chart into `svg` (idempotent). */
export function drawBenchChart(svg: SVGSVGElement, vm: BenchChart): void {
  const root = sizeSvg(svg, vm.layout);
  drawAxes(root, {
    area: plotArea(vm.layout),
    xTicks: vm.xTicks,
    yTicks: vm.yTicks,
    xLabel: 'Matrix size n (n×n · n×n)',
    yLabel: 'GFLOP/s',
  });
  const groups = ensure(root, 'g', 'nb-series')
    .selectAll<SVGGElement, BenchSeries>('g')
    .data(vm.series, (s) => s.backend)
    .join('g')
    .attr('data-backend', (s) => s.backend);
  groups
    .selectAll<SVGPathElement, BenchSeries>('path')
    .data((s) => [s])
    .join('path')
    .attr('class', 'nb-line')
    .attr('d', (s) => s.d)
    .style('stroke', (s) => seriesColour(s.colour))
    .attr('stroke-dasharray', (s) => seriesDash(s.colour) || null);
  groups
    .selectAll<SVGCircleElement, BenchSeries['dots'][number]>('circle')
    .data((s) => s.dots.map((d) => ({ ...d, colour: s.colour })))
    .join('circle')
    .attr('cx', (d) => d.x)
    .attr('cy', (d) => d.y)
    .attr('r', 3.5)
    .style('fill', (d) => seriesColour(d.colour))
    .selectAll('title')
    .data((d) => [d.text])
    .join('title')
    .text((t) => t);
  groups
    .selectAll<SVGTextElement, BenchSeries>('text')
    .data((s) => (s.end ? [s] : []))
    .join('text')
    .attr('class', 'nb-end-label')
    .attr('x', (s) => s.end!.x + 8)
    .attr('y', (s) => s.end!.y + 4)
    .text((s) => s.label);
}
