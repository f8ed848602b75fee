// Draws the explorer from its view-models: contours (only when the surface changes), the paths,
// the start handle and the loss curves. No state and no listeners: element.ts owns those.
import { select } from 'd3-selection';
import { drawContours, drawPath, prunePaths } from '../shared/contour-view.ts';
import { drawCurves } from '../shared/curves-view.ts';
import { drawAxes, ensure } from '../shared/svg.ts';
import { plotArea } from '../../../lib/viz/scales.ts';
import type { ContourViewModel, PathViewModel } from '../../../lib/viz/contour.ts';
import type { CurvesViewModel, Tick } from '../../../lib/viz/curves.ts';

export interface SurfaceFrame {
  readonly contour: ContourViewModel;
  readonly params: readonly [string, string];
  readonly clipId: string;
}

/** Redraws the contour bands and axes (call when the surface changes). */
export function drawSurface(svg: SVGSVGElement, frame: SurfaceFrame): void {
  const { contour } = frame;
  drawContours(svg, contour, frame.clipId);
  const ticks = (s: typeof contour.scales.x): Tick[] =>
    s.ticks(5).map((v) => ({ value: v, at: s(v), label: s.tickFormat(5)(v) }));
  drawAxes(select(svg), {
    area: plotArea(contour.layout),
    xTicks: ticks(contour.scales.x),
    yTicks: ticks(contour.scales.y),
    xLabel: frame.params[0],
    yLabel: frame.params[1],
  });
}

export interface PathsFrame {
  readonly a: PathViewModel;
  readonly b: PathViewModel | undefined;
  readonly labelA: string;
  readonly labelB: string;
  readonly clipId: string;
}

/** Draws one or two descent paths above the contours, clipped to the plot. */
export function drawPaths(svg: SVGSVGElement, frame: PathsFrame): void {
  const root = select(svg);
  const layer = ensure(root, 'g', 'nb-paths').attr('clip-path', `url(#${frame.clipId})`);
  // Keep the paths below the handle: the handle group is always the last child.
  const handle = svg.querySelector('.de-handle');
  if (handle) svg.insertBefore(layer.node()!, handle);
  drawPath(layer, frame.a, {
    key: 'a',
    index: 0,
    label: frame.labelA,
    dots: frame.a.points.length <= 120,
  });
  if (frame.b)
    drawPath(layer, frame.b, {
      key: 'b',
      index: 1,
      label: frame.labelB,
      dots: frame.b.points.length <= 120,
    });
  prunePaths(layer, frame.b ? ['a', 'b'] : ['a']);
}

/** Creates (once) the focusable start-point handle: a ring with a larger invisible hit area. */
export function ensureHandle(svg: SVGSVGElement): SVGGElement {
  const found = svg.querySelector<SVGGElement>('g.de-handle');
  if (found) return found;
  const g = select(svg)
    .append('g')
    .attr('class', 'de-handle')
    .attr('tabindex', 0)
    .attr('role', 'slider');
  g.append('circle').attr('class', 'de-handle-hit').attr('r', 16);
  g.append('circle').attr('class', 'de-handle-ring').attr('r', 7);
  return g.node()!;
}

/** Moves the handle to (px, py) in SVG units. */
export function placeHandle(handle: SVGGElement, px: number, py: number): void {
  handle.setAttribute('transform', `translate(${px.toFixed(2)} ${py.toFixed(2)})`);
}

/** Redraws the loss curves. */
export function drawLoss(svg: SVGSVGElement, vm: CurvesViewModel): void {
  drawCurves(svg, vm, { x: 'Step', y: 'Loss (log scale)' });
}
