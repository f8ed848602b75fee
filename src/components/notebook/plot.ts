// Browser: the `plotFunction` builtin: draws y = f(x) on an interval as an SVG line chart with
// axes, and a caption in words (the chart's text alternative). Sampling and wording are pure
// (src/lib/notebook/plot-model.ts); this file only draws.
import { axisBottom, axisLeft } from 'd3-axis';
import { line } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { describeCurve, sampleFunction, yDomain, type Point } from '../../lib/notebook/plot-model';

export interface PlotFunctionOptions {
  /** x interval; default [-6, 6]. */
  x?: [number, number];
  /** Fixed y interval; default: the curve's extent, padded. */
  y?: [number, number];
  /** Number of samples; default 200. */
  samples?: number;
  /** Accessible title of the chart; default "Plot of y = f(x)". */
  title?: string;
  /** Name of the output in the caption; default "y". */
  name?: string;
  /** Width and height in CSS pixels; defaults 480 × 260 (the SVG scales down to fit). */
  width?: number;
  height?: number;
  /** Extra points to mark, e.g. [{x: 0, y: 0.5}]. */
  points?: Point[];
}

let uid = 0;

/** A <figure> with the chart and a caption describing the curve. */
export function plotFunction(
  f: (x: number) => number,
  opts: PlotFunctionOptions = {},
): HTMLElement {
  if (typeof f !== 'function')
    throw new TypeError('plotFunction needs a function, e.g. plotFunction(x => x * x)');
  const xRange = opts.x ?? [-6, 6];
  const width = opts.width ?? 480;
  const height = opts.height ?? 260;
  const m = { top: 12, right: 16, bottom: 30, left: 44 };
  const pts = sampleFunction(f, xRange, opts.samples ?? 200);
  const xs = scaleLinear()
    .domain(xRange)
    .range([m.left, width - m.right]);
  const ys = scaleLinear()
    .domain(yDomain(pts, opts.y))
    .range([height - m.bottom, m.top]);
  const id = `nb-plot-${++uid}`;
  const title = opts.title ?? 'Plot of y = f(x)';
  const caption = describeCurve(pts, opts.name ?? 'y');

  const figure = document.createElement('figure');
  figure.className = 'nb-plot';
  const svg = select(figure)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-labelledby', `${id}-t ${id}-c`);
  svg.append('title').attr('id', `${id}-t`).text(title);
  svg
    .append('g')
    .attr('class', 'nb-axis')
    .attr('transform', `translate(0,${height - m.bottom})`)
    .call(axisBottom(xs).ticks(6));
  svg
    .append('g')
    .attr('class', 'nb-axis')
    .attr('transform', `translate(${m.left},0)`)
    .call(axisLeft(ys).ticks(5));
  const path = line<Point>()
    .defined((p) => Number.isFinite(p.y))
    .x((p) => xs(p.x))
    .y((p) => ys(p.y));
  svg.append('path').attr('class', 'nb-curve').attr('d', path(pts));
  for (const p of opts.points ?? []) {
    svg
      .append('circle')
      .attr('class', 'nb-point')
      .attr('r', 4)
      .attr('cx', xs(p.x))
      .attr('cy', ys(p.y));
  }
  const fc = document.createElement('figcaption');
  fc.id = `${id}-c`;
  fc.textContent = caption;
  figure.append(fc);
  return figure;
}
