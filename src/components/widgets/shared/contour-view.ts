// Draws a loss surface's contours (filled bands, darker towards the minimum) and parameter paths
// on top, from ContourViewModel / PathViewModel (src/lib/viz/contour.ts).
import type {
  ContourLevel,
  ContourViewModel,
  PathPoint,
  PathViewModel,
} from '../../../lib/viz/contour.ts';
import { seriesColour, seriesDash } from '../../../lib/viz/palette.ts';
import { plotArea } from '../../../lib/viz/scales.ts';
import { ensure, sizeSvg, type AnySelection } from './svg.ts';

/** Renders the contour bands into `svg` (group nb-contours), clipped to the plotting area. */
export function drawContours(svg: SVGSVGElement, vm: ContourViewModel, clipId: string): void {
  const root = sizeSvg(svg, vm.layout);
  root.classed('nb-chart', true);
  const area = plotArea(vm.layout);
  const defs = ensure(root, 'defs', 'nb-defs');
  ensure(ensure(defs, 'clipPath', 'nb-clip').attr('id', clipId), 'rect', 'nb-clip-rect')
    .attr('x', area.left)
    .attr('y', area.top)
    .attr('width', area.right - area.left)
    .attr('height', area.bottom - area.top);
  ensure(root, 'rect', 'nb-frame')
    .attr('x', area.left)
    .attr('y', area.top)
    .attr('width', area.right - area.left)
    .attr('height', area.bottom - area.top);
  // Bands are "surface ≥ value" regions: higher levels are smaller, so lower levels (drawn
  // first) accumulate opacity towards the walls and the valley floor stays lightest.
  ensure(root, 'g', 'nb-contours')
    .attr('clip-path', `url(#${clipId})`)
    .selectAll<SVGPathElement, ContourLevel>('path')
    .data(vm.levels)
    .join('path')
    .attr('class', 'nb-contour')
    .attr('d', (l) => l.d)
    .attr('fill-opacity', 0.05);
}

export interface PathStyle {
  /** stable key for this path (e.g. "a", "b") */
  readonly key: string;
  /** series index: picks colour, dash and marker */
  readonly index: number;
  readonly label: string;
  /** draw a dot at every step (off for long paths) */
  readonly dots?: boolean;
}

/** Draws one parameter path into the layer `g` (its own group per key). */
export function drawPath<P extends Element>(
  layer: AnySelection<P>,
  vm: PathViewModel,
  style: PathStyle,
): void {
  const g = ensure(layer, 'g', `nb-path-${style.key}`)
    .attr('data-path', style.key)
    .style('color', seriesColour(style.index));
  ensure(g, 'path', 'nb-path-line')
    .attr('d', vm.d)
    .attr('stroke-dasharray', seriesDash(style.index) || null);
  g.selectAll<SVGCircleElement, PathPoint>('circle.nb-path-dot')
    .data(style.dots === false ? [] : vm.points.slice(1, -1))
    .join('circle')
    .attr('class', 'nb-path-dot')
    .attr('cx', (p) => p.px)
    .attr('cy', (p) => p.py)
    .attr('r', 2);
  // The end marker differs by series (circle, diamond) so paths differ without colour.
  const end = vm.end;
  const m = ensure(g, 'path', 'nb-path-end');
  if (!end) m.attr('d', null);
  else if (style.index % 2 === 0) {
    m.attr('d', `M${end.px - 5},${end.py}a5,5 0 1,0 10,0a5,5 0 1,0 -10,0`);
  } else {
    m.attr('d', `M${end.px},${end.py - 6}l6,6l-6,6l-6,-6Z`);
  }
}

/** Removes path groups whose keys are not in `keep`. */
export function prunePaths<P extends Element>(
  layer: AnySelection<P>,
  keep: readonly string[],
): void {
  layer.selectAll<SVGGElement, unknown>(':scope > g[data-path]').each(function () {
    if (!keep.includes(this.dataset['path'] ?? '')) this.remove();
  });
}
