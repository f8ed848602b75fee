// Drawing data points by hand on the "drawn" data set: a click on the plot, or (keyboard) arrow
// keys move a cross on the focused plot and Enter/Space adds a point of the chosen class.
// Browser only.
import type { LabelledPoint } from '../../../lib/playground/datasets.ts';
import { limits, type PlaygroundState } from '../../../lib/playground/state.ts';
import { showNotices, type Listen } from './dom.ts';

export interface DrawingHost {
  readonly root: HTMLElement;
  setup(): PlaygroundState;
  apply(patch: Partial<PlaygroundState>, restart: boolean): void;
  drawClass(): number;
  /** The keyboard cross, in data coordinates (−1…1); mutated in place. */
  readonly cursor: { x: number; y: number };
  setCursorShown(shown: boolean): void;
  cursorShown(): boolean;
  /** Redraws the points layer (with the cross if shown). */
  drawPoints(): void;
}

export function wireDrawing(host: DrawingHost, listen: Listen): void {
  const overlay = host.root.querySelector<HTMLCanvasElement>('[data-points]');
  const heat = host.root.querySelector<HTMLCanvasElement>('[data-heatmap]');
  if (!overlay || !heat) return;
  const drawing = () => host.setup().dataset === 'drawn';
  const add = (x: number, y: number) => {
    if (!drawing()) return;
    const points = host.setup().points;
    if (points.length >= limits.drawnPoints.max) {
      showNotices(host.root, [`At most ${limits.drawnPoints.max} points can be drawn.`]);
      return;
    }
    const round = (v: number) => Math.round(Math.max(-1, Math.min(1, v)) * 100) / 100;
    const p: LabelledPoint = { x: round(x), y: round(y), label: host.drawClass() };
    host.apply({ points: [...points, p] }, true);
  };
  listen(overlay, 'click', (e) => {
    const r = overlay.getBoundingClientRect();
    add(((e.clientX - r.left) / r.width) * 2 - 1, 1 - ((e.clientY - r.top) / r.height) * 2);
  });
  listen(heat, 'focus', () => {
    if (!drawing()) return;
    host.setCursorShown(true);
    host.drawPoints();
  });
  listen(heat, 'blur', () => {
    host.setCursorShown(false);
    host.drawPoints();
  });
  listen(heat, 'keydown', (e) => {
    if (!drawing() || !host.cursorShown()) return;
    const step = e.shiftKey ? 0.2 : 0.05;
    const c = host.cursor;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const m = moves[e.key];
    if (m) {
      c.x = Math.max(-1, Math.min(1, c.x + m[0]));
      c.y = Math.max(-1, Math.min(1, c.y + m[1]));
      host.drawPoints();
    } else if (e.key === 'Enter' || e.key === ' ') add(c.x, c.y);
    else return;
    e.preventDefault();
  });
}

/** The plot's keyboard role: a drawing area on the "drawn" data set, an image otherwise. */
export function setPlotRole(heat: HTMLCanvasElement | null, drawn: boolean): void {
  if (!heat) return;
  if (drawn) {
    heat.tabIndex = 0;
    heat.setAttribute(
      'aria-label',
      'Drawing area. Arrow keys move the cross; Enter adds a point of the chosen class.',
    );
  } else {
    heat.removeAttribute('tabindex');
    heat.setAttribute('aria-label', 'Output of the network over the plane, with the data points');
  }
}
