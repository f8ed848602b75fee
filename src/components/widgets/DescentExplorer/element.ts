// <nb-descent-explorer>: wiring only. One store holds the settings and the replay position; every
// change recomputes the runs (plain TypeScript, microseconds) and redraws. The maths lives in
// src/lib/ml/descent, the view-models in ./model.ts, the drawing in ./view.ts. Every listener,
// timer and subscription goes into one cleanup list run on disconnect.
import { createStore, type Store } from '../shared/store.ts';
import { bindControls } from '../shared/controls.ts';
import { createLiveSummary, renderTable } from '../shared/text-alt.ts';
import { throttle } from '../shared/throttle.ts';
import {
  parseSettings,
  clampStart,
  urlSchema,
  toUrlValues,
  fromUrlValues,
  snapLearningRate,
  LR_SLIDER,
  type ExplorerSettings,
} from '../../../lib/ml/descent/settings.ts';
import { surfaces } from '../../../lib/ml/descent/surfaces.ts';
import { optimizerLabels } from '../../../lib/ml/descent/optimizers.ts';
import { logSliderPosition, logSliderValue, formatNumber } from '../../../lib/viz/scales.ts';
import { loadUrlState, saveUrlState } from '../../../lib/state/location.ts';
import { problemNotice } from '../../../lib/state/url-state.ts';
import {
  WIDGET_CHANGE_EVENT,
  type QuizReadableWidget,
  type WidgetState,
} from '../../../lib/quiz/widget-contract.ts';
import { computeRuns, surfaceView, pathViews, lossView, describeRuns, type Runs } from './model.ts';
import { drawSurface, drawPaths, ensureHandle, placeHandle, drawLoss } from './view.ts';

interface State {
  readonly settings: ExplorerSettings;
  /** updates shown by the replay (settings.steps = the whole path) */
  readonly shown: number;
  readonly playing: boolean;
  readonly speed: number;
}

/** Replay speed at 1×, in updates per second. */
const REPLAY_RATE = 15;
const NS = /^[a-z][a-z0-9-]{0,31}$/;

class DescentExplorerElement extends HTMLElement implements QuizReadableWidget {
  #cleanup: Array<() => void> = [];
  #store: Store<State> | undefined;
  #initial: ExplorerSettings | undefined;
  #runs: { settings: ExplorerSettings; runs: Runs } | undefined;
  #drawnSurface = '';

