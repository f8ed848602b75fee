// Rate-limited drawing for the training demo: the heatmap redraws when a new grid arrives (at
// most every HEAT_EVERY_MS while training) and the curves at most every CURVES_EVERY_MS, one of
// them per animation frame, so the page never spends long on one frame while training.
// Browser only.

const HEAT_EVERY_MS = 300;
const CURVES_EVERY_MS = 200;

export type DrawPart = 'heat' | 'curves';

export interface DrawScheduler {
  /** Marks a part dirty and asks for a frame. */
  schedule(what?: DrawPart): void;
  /** Replaces the drawing callbacks (they close over the latest state). */
  setDrawers(heat: () => void, curves: () => void): void;
  dispose(): void;
}

export function createDrawScheduler(isPlaying: () => boolean): DrawScheduler {
  let drawHeat: (() => void) | undefined;
  let drawCurves: (() => void) | undefined;
  let heatDirty = false;
  let curvesDirty = false;
  let lastHeat = -Infinity;
  let lastCurves = -Infinity;
  let frame = 0;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const schedule = (what: DrawPart = 'heat'): void => {
    if (what === 'heat') heatDirty = true;
    else curvesDirty = true;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const now = performance.now();
      const playing = isPlaying();
      if (heatDirty && (!playing || now - lastHeat >= HEAT_EVERY_MS)) {
        heatDirty = false;
        lastHeat = now;
        drawHeat?.();
      } else if (curvesDirty && (!playing || now - lastCurves >= CURVES_EVERY_MS)) {
        curvesDirty = false;
        lastCurves = now;
        drawCurves?.();
      }
      if (heatDirty || curvesDirty) {
        const t = setTimeout(() => {
          timers.delete(t);
          schedule(heatDirty ? 'heat' : 'curves');
        }, 50);
        timers.add(t);
      }
    });
  };
  return {
    schedule,
    setDrawers: (heat, curves) => {
      drawHeat = heat;
      drawCurves = curves;
    },
    dispose: () => {
      cancelAnimationFrame(frame);
      frame = 0;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
