// Pure: no DOM. What the optimizer race shows: the four runs (lib/ml/optimizer-race.ts), their
// paths and loss curves as view-models on the explorer's layouts, and the words (status, table).
import { runRace, raceStart, type RaceEntry } from '../../../lib/ml/optimizer-race.ts';
import type { SurfaceId } from '../../../lib/ml/descent/surfaces.ts';
import { surfaces } from '../../../lib/ml/descent/surfaces.ts';
import { pathViewModel, type PathViewModel } from '../../../lib/viz/contour.ts';
import { curvesViewModel, type CurvesViewModel } from '../../../lib/viz/curves.ts';
import { formatNumber } from '../../../lib/viz/scales.ts';
import { LOSS_LAYOUT, surfaceView } from '../DescentExplorer/model.ts';

export const RACE_RATES = [0.01, 0.03, 0.1, 0.3] as const;

export interface RaceSettings {
  readonly surface: SurfaceId;
  readonly lr: number;
  readonly steps: number;
  readonly seed: number;
}

export interface RaceView {
  readonly start: [number, number];
  readonly entries: RaceEntry[];
  readonly paths: PathViewModel[];
  readonly loss: CurvesViewModel;
  readonly status: string;
  readonly rows: string[][];
}

const FLOOR = 1e-8;
const CEIL = 1e8;

/** Runs the race for `s` and builds everything the widget draws and says. */
export function raceView(s: RaceSettings): RaceView {
  const start = raceStart(s.surface, s.seed);
  const entries = runRace(s.surface, s.lr, s.steps, start);
  const contour = surfaceView(s.surface);
  const paths = entries.map((e) => pathViewModel(e.run.xs, e.run.ys, contour.scales, e.run.count));
  const series = entries.map((e) => {
    const points = [];
    for (let k = 0; k < e.run.count; k++) {
      const l = e.run.losses[k]!;
      points.push({ x: k, y: Number.isFinite(l) ? Math.min(Math.max(l, FLOOR), CEIL) : CEIL });
    }
    return { id: e.id, label: e.label, kind: 'other' as const, points };
  });
  const ys = series.flatMap((x) => x.points.map((p) => p.y));
  const lo = Math.max(Math.min(...ys) / 2, FLOOR);
  const hi = Math.min(Math.max(...ys) * 2, CEIL * 2);
  const loss = curvesViewModel(series, LOSS_LAYOUT, {
    logY: true,
    xDomain: [0, Math.max(s.steps, 1)],
    yDomain: [lo, hi > lo * 10 ? hi : lo * 10],
  });
  const [p1, p2] = surfaces[s.surface].params;
  const ranked = [...entries].sort((a, b) => a.rank - b.rank);
  const winner = ranked[0]!;
  const where = s.seed === 0 ? 'the default start' : `a random start from seed ${s.seed}`;
  const status = `${surfaces[s.surface].label}, learning rate ${formatNumber(s.lr)}, ${s.steps} steps from ${where}, ${p1} = ${formatNumber(start[0])}, ${p2} = ${formatNumber(start[1])}. Lowest loss: ${winner.label}.`;
  const rows = ranked.map((e) => [
    String(e.rank),
    e.label,
    Number.isFinite(e.finalLoss) ? formatNumber(e.finalLoss, 3) : 'diverged',
    e.verdict,
  ]);
  return { start, entries, paths, loss, status, rows };
}