  connectedCallback(): void {
    const q = <E extends Element>(sel: string) => this.querySelector<E>(sel);
    const surfaceSvg = q<SVGSVGElement>('[data-surface-svg]');
    const lossSvg = q<SVGSVGElement>('[data-loss-svg]');
    const form = q<HTMLElement>('.de-form');
    if (!surfaceSvg || !lossSvg || !form) return;
    let raw: Record<string, string> = {};
    try {
      raw = JSON.parse(this.dataset['settings'] ?? '{}') as Record<string, string>;
    } catch {
      /* the shell always writes valid JSON; fall back to defaults if it was tampered with */
    }
    const initial = parseSettings(raw).settings;
    this.#initial = initial;
    const ns = NS.test(this.id) ? this.id : 'descent';
    const useUrl = this.dataset['urlState'] !== 'off';
    const schema = urlSchema(initial);
    let settings = initial;
    const notices: string[] = [];
    if (useUrl) {
      const fromUrl = loadUrlState(ns, schema, toUrlValues(initial));
      if (fromUrl.present) {
        const parsed = fromUrlValues(fromUrl.values);
        settings = parsed.settings;
        if (fromUrl.problems.length) notices.push(problemNotice(fromUrl.problems));
        if (parsed.problems.length)
          notices.push(`Adjusted settings from the link: ${parsed.problems.join('; ')}.`);
      }
    }
    const notice = q<HTMLElement>('[data-notice]');
    if (notice) notice.textContent = notices.join(' ');

    const store = createStore<State>({ settings, shown: settings.steps, playing: false, speed: 1 });
    this.#store = store;
    const cleanup = this.#cleanup;

    // Static build-time drawing is replaced by the live one.
    surfaceSvg.replaceChildren();
    lossSvg.replaceChildren();
    const clipId = `${ns}-clip`;
    const handle = ensureHandle(surfaceSvg);
    handle.setAttribute('aria-label', 'Start point');
    handle.setAttribute('aria-roledescription', 'draggable start point');

    const live = createLiveSummary(
      q<HTMLElement>('[data-nb-live]') ?? document.createElement('p'),
      1000,
    );
    cleanup.push(() => live.dispose());
    const table = q<HTMLTableElement>('[data-nb-table]');
    const writeTable = throttle((columns: string[], rows: string[][]) => {
      if (table) renderTable(table, columns, rows);
    }, 400);
    cleanup.push(() => writeTable.cancel());
    const writeUrl = throttle((s: ExplorerSettings) => {
      saveUrlState(ns, schema, toUrlValues(s), toUrlValues(initial));
    }, 300);
    cleanup.push(() => writeUrl.flush());

    const field = <E extends HTMLElement>(name: string) =>
      form.querySelector<E>(`[name="${name}"]`);
    const inputError = q<HTMLElement>('[data-input-error]');
    const set = (patch: Partial<ExplorerSettings>) => {
      const cur = store.get();
      const next = { ...cur.settings, ...patch };
      if (patch.surface && patch.surface !== cur.settings.surface && !patch.start)
        next.start = surfaces[patch.surface].start;
      store.set({
        settings: next,
        shown: cur.playing ? Math.min(cur.shown, next.steps) : next.steps,
      });
    };
    const listen = <K extends keyof HTMLElementEventMap>(
      el: EventTarget | null,
      type: K,
      fn: (e: HTMLElementEventMap[K]) => void,
    ) => {
      if (!el) return;
      el.addEventListener(type, fn as EventListener);
      cleanup.push(() => el.removeEventListener(type, fn as EventListener));
    };

    // Form controls → settings.
    listen(form, 'input', (e) => {
      const t = e.target;
      if (!(t instanceof HTMLInputElement || t instanceof HTMLSelectElement)) return;
      switch (t.name) {
        case 'surface':
          if (t.value in surfaces) set({ surface: t.value as ExplorerSettings['surface'] });
          break;
        case 'optimizer':
        case 'optimizerB':
          if (t.value in optimizerLabels)
            set({ [t.name]: t.value as ExplorerSettings['optimizer'] });
          break;
        case 'decay':
          if (['none', 'step', 'exponential'].includes(t.value))
            set({ decay: t.value as ExplorerSettings['decay'] });
          break;
        case 'lr':
          set({ lr: snapLearningRate(logSliderValue(Number(t.value), LR_SLIDER)) });
          break;
        case 'momentum':
          set({ momentum: Number(t.value) });
          break;
        case 'steps':
          set({ steps: Number(t.value) });
          break;
        case 'race':
          set({ race: (t as HTMLInputElement).checked });
          break;
        case 'startX':
        case 'startY': {
          const s = store.get().settings;
          const v = t.value.trim() === '' ? NaN : Number(t.value);
          const name = surfaces[s.surface].params[t.name === 'startX' ? 0 : 1];
          if (!Number.isFinite(v)) {
            if (inputError)
              inputError.textContent = `Enter a number for ${name}; the start point stays where it was.`;
            return;
          }
          const wanted: [number, number] = t.name === 'startX' ? [v, s.start[1]] : [s.start[0], v];
          const start = clampStart(s.surface, wanted);
          if (inputError) {
            inputError.textContent =
              start[0] !== wanted[0] || start[1] !== wanted[1]
                ? `${name} was kept inside the plotted range (${s.surface === 'regression' ? 'see the axes' : 'the axes show it'}).`
                : '';
          }
          set({ start });
          break;
        }
      }
    });
    // Committed number inputs snap back to the stored value (e.g. after an invalid entry).
    listen(form, 'change', (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'number')
        syncForm(store.get().settings, true);
    });

    // Presets.
    for (const btn of this.querySelectorAll<HTMLButtonElement>('[data-preset]')) {
      listen(btn, 'click', () => {
        let patch: Record<string, string>;
        try {
          patch = JSON.parse(btn.dataset['preset'] ?? '{}') as Record<string, string>;
        } catch {
          return;
        }
        const cur = store.get().settings;
        const { settings: next } = parseSettings(patch, cur);
        store.set({ settings: next, shown: next.steps, playing: false });
      });
    }

