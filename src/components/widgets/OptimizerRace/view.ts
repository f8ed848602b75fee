// Draws a race: the surface (explorer's drawSurface, only when it changes), one path per
// optimizer (series colour, dash and end marker by index), the loss curves and the ranked table.
import { select } from 'd3-selection';
import { drawPath, prunePaths } from '../shared/contour-view.ts';
import { drawCurves } from '../shared/curves-view.ts';
import { ensure } from '../shared/svg.ts';
import { renderTable } from '../shared/text-alt.ts';
import { surfaces, type SurfaceId } from '../../../lib/ml/descent/surfaces.ts';
import { surfaceView } from '../DescentExplorer/model.ts';
import { drawSurface } from '../DescentExplorer/view.ts';
import type { RaceView } from './model.ts';

/** Renders `v` into the widget at `root`; redraws the contours only when `surfaceChanged`. */
export function renderRace(
  root: HTMLElement,
  surface: SurfaceId,
  v: RaceView,
  surfaceChanged: boolean,
  clipId: string,
): void {
  const svg = root.querySelector<SVGSVGElement>('[data-nb-surface-svg]');
  if (svg) {
    if (surfaceChanged) {
      drawSurface(svg, { contour: surfaceView(surface), params: surfaces[surface].params, clipId });
    }
    const layer = ensure(select(svg), 'g', 'nb-paths').attr('clip-path', `url(#${clipId})`);
    v.entries.forEach((e, k) => {
      drawPath(layer, v.paths[k]!, { key: e.id, index: k, label: e.label, dots: false });
    });
    prunePaths(
      layer,
      v.entries.map((e) => e.id),
    );
  }
  const loss = root.querySelector<SVGSVGElement>('[data-nb-loss-svg]');
  if (loss) drawCurves(loss, v.loss, { x: 'step', y: 'loss' });
  const status = root.querySelector<HTMLElement>('[data-nb-status]');
  if (status && status.textContent !== v.status) status.textContent = v.status;
  const table = root.querySelector<HTMLTableElement>('[data-nb-race-table]');
  if (table) {
    renderTable(table, ['Rank', 'Optimizer', 'Final loss', 'Verdict'], v.rows);
    table.querySelectorAll('tbody tr').forEach((tr, i) => {
      const row = v.rows[i];
      if (!row) return;
      tr.setAttribute('data-optimizer', row[1]!);
      tr.children[2]?.setAttribute('data-col', 'loss');
      tr.children[3]?.setAttribute('data-col', 'verdict');
    });
  }
}
