// <nb-playground>: wiring only. Setup controls → state (and the page URL) → training worker;
// worker snapshots → views at most once per animation frame. Everything the element starts is
// undone by its cleanup list on disconnect. Split by concept: client.ts (worker or main-thread
// engine), setup-form.ts (form events → setup patches), sync-controls.ts (setup → form),
// hand-drawing.ts (drawn data set), url.ts (setup in the URL), render.ts (one run → views per
// frame), view.ts (drawing primitives).
import { datasets } from '../../../lib/playground/datasets.ts';
import { createGridEvaluator, type GridEvaluator } from '../../../lib/playground/grid.ts';
import {
  divergenceMessage,
  networkLayout,
  type NetworkLayout,
} from '../../../lib/playground/network-view.ts';
import { findPreset, presetState, readSetup } from '../../../lib/playground/presets.ts';
import { historyPoints, type FromRunner, type Snapshot } from '../../../lib/playground/protocol.ts';
import {
  cloneState,
  hasSetup,
  normalizeState,
  type PlaygroundState,
} from '../../../lib/playground/state.ts';
import {
  buildData,
  type LiveSettings,
  type LossPoint,
  type PlaygroundData,
} from '../../../lib/playground/trainer.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { bindControls, type BoundControls } from '../shared/controls.ts';
import { onVisible } from '../shared/on-visible.ts';
import { createClient, mainThreadClient, type Client } from './client.ts';
import { setOut, showNotices, type Listen } from './dom.ts';
import { setPlotRole, wireDrawing } from './hand-drawing.ts';
import { RunRenderer } from './render.ts';
import { wireSetupForm } from './setup-form.ts';
import { syncControls } from './sync-controls.ts';
import { wirePresetLinks, writeSetupToUrl } from './url.ts';

/** Steps per second at speed 1×; the speed menu multiplies it. */
const BASE_STEPS_PER_SECOND = 250;

