// Pure: no DOM. Messages between the 2-D GAN widget and its training worker (one union each way,
// told apart by `type`). The same messages drive the main-thread fallback.
import type { GanSettings } from './settings.ts';

export type ToGanRunner =
  /** Start a new run (Reset, new seed, any setup change). `run` tags its snapshots. */
  | { type: 'init'; run: number; settings: GanSettings; itersPerSecond: number }
  | { type: 'play' }
  | { type: 'pause' }
  /** Slow motion: pause, then exactly one discriminator update ('d') or generator update ('g'). */
  | { type: 'step'; which: 'd' | 'g' }
  | { type: 'set'; live: Partial<Pick<GanSettings, 'lrD' | 'lrG' | 'k' | 'loss'>> }
  | { type: 'speed'; itersPerSecond: number }
  | { type: 'dispose' };

/** Side of the discriminator heatmap grid over [-1, 1]². */
export const HEAT_GRID = 40;

/** Everything the view draws after some training. Arrays are transferred, not copied. */
export interface GanSnapshot {
  run: number;
  playing: boolean;
  iteration: number;
  /** Iterations per second over the last second of training (0 when paused). */
  itersPerSecond: number;
  /** Generated points G(z) for the fixed view noise, [x0, y0, …]. */
  fake: Float32Array;
  /** −∂ℓ_G/∂x at each generated point: where the generator's loss pushes it. */
  arrows: Float32Array;
  /** A fixed sample of the target. */
  real: Float32Array;
  /** D(x) on a HEAT_GRID² grid, row 0 at the top (y = 1), column 0 at the left (x = −1). */
  heat: Float32Array;
  /** History rows [iteration, dLoss, gLoss, dReal, dFake] flattened. */
  history: Float64Array;
  /** Energy distance between the generated and target samples. */
  energy: number;
  /** Modes of the 8-Gaussian mixture covered (only for that target, else −1). */
  modes: number;
  /** After a slow-motion step: which network changed, and the view before the change. */
  changed: null | {
    which: 'd' | 'g';
    beforeFake: Float32Array;
    beforeHeat: Float32Array;
    beforeDReal: number;
    beforeDFake: number;
    afterDReal: number;
    afterDFake: number;
  };
  diverged: boolean;
}

export type FromGanRunner =
  { type: 'snapshot'; snapshot: GanSnapshot } | { type: 'error'; run: number; message: string };

/** Unflattens GanSnapshot.history. */
export function historyRows(
  h: Float64Array,
): Array<{ iteration: number; dLoss: number; gLoss: number; dReal: number; dFake: number }> {
  const out = [];
  for (let k = 0; k + 4 < h.length; k += 5) {
    out.push({
      iteration: h[k]!,
      dLoss: h[k + 1]!,
      gLoss: h[k + 2]!,
      dReal: h[k + 3]!,
      dFake: h[k + 4]!,
    });
  }
  return out;
}
