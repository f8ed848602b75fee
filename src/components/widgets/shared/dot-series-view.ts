// Browser: measured series drawn as a line through titled dots, one <g> per series. Shared by the
// TransferLab chart (accuracy against N) and the MatmulBench chart (GFLOP/s against size).
import type { Selection } from 'd3-selection';
import { seriesColour, seriesDash } from '../../../lib/viz/palette.ts';
import { ensure, type AnySelection } from './svg.ts';

/** What the drawing needs of a series (view-models add their own fields). */
export interface DotSeries {
  /** the line's path data */
  d: string;
  /** palette index (src/lib/viz/palette.ts): colour and dash */
  colour: number;
  /** one dot per measurement, in chart coordinates, with its tooltip text */
  dots: ReadonlyArray<{ x: number; y: number; text: string }>;
}

/**
 * Joins the series into `root`'s `g.nb-series` (idempotent): a `<g>` per series keyed by `key`,
 * which is also written to the group's `data-<attr>` attribute (tests select series by it), with
 * the series' line (`path.nb-line`) and a 3.5-px dot per measurement carrying a `<title>`.
 * Returns the groups, so a chart can add marks of its own (MatmulBench's end labels).
 */
export function drawDotSeries<S extends DotSeries, P extends Element>(
  root: AnySelection<P>,
  series: readonly S[],
  attr: string,
  key: (s: S) => string,
): Selection<SVGGElement, S, SVGGElement, unknown> {
  const groups = ensure(root, 'g', 'nb-series')
    .selectAll<SVGGElement, S>('g')
    .data(series, key)
    .join('g')
    .attr(`data-${attr}`, key);
  groups
    .selectAll<SVGPathElement, S>('path')
    .data((s) => [s])
    .join('path')
    .attr('class', 'nb-line')
    .attr('d', (s) => s.d)
    .style('stroke', (s) => seriesColour(s.colour))
    .attr('stroke-dasharray', (s) => seriesDash(s.colour) || null);
  groups
    .selectAll<SVGCircleElement, DotSeries['dots'][number] & { colour: number }>('circle')
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
  return groups;
}
