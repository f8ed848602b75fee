// Draws a weight matrix: cells tinted by sign (positive/negative colours) with opacity by
// magnitude, and a − glyph on negative cells when they are large enough to read.
import type { WeightCell, WeightMatrixViewModel } from '../../../lib/viz/weights.ts';
import { ensure, sizeSvg } from './svg.ts';

/** Renders `vm` into `svg` (idempotent). */
export function drawWeightMatrix(svg: SVGSVGElement, vm: WeightMatrixViewModel): void {
  const root = sizeSvg(svg, vm.layout);
  root.classed('nb-chart', true);
  ensure(root, 'g', 'nb-weights')
    .selectAll<SVGRectElement, WeightCell>('rect')
    .data(vm.cells)
    .join('rect')
    .attr('x', (c) => c.x)
    .attr('y', (c) => c.y)
    .attr('width', (c) => Math.max(c.w - 1, 0.5))
    .attr('height', (c) => Math.max(c.h - 1, 0.5))
    .attr('class', (c) => `nb-weight ${c.sign < 0 ? 'nb-neg' : c.sign > 0 ? 'nb-pos' : 'nb-zero'}`)
    .attr('fill-opacity', (c) => 0.1 + 0.9 * c.magnitude);
  const glyphs = vm.cells.filter((c) => c.sign < 0 && c.w >= 14 && c.h >= 14);
  ensure(root, 'g', 'nb-weight-glyphs')
    .selectAll<SVGTextElement, WeightCell>('text')
    .data(glyphs)
    .join('text')
    .attr('x', (c) => c.x + c.w / 2)
    .attr('y', (c) => c.y + c.h / 2 + 4)
    .attr('text-anchor', 'middle')
    .text('−');
}
