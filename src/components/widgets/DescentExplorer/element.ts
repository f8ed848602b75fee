// <nb-descent-explorer>: wiring only. One store holds the settings and the replay position; every
// change recomputes the runs (plain TypeScript, microseconds) and redraws. The maths lives in
// src/lib/ml/descent, the view-models in ./model.ts, the drawing in ./view.ts, the form in
// ./form.ts, the start-point drag in ./start-point.ts, the replay in ./replay.ts. Every listener,
// timer and subscription goes into one cleanup list run on disconnect.
import { createStore, type Store } from '../shared/store.ts';
import { bindControls } from '../shared/controls.ts';
import { createLiveSummary, renderTable } from '../shared/text-alt.ts';
import { throttle } from '../shared/throttle.ts';
import {
  parseSettings,
  urlSchema,
  toUrlValues,
  fromUrlValues,
  type ExplorerSettings,
} from '../../../lib/ml/descent/settings.ts';
import { surfaces } from '../../../lib/ml/descent/surfaces.ts';
import { optimizerLabels } from '../../../lib/ml/descent/optimizers.ts';
import { formatNumber } from '../../../lib/viz/scales.ts';
import { loadUrlState, saveUrlState } from '../../../lib/state/location.ts';
import { problemNotice } from '../../../lib/state/url-state.ts';
import {
  WIDGET_CHANGE_EVENT,
  type QuizReadableWidget,
  type WidgetState,
} from '../../../lib/quiz/widget-contract.ts';
import { computeRuns, surfaceView, pathViews, lossView, describeRuns, type Runs } from './model.ts';
import { drawSurface, drawPaths, ensureHandle, placeHandle, drawLoss } from './view.ts';
import { syncForm, wireForm, type Listen } from './form.ts';
import { createReplay, type ReplayState } from './replay.ts';
import { wireStartPoint } from './start-point.ts';

type State = ReplayState;

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
    const listen: Listen = (el, type, fn) => {
      if (!el) return;
      el.addEventListener(type, fn as EventListener);
      cleanup.push(() => el.removeEventListener(type, fn as EventListener));
    };
    const settingsNow = () => store.get().settings;
    wireForm(
      form,
      {
        settings: settingsNow,
        set,
        inputError,
        resync: () => syncForm(this, form, settingsNow(), true),
      },
      listen,
    );

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
    wireStartPoint(surfaceSvg, handle, settingsNow, set, listen);

    // Replay controls.
    const replay = createReplay(store);
    cleanup.push(() => replay.dispose());
    const bar = q<HTMLElement>('[data-nb-controls]');
    const controls = bar
      ? bindControls(bar, this, {
          onPlay: () => replay.play(),
          onPause: () => replay.pause(),
          onStep: () => replay.step(),
          onReset: () => {
            if (inputError) inputError.textContent = '';
            store.set({ settings: initial, shown: initial.steps, playing: false });
          },
          onSpeed: (m) => store.set({ speed: m }),
        })
      : undefined;
    if (controls) cleanup.push(() => controls.dispose());

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
        // shrinking / steady / growing swings (oscillating and overshooting verdicts)
        verdictA.dataset['trend'] = 'trend' in runs.a.verdict ? runs.a.verdict.trend : '';
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
      syncForm(this, form, s);
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