    // Start point: pointer drag anywhere on the plot, arrow keys on the handle.
    const toData = (ev: PointerEvent): [number, number] | undefined => {
      const ctm = surfaceSvg.getScreenCTM();
      if (!ctm) return undefined;
      const pt = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(ctm.inverse());
      const { scales } = surfaceView(store.get().settings.surface);
      return [scales.x.invert(pt.x), scales.y.invert(pt.y)];
    };
    let dragging = false;
    listen(surfaceSvg, 'pointerdown', (ev) => {
      if (ev.button !== 0) return;
      const p = toData(ev);
      if (!p) return;
      dragging = true;
      surfaceSvg.setPointerCapture(ev.pointerId);
      set({ start: clampStart(store.get().settings.surface, p) });
      handle.focus({ preventScroll: true });
      ev.preventDefault();
    });
    listen(surfaceSvg, 'pointermove', (ev) => {
      if (!dragging) return;
      const p = toData(ev);
      if (p) set({ start: clampStart(store.get().settings.surface, p) });
    });
    const stopDrag = (ev: PointerEvent) => {
      if (!dragging) return;
      dragging = false;
      if (surfaceSvg.hasPointerCapture(ev.pointerId))
        surfaceSvg.releasePointerCapture(ev.pointerId);
    };
    listen(surfaceSvg, 'pointerup', stopDrag);
    listen(surfaceSvg, 'pointercancel', stopDrag);
    listen(handle, 'keydown', (ev) => {
      const s = store.get().settings;
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

    // Replay controls.
    let frame = 0;
    let lastTime = 0;
    const tick = (now: number) => {
      const st = store.get();
      if (!st.playing) return;
      const dt = lastTime ? Math.min(now - lastTime, 100) : 16;
      lastTime = now;
      const shown = st.shown + (dt / 1000) * REPLAY_RATE * st.speed;
      if (shown >= st.settings.steps) store.set({ shown: st.settings.steps, playing: false });
      else {
        store.set({ shown });
        frame = requestAnimationFrame(tick);
      }
    };
    cleanup.push(() => cancelAnimationFrame(frame));
    const bar = q<HTMLElement>('[data-nb-controls]');
    const controls = bar
      ? bindControls(bar, this, {
          onPlay: () => {
            const st = store.get();
            store.set({ playing: true, shown: st.shown >= st.settings.steps ? 0 : st.shown });
            lastTime = 0;
            frame = requestAnimationFrame(tick);
          },
          onPause: () => store.set({ playing: false, shown: Math.floor(store.get().shown) }),
          onStep: () => {
            const st = store.get();
            const cur = Math.floor(st.shown);
            store.set({ playing: false, shown: cur >= st.settings.steps ? 1 : cur + 1 });
          },
          onReset: () => {
            if (inputError) inputError.textContent = '';
            store.set({ settings: initial, shown: initial.steps, playing: false });
          },
          onSpeed: (m) => store.set({ speed: m }),
        })
      : undefined;
    if (controls) cleanup.push(() => controls.dispose());

    // State → form (presets, reset, URL and drags change settings without touching the form).
    const syncForm = (s: ExplorerSettings, force = false) => {
      const put = (name: string, value: string) => {
        const el = field<HTMLInputElement | HTMLSelectElement>(name);
        if (!el || el.value === value) return;
        if (
          !force &&
          el === document.activeElement &&
          el instanceof HTMLInputElement &&
          el.type === 'number'
        )
          return;
        el.value = value;
      };
      put('surface', s.surface);
      put('optimizer', s.optimizer);
      put('optimizerB', s.optimizerB);
      put('decay', s.decay);
      put('lr', String(logSliderPosition(s.lr, LR_SLIDER)));
      put('momentum', String(s.momentum));
      put('steps', String(s.steps));
      put('startX', String(s.start[0]));
      put('startY', String(s.start[1]));
      const race = field<HTMLInputElement>('race');
      if (race) race.checked = s.race;
      const lr = field<HTMLInputElement>('lr');
      lr?.setAttribute('aria-valuetext', formatNumber(s.lr));
      const out = (k: string, text: string) => {
        const o = this.querySelector(`[data-out="${k}"]`);
        if (o && o.textContent !== text) o.textContent = text;
      };
      out('lr', formatNumber(s.lr));
      out('momentum', String(s.momentum));
      out('steps', String(s.steps));
      const [p1, p2] = surfaces[s.surface].params;
      const lx = field<HTMLInputElement>('startX')?.previousElementSibling;
      const ly = field<HTMLInputElement>('startY')?.previousElementSibling;
      if (lx) lx.textContent = p1;
      if (ly) ly.textContent = p2;
    };

    const verdictA = q<HTMLElement>('[data-verdict="a"]');
    const verdictB = q<HTMLElement>('[data-verdict="b"]');
    const legend = q<HTMLElement>('[data-legend]');

    const render = (st: State, prev: State | undefined) => {
      const s = st.settings;
      if (!this.#runs || this.#runs.settings !== s)
        this.#runs = { settings: s, runs: computeRuns(s) };
      const runs = this.#runs.runs;
      const contour = surfaceView(s.surface);
      if (this.#drawnSurface !== s.surface) {
        drawSurface(surfaceSvg, { contour, params: surfaces[s.surface].params, clipId });
        this.#drawnSurface = s.surface;
      }
      const paths = pathViews(runs, contour, st.shown);
      drawPaths(surfaceSvg, {
        a: paths.a,
        b: paths.b,
        labelA: optimizerLabels[s.optimizer],
        labelB: optimizerLabels[s.optimizerB],
        clipId,
      });
      const start = paths.a.start;
      if (start) placeHandle(handle, start.px, start.py);
      const [p1, p2] = surfaces[s.surface].params;
      const { x } = surfaces[s.surface].domain;
      handle.setAttribute('aria-valuenow', String(s.start[0]));
      handle.setAttribute('aria-valuemin', String(x[0]));
      handle.setAttribute('aria-valuemax', String(x[1]));
      handle.setAttribute(
        'aria-valuetext',
        `${p1} = ${formatNumber(s.start[0])}, ${p2} = ${formatNumber(s.start[1])}. Arrow keys move it; Shift moves further; Home returns to the default start.`,
      );
      drawLoss(lossSvg, lossView(s, runs, st.shown));
      controls?.setPlaying(st.playing);
      if (prev && prev.settings === s && prev !== st) return; // replay only: words unchanged
      const words = describeRuns(s, runs);
      if (verdictA) {
        verdictA.textContent = words.verdictA;
        verdictA.dataset['kind'] = runs.a.verdict.kind;
      }
      if (verdictB) {
        verdictB.hidden = !runs.b;
        verdictB.textContent = words.verdictB ?? '';
        verdictB.dataset['kind'] = runs.b?.verdict.kind ?? '';
      }
      if (legend) {
        legend.textContent = s.race
          ? `Solid line and round end: ${optimizerLabels[s.optimizer]}. Dashed line and diamond end: ${optimizerLabels[s.optimizerB]}.`
          : 'The ring is the start; the line with dots is the path; the round marker is where it ends.';
      }
      syncForm(s);
      live.update(words.summary);
      writeTable(words.columns, words.rows);
      if (prev && prev.settings !== s) {
        if (useUrl) writeUrl(s);
        this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
      }
    };
    cleanup.push(store.subscribe(render));
    render(store.get(), undefined);
    this.dataset['ready'] = 'true';
  }

  disconnectedCallback(): void {
    for (const fn of this.#cleanup.splice(0).reverse()) fn();
    this.#store = undefined;
    this.#runs = undefined;
    this.#drawnSurface = '';
    delete this.dataset['ready'];
  }

  /** The reader's settings and the verdict, for quiz questions (see widget-contract.ts). */
  quizState(): WidgetState {
    const s = this.#store?.get().settings ?? this.#initial;
    if (!s) return null;
    const runs = this.#runs?.settings === s ? this.#runs.runs : computeRuns(s);
    return {
      surface: s.surface,
      optimizer: s.optimizer,
      lr: s.lr,
      momentum: s.momentum,
      steps: s.steps,
      decay: s.decay,
      start: [s.start[0], s.start[1]],
      race: s.race,
      optimizerB: s.optimizerB,
      verdict: runs.a.verdict.kind,
      finalLoss: runs.a.losses[runs.a.count - 1] ?? null,
    };
  }
}

if (!customElements.get('nb-descent-explorer')) {
  customElements.define('nb-descent-explorer', DescentExplorerElement);
}
