// Draws the benchmark chart (GFLOP/s against size, log–log) from src/lib/matmul-bench/chart.ts.
import type { BenchChart, BenchSeries } from '../../../lib/matmul-bench/chart.ts';
import { drawAxes, sizeSvg } from '../shared/svg.ts';
import { drawDotSeries } from '../shared/dot-series-view.ts';
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
  drawDotSeries(root, vm.series, 'backend', (s) => s.backend)
    .selectAll<SVGTextElement, BenchSeries>('text')
    .data((s) => (s.end ? [s] : []))
    .join('text')
    .attr('class', 'nb-end-label')
    .attr('x', (s) => s.end!.x + 8)
    .attr('y', (s) => s.end!.y + 4)
    .text((s) => s.label);
}
