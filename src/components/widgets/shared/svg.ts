// Small d3 helpers shared by the views: find-or-create child groups, and axes drawn from ticks a
// view-model computed (so the numbers are unit-testable and the drawing is dumb).
import { select, type Selection } from 'd3-selection';
import type { Layout, PlotArea } from '../../../lib/viz/scales.ts';
import type { Tick } from '../../../lib/viz/curves.ts';

export type AnySelection<E extends Element = Element> = Selection<E, unknown, null, undefined>;

/** The child `tag.cls` of `parent`, created (appended) if missing. */
export function ensure<K extends keyof SVGElementTagNameMap, P extends Element>(
  parent: AnySelection<P>,
  tag: K,
  cls: string,
): AnySelection<SVGElementTagNameMap[K]> {
  const found = parent.select<SVGElementTagNameMap[K]>(`:scope > ${tag}.${cls}`);
  if (!found.empty()) return found;
  return parent.append(tag).attr('class', cls) as unknown as AnySelection<SVGElementTagNameMap[K]>;
}

/** Sets the viewBox of an <svg> from a layout and returns it as a selection. */
export function sizeSvg(svg: SVGSVGElement, layout: Layout): AnySelection<SVGSVGElement> {
  const s = select(svg);
  s.attr('viewBox', `0 0 ${layout.width} ${layout.height}`);
  return s;
}

export interface AxesSpec {
  readonly area: PlotArea;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly xLabel?: string;
  readonly yLabel?: string;
}

/** Draws x and y axes (lines, ticks, labels) into `g` (class nb-axes). */
export function drawAxes<P extends Element>(g: AnySelection<P>, spec: AxesSpec): void {
  const { area } = spec;
  const axes = ensure(g, 'g', 'nb-axes');
  ensure(axes, 'line', 'nb-axis-x')
    .attr('x1', area.left)
    .attr('x2', area.right)
    .attr('y1', area.bottom)
    .attr('y2', area.bottom);
  ensure(axes, 'line', 'nb-axis-y')
    .attr('x1', area.left)
    .attr('x2', area.left)
    .attr('y1', area.top)
    .attr('y2', area.bottom);
  ensure(axes, 'g', 'nb-ticks-x')
    .selectAll<SVGTextElement, Tick>('text')
    .data(spec.xTicks, (t) => t.label)
    .join('text')
    .attr('x', (t) => t.at)
    .attr('y', area.bottom + 16)
    .attr('text-anchor', 'middle')
    .text((t) => t.label);
  ensure(axes, 'g', 'nb-ticks-y')
    .selectAll<SVGTextElement, Tick>('text')
    .data(spec.yTicks, (t) => t.label)
    .join('text')
    .attr('x', area.left - 6)
    .attr('y', (t) => t.at + 4)
    .attr('text-anchor', 'end')
    .text((t) => t.label);
  ensure(axes, 'text', 'nb-label-x')
    .attr('x', (area.left + area.right) / 2)
    .attr('y', area.bottom + 34)
    .attr('text-anchor', 'middle')
    .text(spec.xLabel ?? '');
  ensure(axes, 'text', 'nb-label-y')
    .attr('transform', `translate(${area.left - 42} ${(area.top + area.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(spec.yLabel ?? '');
}
