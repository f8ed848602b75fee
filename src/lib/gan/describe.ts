// Pure: no DOM. Words and numbers for the 2-D GAN widget: readouts, the live text summary, the
// slow-motion sentence and the history table; and the mode-collapse tracker the quiz reads.
import { historyRows, type GanSnapshot } from './protocol.ts';
import type { GanSettings } from './settings.ts';
import { targets, type TargetId } from './targets.ts';

const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');
const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–');

function meanMove(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 2) s += Math.hypot(a[i]! - b[i]!, a[i + 1]! - b[i + 1]!);
  return a.length ? s / (a.length / 2) : 0;
}

export interface GanText {
  readouts: Record<'iteration' | 'rate' | 'dReal' | 'dFake' | 'energy' | 'modes', string>;
  summary: string;
  /** The slow-motion sentence after a single step, else ''. */
  slow: string;
  /** The last 20 history rows, newest last. */
  table: string[][];
}

export function describeGan(s: GanSettings, snap: GanSnapshot): GanText {
  const rows = historyRows(snap.history).filter((r) => Number.isFinite(r.dReal));
  const last = rows[rows.length - 1];
  const modes = snap.modes >= 0 ? `${snap.modes} of 8` : '–';
  const readouts = {
    iteration: String(snap.iteration),
    rate: String(Math.round(snap.itersPerSecond)),
    dReal: last ? f2(last.dReal) : '–',
    dFake: last ? f2(last.dFake) : '–',
    energy: f3(snap.energy),
    modes,
  };
  const target = targets[s.target as TargetId]?.spoken ?? s.target;
  const summary =
    `${snap.diverged ? 'Diverged (a loss became infinite or not a number): press Reset or lower a learning rate. ' : ''}` +
    `Iteration ${snap.iteration}. Target: ${target}. Energy distance between generated and real points ${f3(snap.energy)}` +
    `${snap.modes >= 0 ? `; ${modes} modes covered` : ''}.` +
    (last
      ? ` Mean D output ${f2(last.dReal)} on real points and ${f2(last.dFake)} on generated ones.`
      : '');
  let slow = '';
  const c = snap.changed;
  if (c?.which === 'd') {
    slow =
      `One discriminator step: the background now shows how D changed (blue where it rose, orange where it fell). ` +
      `Mean D on real points ${f3(c.beforeDReal)} → ${f3(c.afterDReal)}; on generated points ${f3(c.beforeDFake)} → ${f3(c.afterDFake)}. The generated points did not move.`;
  } else if (c?.which === 'g') {
    slow =
      `One generator step: each generated point moved ${f3(meanMove(c.beforeFake, snap.fake))} on average (grey lines from old to new). ` +
      `Mean D on generated points ${f3(c.beforeDFake)} → ${f3(c.afterDFake)}; D itself did not change.`;
  }
  const table = rows
    .slice(-20)
    .map((r) => [String(r.iteration), f3(r.dLoss), f3(r.gLoss), f2(r.dReal), f2(r.dFake)]);
  return { readouts, summary, slow, table };
}

/** Whether the reader has seen the mixture collapse (for the "collapse, then fix it" question). */
export interface CollapseTracker {
  collapsedSeen: boolean;
}

/** A run on the mixture counts as collapsed once, after 1,500 iterations, it covers ≤ 3 modes. */
export const COLLAPSE = { minIterations: 1500, maxModes: 3 } as const;

export function trackCollapse(
  t: CollapseTracker,
  target: string,
  snap: GanSnapshot,
): CollapseTracker {
  if (t.collapsedSeen || target !== 'gaussians') return t;
  if (
    snap.iteration >= COLLAPSE.minIterations &&
    snap.modes >= 0 &&
    snap.modes <= COLLAPSE.maxModes
  )
    return { collapsedSeen: true };
  return t;
}
