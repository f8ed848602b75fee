// Pure: no DOM. Everything the explorer shows, computed from its settings: the runs, the contour
// and path view-models, the loss curves and the words (verdicts, live summary, data table). The
// Astro shell calls it at build time for the static figure; element.ts calls it on every change.
import { runDescent, verdictText, type DescentRun } from '../../../lib/ml/descent/run.ts';
import { descentSettings, type ExplorerSettings } from '../../../lib/ml/descent/settings.ts';
import { surfaces, type SurfaceId } from '../../../lib/ml/descent/surfaces.ts';
import { optimizerLabels } from '../../../lib/ml/descent/optimizers.ts';
import { sampleGrid } from '../../../lib/viz/grid.ts';
import {
  contourThresholds,
  contourViewModel,
  pathViewModel,
  type ContourViewModel,
  type PathViewModel,
} from '../../../lib/viz/contour.ts';
import { curvesViewModel, type CurvesViewModel, type Series } from '../../../lib/viz/curves.ts';
import { formatNumber, type Layout } from '../../../lib/viz/scales.ts';
import { thin } from '../../../lib/viz/summary.ts';

export const SURFACE_LAYOUT: Layout = {
  width: 360,
  height: 360,
  margin: { top: 10, right: 10, bottom: 44, left: 52 },
};
export const LOSS_LAYOUT: Layout = {
  width: 360,
  height: 220,
  margin: { top: 10, right: 64, bottom: 44, left: 58 },
};

export interface Runs {
  readonly a: DescentRun;
  readonly b: DescentRun | undefined;
}

/** Runs the chosen optimizer (and the racing one) with the current settings. */
export function computeRuns(s: ExplorerSettings): Runs {
  const surface = surfaces[s.surface];
  return {
    a: runDescent(surface, descentSettings(s, 'a')),
    b: s.race ? runDescent(surface, descentSettings(s, 'b')) : undefined,
  };
}

const contourCache = new Map<SurfaceId, ContourViewModel>();

/** The contour view-model of a surface (64 × 64 samples, 14 levels), computed once per surface. */
export function surfaceView(id: SurfaceId): ContourViewModel {
  let vm = contourCache.get(id);
  if (!vm) {
    const s = surfaces[id];
    const grid = sampleGrid(s.f, 64, 64, s.domain.x, s.domain.y);
    vm = contourViewModel(grid, SURFACE_LAYOUT, contourThresholds(grid, 14));
    contourCache.set(id, vm);
  }
  return vm;
}

/** Path view-models of the runs, showing the first `shown` updates (default: all). */
export function pathViews(
  runs: Runs,
  surface: ContourViewModel,
  shown = Infinity,
): { a: PathViewModel; b: PathViewModel | undefined } {
  const n = (r: DescentRun) => Math.min(r.count, Math.max(0, Math.floor(shown)) + 1);
  return {
    a: pathViewModel(runs.a.xs, runs.a.ys, surface.scales, n(runs.a)),
    b: runs.b ? pathViewModel(runs.b.xs, runs.b.ys, surface.scales, n(runs.b)) : undefined,
  };
}

const FLOOR = 1e-8;
const CEIL = 1e8;

function lossSeries(run: DescentRun, id: string, label: string, shown: number): Series {
  const n = Math.min(run.count, Math.max(0, Math.floor(shown)) + 1);
  const points = [];
  for (let k = 0; k < n; k++) {
    const l = run.losses[k]!;
    points.push({ x: k, y: Number.isFinite(l) ? Math.min(Math.max(l, FLOOR), CEIL) : CEIL });
  }
  return { id, label, kind: 'other', points };
}

/** The loss curves (log scale, clamped to 1e-8…1e8) over steps 0…settings.steps. */
export function lossView(s: ExplorerSettings, runs: Runs, shown = Infinity): CurvesViewModel {
  const series = [lossSeries(runs.a, 'a', optimizerLabels[s.optimizer], shown)];
  if (runs.b) series.push(lossSeries(runs.b, 'b', optimizerLabels[s.optimizerB], shown));
  const ys = series.flatMap((x) => x.points.map((p) => p.y));
  const lo = Math.max(Math.min(...ys) / 2, FLOOR);
  const hi = Math.min(Math.max(...ys) * 2, CEIL * 2);
  return curvesViewModel(series, LOSS_LAYOUT, {
    logY: true,
    xDomain: [0, Math.max(s.steps, 1)],
    yDomain: [lo, hi > lo * 10 ? hi : lo * 10],
  });
}

export interface Words {
  /** verdict of the first optimizer, prefixed with its name in a race */
  readonly verdictA: string;
  readonly verdictB: string | undefined;
  /** one or two sentences for the live region */
  readonly summary: string;
  readonly columns: string[];
  readonly rows: string[][];
}

const at = (x: number, y: number) => `(${formatNumber(x)}, ${formatNumber(y)})`;

function runSentence(run: DescentRun, name: string, steps: number): string {
  const last = run.count - 1;
  return `${name}: ${verdictText(run.verdict, steps)} Loss ${formatNumber(run.losses[0]!)} at the start, ${formatNumber(run.losses[last]!)} after ${last} ${last === 1 ? 'step' : 'steps'}, ending at ${at(run.xs[last]!, run.ys[last]!)}.`;
}

/** Verdicts, the live summary and the data table (at most 51 rows) for the settings and runs. */
export function describeRuns(s: ExplorerSettings, runs: Runs): Words {
  const surface = surfaces[s.surface];
  const [p1, p2] = surface.params;
  const nameA = optimizerLabels[s.optimizer];
  const nameB = optimizerLabels[s.optimizerB];
  const lead = `${surface.label}, learning rate ${formatNumber(s.lr)}${s.decay === 'none' ? '' : ` with ${s.decay} decay`}, ${s.steps} steps from ${p1} = ${formatNumber(s.start[0])}, ${p2} = ${formatNumber(s.start[1])}.`;
  const summary = [
    lead,
    runSentence(runs.a, nameA, s.steps),
    runs.b ? runSentence(runs.b, nameB, s.steps) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const columns = ['Step', `${nameA} ${p1}`, `${nameA} ${p2}`, `${nameA} loss`];
  if (runs.b) columns.push(`${nameB} ${p1}`, `${nameB} ${p2}`, `${nameB} loss`);
  const count = Math.max(runs.a.count, runs.b?.count ?? 0);
  const ks = thin(
    Array.from({ length: count }, (_, k) => k),
    51,
  );
  const cell = (r: DescentRun, k: number) =>
    k < r.count
      ? [formatNumber(r.xs[k]!, 4), formatNumber(r.ys[k]!, 4), formatNumber(r.losses[k]!, 4)]
      : ['', '', ''];
  const rows = ks.map((k) => [String(k), ...cell(runs.a, k), ...(runs.b ? cell(runs.b, k) : [])]);
  const vA = verdictText(runs.a.verdict, s.steps);
  return {
    verdictA: runs.b ? `${nameA}: ${vA}` : vA,
    verdictB: runs.b ? `${nameB}: ${verdictText(runs.b.verdict, s.steps)}` : undefined,
    summary,
    columns,
    rows,
  };
}
