// Pure: no DOM. What the 2-D GAN view draws, computed from a training session: generated points
// and their gradient arrows, the discriminator's heatmap, and the quality numbers.
import { discriminateMany, generateMany, pointGradients, type GeneratorLoss } from './gan.ts';
import { energyDistance, modeCoverage } from './metrics.ts';
import { HEAT_GRID } from './protocol.ts';
import { VIEW_POINTS, type Session } from './session.ts';

/** Grid centres over [-1, 1]², row 0 at the top (y = 1). */
export function heatGridPoints(grid = HEAT_GRID): Float32Array {
  const pts = new Float32Array(grid * grid * 2);
  for (let r = 0; r < grid; r++) {
    for (let c = 0; c < grid; c++) {
      const k = 2 * (r * grid + c);
      pts[k] = -1 + (2 * (c + 0.5)) / grid;
      pts[k + 1] = 1 - (2 * (r + 0.5)) / grid;
    }
  }
  return pts;
}

const gridPoints = heatGridPoints();

export interface GanView {
  fake: Float32Array;
  arrows: Float32Array;
  heat: Float32Array;
  energy: number;
  modes: number;
}

/**
 * The view of a session now. With `reuse` (an earlier view), the heatmap and energy distance are
 * copied from it instead of recomputed: they are most of the cost (1,600 passes of D; 98,000
 * point pairs) and change little between two snapshots 25 ms apart, so the runner refreshes
 * them about ten times a second while the points and arrows follow every snapshot.
 */
export function viewOf(session: Session, reuse?: GanView): GanView {
  const { gan } = session;
  const fake = generateMany(gan, session.viewNoise, VIEW_POINTS);
  const arrows = pointGradients(gan, fake, VIEW_POINTS, session.settings.loss as GeneratorLoss);
  const heat = reuse
    ? reuse.heat.slice()
    : discriminateMany(gan, gridPoints, HEAT_GRID * HEAT_GRID);
  const energy = reuse ? reuse.energy : energyDistance(fake, session.viewReal);
  const modes = session.settings.target === 'gaussians' ? modeCoverage(fake).covered : -1;
  return { fake, arrows, heat, energy, modes };
}

/** Mean of D over the given points (row-major pairs). */
export function meanD(session: Session, points: Float32Array): number {
  const d = discriminateMany(session.gan, points, points.length / 2);
  let s = 0;
  for (const v of d) s += v;
  return d.length ? s / d.length : NaN;
}
