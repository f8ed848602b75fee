// Pure: no DOM. An optimizer race: SGD, Momentum, RMSProp and Adam run from the same start on the
// same explorer surface with the same learning rate, and are ranked by their final loss. The start
// is drawn from a seed, so a race can be repeated exactly. Used by the OptimizerRace widget.
import { runDescent, verdictText, type DescentRun } from './descent/run.ts';
import { optimizerIds, optimizerLabels, type OptimizerId } from './descent/optimizers.ts';
import { surfaces, type SurfaceId } from './descent/surfaces.ts';
import { createRng } from './rng.ts';

export interface RaceEntry {
  readonly id: OptimizerId;
  readonly label: string;
  readonly run: DescentRun;
  /** loss at the last computed point (Infinity if it blew up) */
  readonly finalLoss: number;
  /** 1 = lowest final loss */
  readonly rank: number;
  readonly verdict: string;
}

/**
 * The start point for `seed`: seed 0 is the surface's own start; any other seed draws a point
 * uniformly from the middle 80 % of the domain in each direction.
 */
export function raceStart(surface: SurfaceId, seed: number): [number, number] {
  const s = surfaces[surface];
  if (seed === 0) return [s.start[0], s.start[1]];
  const rng = createRng(seed);
  const pick = ([lo, hi]: readonly [number, number]): number => {
    const pad = 0.1 * (hi - lo);
    return Number(rng.uniform(lo + pad, hi - pad).toFixed(2));
  };
  return [pick(s.domain.x), pick(s.domain.y)];
}

/**
 * Runs all four optimizers for `steps` updates at learning rate `lr` from `start` and ranks them
 * by final loss (ties keep the menu order).
 */
export function runRace(
  surface: SurfaceId,
  lr: number,
  steps: number,
  start: readonly [number, number],
): RaceEntry[] {
  const s = surfaces[surface];
  const entries = optimizerIds.map((id) => {
    const run = runDescent(s, { optimizer: id, lr, steps, start });
    const last = run.losses[run.count - 1]!;
    const finalLoss = run.verdict.kind === 'diverged' || !Number.isFinite(last) ? Infinity : last;
    return {
      id,
      label: optimizerLabels[id],
      run,
      finalLoss,
      verdict: verdictText(run.verdict, steps),
    };
  });
  const order = [...entries].sort((a, b) => a.finalLoss - b.finalLoss);
  return entries.map((e) => ({ ...e, rank: order.indexOf(e) + 1 }));
}
