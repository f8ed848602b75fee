// Wires the standard controls bar (Controls.astro): clicks, the speed menu and keyboard shortcuts
// (P play/pause, S step, R reset, − / + speed) while focus is inside the widget.

export interface ControlHandlers {
  onPlay?(): void;
  onPause?(): void;
  onStep?(): void;
  onReset?(): void;
  onSpeed?(multiplier: number): void;
}

export interface BoundControls {
  /** shows Pause (playing) or Play */
  setPlaying(playing: boolean): void;
  setSpeed(multiplier: number): void;
  /** enables or disables one control */
  setEnabled(control: 'play' | 'step' | 'reset' | 'speed', enabled: boolean): void;
  dispose(): void;
}

/** Elements where single-letter keys belong to the control itself (typing, typeahead). */
function typesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['range', 'checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }
  return false;
}

/**
 * Binds the controls inside `bar` and the shortcuts on `keyScope` (the widget root). Returns
 * setters and a disposer that removes every listener.
 */
export function bindControls(
  bar: HTMLElement,
  keyScope: HTMLElement,
  handlers: ControlHandlers,
): BoundControls {
  const q = <E extends HTMLElement>(name: string) =>
    bar.querySelector<E>(`[data-nb-control="${name}"]`);
  const play = q<HTMLButtonElement>('play');
  const step = q<HTMLButtonElement>('step');
  const reset = q<HTMLButtonElement>('reset');
  const speed = q<HTMLSelectElement>('speed');
  let playing = false;
  const offs: Array<() => void> = [];
  const on = <K extends keyof HTMLElementEventMap>(
    el: HTMLElement | null,
    type: K,
    fn: (e: HTMLElementEventMap[K]) => void,
  ) => {
    if (!el) return;
    el.addEventListener(type, fn);
    offs.push(() => el.removeEventListener(type, fn));
  };
  const togglePlay = () => {
    if (play?.disabled) return;
    if (playing) handlers.onPause?.();
    else handlers.onPlay?.();
  };
  const shiftSpeed = (dir: 1 | -1) => {
    if (!speed || speed.disabled) return;
    const next = Math.min(Math.max(speed.selectedIndex + dir, 0), speed.options.length - 1);
    if (next === speed.selectedIndex) return;
    speed.selectedIndex = next;
    handlers.onSpeed?.(Number(speed.value));
  };
  on(play, 'click', togglePlay);
  on(step, 'click', () => handlers.onStep?.());
  on(reset, 'click', () => handlers.onReset?.());
  on(speed, 'change', () => handlers.onSpeed?.(Number(speed!.value)));
  on(keyScope, 'keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const key = e.key.toLowerCase();
    if (key === 'p' && play && !typesText(e.target)) togglePlay();
    else if (key === 's' && step && !step.disabled && !typesText(e.target)) handlers.onStep?.();
    else if (key === 'r' && reset && !reset.disabled && !typesText(e.target)) handlers.onReset?.();
    else if ((key === '+' || key === '=') && !typesText(e.target)) shiftSpeed(1);
    else if (key === '-' && !typesText(e.target)) shiftSpeed(-1);
    else return;
    e.preventDefault();
  });
  return {
    setPlaying(p) {
      playing = p;
      if (play)
        play.textContent =
          (p ? play.dataset['labelPause'] : play.dataset['labelPlay']) ?? (p ? 'Pause' : 'Play');
    },
    setSpeed(m) {
      if (!speed) return;
      const k = [...speed.options].findIndex((o) => Number(o.value) === m);
      if (k >= 0) speed.selectedIndex = k;
    },
    setEnabled(name, enabled) {
      const el = { play, step, reset, speed }[name];
      if (el) el.disabled = !enabled;
    },
    dispose() {
      for (const off of offs.splice(0)) off();
    },
  };
}
