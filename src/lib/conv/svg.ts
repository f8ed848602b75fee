// Pure: no DOM. A grid as SVG markup (one square per cell, a <title> and an aria-label), for
// notebook cells: html`${gridSvg(map)}`. Only numbers and escaped text go into the markup.
import { colourOf, scaleOf, type Palette } from './colours.ts';
import { extent, type Grid } from './grid.ts';
import { fmt } from './format.ts';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** SVG markup drawing `g` (default palette: diverging), at most `maxWidth` CSS pixels wide. */
export function gridSvg(
  g: Grid,
  options: { palette?: Palette; title?: string; maxWidth?: number } = {},
): string {
  const palette = options.palette ?? 'diverging';
  const scale = palette === 'ink' ? 1 : scaleOf(g);
  const { min, max } = extent(g);
  const title = `${options.title ?? 'Feature map'}: ${g.height} × ${g.width} values from ${fmt(min)} to ${fmt(max)}`;
  const cells: string[] = [];
  for (let r = 0; r < g.height; r++)
    for (let c = 0; c < g.width; c++)
      cells.push(
        `<rect x="${c}" y="${r}" width="1.02" height="1.02" fill="${colourOf(g.data[r * g.width + c]!, palette, scale)}"/>`,
      );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${g.height}" role="img" aria-label="${escape(title)}" style="display:block;width:100%;max-width:${options.maxWidth ?? 260}px;height:auto;border:1px solid #9aa4b2;background:#fff" shape-rendering="crispEdges"><title>${escape(title)}</title>${cells.join('')}</svg>`;
}
