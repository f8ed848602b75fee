// The Descent Explorer's start point: a pointer drag anywhere on the surface plot, or the arrow
// keys on the handle (Shift moves further, Home returns to the surface's default start).
// Browser only.
import { clampStart, type ExplorerSettings } from '../../../lib/ml/descent/settings.ts';
import { surfaces } from '../../../lib/ml/descent/surfaces.ts';
import { surfaceView } from './model.ts';
import type { Listen } from './form.ts';

export function wireStartPoint(
  surfaceSvg: SVGSVGElement,
  handle: SVGElement,
  settings: () => ExplorerSettings,
  set: (patch: Partial<ExplorerSettings>) => void,
  listen: Listen,
): void {
  const toData = (ev: PointerEvent): [number, number] | undefined => {
    const ctm = surfaceSvg.getScreenCTM();
    if (!ctm) return undefined;
    const pt = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(ctm.inverse());
    const { scales } = surfaceView(settings().surface);
    return [scales.x.invert(pt.x), scales.y.invert(pt.y)];
  };
  let dragging = false;
  listen(surfaceSvg, 'pointerdown', (ev) => {
    if (ev.button !== 0) return;
    const p = toData(ev);
    if (!p) return;
    dragging = true;
    surfaceSvg.setPointerCapture(ev.pointerId);
    set({ start: clampStart(settings().surface, p) });
    handle.focus({ preventScroll: true });
    ev.preventDefault();
  });
  listen(surfaceSvg, 'pointermove', (ev) => {
    if (!dragging) return;
    const p = toData(ev);
    if (p) set({ start: clampStart(settings().surface, p) });
  });
  const stopDrag = (ev: PointerEvent) => {
    if (!dragging) return;
    dragging = false;
    if (surfaceSvg.hasPointerCapture(ev.pointerId)) surfaceSvg.releasePointerCapture(ev.pointerId);
  };
  listen(surfaceSvg, 'pointerup', stopDrag);
  listen(surfaceSvg, 'pointercancel', stopDrag);
  listen(handle, 'keydown', (ev) => {
    const s = settings();
    const { x, y } = surfaces[s.surface].domain;
    const step = ((x[1] - x[0]) / 60) * (ev.shiftKey ? 5 : 1);
    const stepY = ((y[1] - y[0]) / 60) * (ev.shiftKey ? 5 : 1);
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, stepY],
      ArrowDown: [0, -stepY],
    };
    const d = moves[ev.key];
    if (ev.key === 'Home') set({ start: surfaces[s.surface].start });
    else if (d) set({ start: clampStart(s.surface, [s.start[0] + d[0], s.start[1] + d[1]]) });
    else return;
    ev.preventDefault();
  });
}