class PlaygroundElement extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #setup: PlaygroundState = normalizeState(presetState(findPreset('circles')!)).state;
  #data: PlaygroundData | undefined;
  #layout: NetworkLayout | undefined;
  #grid: GridEvaluator | undefined;
  #view!: RunRenderer;
  #client: Client | undefined;
  #controls: BoundControls | undefined;
  #snap: Snapshot | undefined;
  #history: LossPoint[] = [];
  #run = 0;
  #speed = 1;
  #playing = false;
  #drawClass = 0;
  #started = false;
  /** Frames drawn since connection (read by the benchmark). */
  get framesDrawn(): number {
    return this.#view.framesDrawn;
  }
  /** Milliseconds the last frame spent recomputing the 50×50 grid, and drawing in total. */
  get drawStats(): { gridMs: number; drawMs: number } {
    return this.#view.drawStats;
  }

  #q<E extends Element = HTMLElement>(sel: string): E | null {
    return this.querySelector<E>(sel);
  }

  connectedCallback(): void {
    const start = readSetup(this.dataset['start'] ?? '');
    const fromUrl = hasSetup(new URLSearchParams(location.search))
      ? readSetup(location.search, start.state)
      : undefined;
    this.#setup = (fromUrl ?? start).state;
    const notices = [...start.notices, ...(fromUrl?.notices ?? [])];
    if (fromUrl?.preset) this.#presetSelect().value = fromUrl.preset;

    const view = new RunRenderer(this, () => ({
      setup: this.#setup,
      data: this.#data,
      layout: this.#layout,
      grid: this.#grid,
      snap: this.#snap,
      history: this.#history,
      playing: this.#playing,
    }));
    this.#view = view;
    this.#cleanup.push(() => view.dispose());
    const bar = this.#q('[data-nb-controls]');
    if (bar) {
      this.#controls = bindControls(bar, this, {
        onPlay: () => this.#play(),
        onPause: () => this.#pause(),
        onStep: () => this.#step(),
        onReset: () => this.#restart(),
        onSpeed: (m) => this.#setSpeed(m),
      });
      this.#cleanup.push(() => this.#controls?.dispose());
    }
    const listen: Listen = (el, type, fn) => this.#listen(el, type, fn);
    wireSetupForm(
      {
        root: this,
        setup: () => this.#setup,
        apply: (patch, restart, preset) => this.#apply(patch, restart, preset),
        setDrawClass: (c) => (this.#drawClass = c),
        restart: () => this.#restart(),
      },
      listen,
    );
    wireDrawing(
      {
        root: this,
        setup: () => this.#setup,
        apply: (patch, restart) => this.#apply(patch, restart),
        drawClass: () => this.#drawClass,
        cursor: view.cursor,
        setCursorShown: (shown) => (view.cursorShown = shown),
        cursorShown: () => view.cursorShown,
        drawPoints: () => view.drawPoints(),
      },
      listen,
    );
    wirePresetLinks(this, (patch, restart, preset) => this.#apply(patch, restart, preset), listen);
    const theme = new MutationObserver(() => view.themeChanged());
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    this.#cleanup.push(() => theme.disconnect());
    // Early stopping after the fact: a button under the loss chart puts back the weights with the
    // lowest test loss (marked on the chart). Made here because it only works with scripts.
    const restore = document.createElement('button');
    restore.type = 'button';
    restore.className = 'pg-restore-best';
    restore.dataset['nbControl'] = 'restore-best';
    restore.hidden = true;
    this.#q('[data-curves]')?.after(restore);
    this.#restoreButton = restore;
    this.#listen(restore, 'click', () => {
      this.#client?.send({ type: 'restore-best' });
      this.#setPlaying(false);
    });
    const details = this.#q<HTMLDetailsElement>('.nb-data');
    if (details) this.#listen(details, 'toggle', () => this.#view.renderTable());
    this.#cleanup.push(onVisible(this, () => this.#ensureClient()));
    this.#cleanup.push(() => {
      this.#client?.dispose();
      this.#client = undefined;
    });

    this.#syncControls();
    this.#restart();
    if (notices.length) this.#showNotices(notices);
    if (fromUrl) this.#writeUrl();
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0).reverse()) f();
  }

  /** The quiz contract (src/lib/quiz/widget-contract.ts): the setup and how the run went. */
  quizState(): WidgetState {
    const s = this.#setup;
    const last = this.#history[this.#history.length - 1];
    const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);
    const best = this.#history.length ? Math.min(...this.#history.map((p) => p.test)) : undefined;
    return {
      dataset: s.dataset,
      noise: s.noise,
      trainPercent: s.trainPercent,
      hidden: [...s.hidden],
      features: [...s.features],
      activation: s.activation,
      optimizer: s.optimizer,
      regularization: s.regularization,
      regularizationRate: s.regularizationRate,
      dropout: s.dropout,
      learningRate: s.learningRate,
      decay: s.decay,
      seed: s.seed,
      step: this.#snap?.step ?? 0,
      epoch: this.#snap?.epoch ?? 0,
      trainLoss: finite(last?.train),
      testLoss: finite(last?.test),
      bestTestLoss: finite(best),
      diverged: Boolean(this.#snap?.diverged),
      playing: this.#playing,
    };
  }

  // ---- engine -----------------------------------------------------------------------------------

  #ensureClient(): Client {
    if (this.#client) return this.#client;
    const onMessage = (m: FromRunner) => this.#receive(m);
    this.#client = createClient(onMessage, () => {
      // The worker failed to load: carry on in the page.
      this.#client?.dispose();
      this.#client = mainThreadClient(onMessage);
      this.#started = false;
      this.#init();
    });
    this.#init();
    return this.#client;
  }

  #init(): void {
    if (!this.#client) return;
    this.#client.send({
      type: 'init',
      run: this.#run,
      state: cloneState(this.#setup),
      stepsPerSecond: BASE_STEPS_PER_SECOND * this.#speed,
    });
    this.#started = true;
    this.#out('engine', this.#client.engine);
  }

  #receive(m: FromRunner): void {
    if (m.type === 'error') {
      if (m.run !== this.#run) return;
      this.#showNotices([`Training failed: ${m.message}`]);
      this.#setPlaying(false);
      return;
    }
    const snap = m.snapshot;
    if (snap.run !== this.#run) return; // from a run that was reset
    const wasDiverged = Boolean(this.#snap?.diverged);
    this.#snap = snap;
    this.#history = historyPoints(snap.history);
    // Only a run that stopped by itself changes Play/Pause: other snapshots may predate a click.
    if (this.#playing && snap.stopped) {
      this.#setPlaying(false);
      this.#view.renderTable();
      this.#changed();
    }
    if (snap.diverged && !wasDiverged) this.#showDiverged();
    this.#updateRestore(snap);
    this.#view.requestDraw();
  }

  #restoreButton: HTMLButtonElement | undefined;

  /** Offers the best weights back once the test loss has risen clearly above its lowest point. */
  #updateRestore(snap: Snapshot): void {
    const b = this.#restoreButton;
    if (!b) return;
    const best = snap.best;
    const last = this.#history[this.#history.length - 1];
    const show = Boolean(best && last && last.step > best.step && last.test > best.test * 1.05);
    if (b.hidden === !show && (!show || b.dataset['step'] === String(best?.step))) return;
    b.hidden = !show;
    if (best) {
      b.dataset['step'] = String(best.step);
      b.textContent = `Restore the best weights (step ${best.step.toLocaleString('en')}, test loss ${best.test.toFixed(3)})`;
    }
  }

  #play(): void {
    if (this.#snap?.diverged) return this.#showDiverged();
    if (this.#data && this.#data.train.length === 0) {
      this.#showNotices(['There are no training points yet: add points to the plot first.']);
      return;
    }
    this.#ensureClient().send({ type: 'play' });
    this.#setPlaying(true);
  }

  #pause(): void {
    this.#client?.send({ type: 'pause' });
    this.#setPlaying(false);
    this.#changed();
    queueMicrotask(() => this.#view.renderTable());
  }

  #step(): void {
    this.#setPlaying(false);
    this.#ensureClient().send({ type: 'step' });
    this.#changed();
  }

  #setSpeed(multiplier: number): void {
    this.#speed = multiplier;
    this.#client?.send({ type: 'speed', stepsPerSecond: BASE_STEPS_PER_SECOND * multiplier });
  }

  #setPlaying(p: boolean): void {
    this.#playing = p;
    this.#controls?.setPlaying(p);
  }

  /** New run from the current setup (Reset keeps the seed). */
  #restart(): void {
    this.#run++;
    this.#setPlaying(false);
    this.#snap = undefined;
    this.#history = [];
    const s = this.#setup;
    const info = datasets[s.dataset];
    this.#data = buildData(s);
    this.#layout = networkLayout(s);
    this.#grid = createGridEvaluator(s.features, info.oneD);
    this.#view.setLayout(this.#layout);
    const diverged = this.#q('[data-diverged]');
    if (diverged) diverged.hidden = true;
    this.#q('[data-draw-tools]')!.hidden = s.dataset !== 'drawn';
    setPlotRole(this.#q<HTMLCanvasElement>('[data-heatmap]'), s.dataset === 'drawn');
    if (this.#started) this.#init();
    this.#view.redrawAll();
    this.#changed();
  }

  // ---- setup controls ---------------------------------------------------------------------------

  #presetSelect(): HTMLSelectElement {
    return this.#q<HTMLSelectElement>('[data-field="preset"]')!;
  }

  #listen<K extends keyof HTMLElementEventMap>(
    el: HTMLElement | Document,
    type: K,
    fn: (e: HTMLElementEventMap[K]) => void,
  ): void {
    el.addEventListener(type, fn as EventListener);
    this.#cleanup.push(() => el.removeEventListener(type, fn as EventListener));
  }

  /** Applies a change to the setup: restart the run, or (live fields) tell the running one. */
  #apply(patch: Partial<PlaygroundState>, restart: boolean, preset = ''): void {
    const { state, notices } = normalizeState({ ...this.#setup, ...patch });
    this.#setup = state;
    this.#presetSelect().value = preset;
    if (notices.length) this.#showNotices(notices);
    this.#syncControls();
    this.#writeUrl();
    if (restart) this.#restart();
    else {
      const live: Partial<LiveSettings> = {
        learningRate: state.learningRate,
        regularization: state.regularization,
        regularizationRate: state.regularizationRate,
      };
      this.#client?.send({ type: 'set', live });
      this.#changed();
    }
  }

  /** Puts the setup into the controls (after a preset, a URL or a clamp changed it). */
  #syncControls(): void {
    syncControls(this, this.#setup);
  }

  #out(name: string, text: string): void {
    setOut(this, name, text);
  }

  #writeUrl(): void {
    writeSetupToUrl(this.#setup);
  }

  #showNotices(notices: readonly string[]): void {
    showNotices(this, notices);
  }

  #showDiverged(): void {
    const box = this.#q('[data-diverged]');
    const text = this.#q('[data-diverged-text]');
    const d = this.#snap?.diverged;
    if (!box || !text || !d) return;
    text.textContent = divergenceMessage(d);
    box.hidden = false;
    this.#setPlaying(false);
    this.#changed();
  }

  #changed(): void {
    this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
  }
}

if (!customElements.get('nb-playground')) customElements.define('nb-playground', PlaygroundElement);
