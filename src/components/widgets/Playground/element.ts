// <nb-playground>: wiring only. Setup controls → state (and the page URL) → training worker;
// worker snapshots → views at most once per animation frame. Everything the element starts is
// undone by its cleanup list on disconnect.
import { nextSeed } from '../../../lib/ml/rng.ts';
import type { DenseNet } from '../../../lib/ml/dense/network.ts';
import { datasets, type LabelledPoint } from '../../../lib/playground/datasets.ts';
import { featureIds } from '../../../lib/playground/features.ts';
import {
  createGridEvaluator,
  GRID_SIZE,
  type GridEvaluator,
} from '../../../lib/playground/grid.ts';
import {
  describeIncoming,
  describeRun,
  divergenceMessage,
  formatNumber,
  networkLayout,
  networkLinks,
  type LinkLine,
  type NetworkLayout,
  type NodeBox,
} from '../../../lib/playground/network-view.ts';
import { findPreset, presetState, readSetup } from '../../../lib/playground/presets.ts';
import {
  historyPoints,
  type FromRunner,
  type Snapshot,
  type ToRunner,
} from '../../../lib/playground/protocol.ts';
import { createRunner } from '../../../lib/playground/runner.ts';
import {
  cloneState,
  hasSetup,
  limits,
  normalizeState,
  stateToParams,
  urlKeys,
  type PlaygroundState,
} from '../../../lib/playground/state.ts';
import {
  buildData,
  netSpec,
  type LiveSettings,
  type LossPoint,
  type PlaygroundData,
} from '../../../lib/playground/trainer.ts';
import type { Palette } from '../../../lib/playground/colors.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { bindControls, type BoundControls } from '../shared/controls.ts';
import { onVisible } from '../shared/on-visible.ts';
import { createLiveSummary, renderTable, type LiveSummary } from '../shared/text-alt.ts';
import {
  createNetworkView,
  drawHeatmap,
  drawLossCurves,
  drawPoints,
  readPalette,
  type NetworkView,
} from './view.ts';

/** Steps per second at speed 1×; the speed menu multiplies it. */
const BASE_STEPS_PER_SECOND = 250;
const LIVE_FIELDS = ['learningRate', 'regularization', 'regularizationRate'] as const;

interface Client {
  readonly engine: string;
  send(message: ToRunner): void;
  dispose(): void;
}

/** The runner on the main thread, in frame-sized slices (when Worker is unavailable). */
function mainThreadClient(onMessage: (m: FromRunner) => void): Client {
  let alive = true;
  const runner = createRunner(
    {
      post: (m) => queueMicrotask(() => alive && onMessage(m)),
      now: () => performance.now(),
      later: (fn) => {
        const t = setTimeout(fn, 0);
        return () => clearTimeout(t);
      },
    },
    { sliceMs: 6 },
  );
  return {
    engine: 'typed-array engine, main thread',
    send: (m) => runner.handle(m),
    dispose: () => {
      runner.handle({ type: 'dispose' });
      alive = false;
    },
  };
}

/** A worker client, or the main-thread one if workers are unavailable or fail to start. */
function createClient(onMessage: (m: FromRunner) => void, onFail: () => void): Client {
  if (typeof Worker === 'undefined') return mainThreadClient(onMessage);
  try {
    const worker = new Worker(new URL('../../../workers/playground.worker.ts', import.meta.url), {
      type: 'module',
    });
    let heard = false;
    worker.addEventListener('message', (e: MessageEvent<FromRunner>) => {
      heard = true;
      onMessage(e.data);
    });
    worker.addEventListener('error', () => {
      if (!heard) onFail();
    });
    return {
      engine: 'typed-array engine, worker',
      send: (m) => worker.postMessage(m),
      dispose: () => worker.terminate(),
    };
  } catch {
    return mainThreadClient(onMessage);
  }
}

class PlaygroundElement extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #setup: PlaygroundState = normalizeState(presetState(findPreset('circles')!)).state;
  #data: PlaygroundData | undefined;
  #layout: NetworkLayout | undefined;
  #grid: GridEvaluator | undefined;
  #network: NetworkView | undefined;
  #client: Client | undefined;
  #controls: BoundControls | undefined;
  #live: LiveSummary | undefined;
  #snap: Snapshot | undefined;
  #history: LossPoint[] = [];
  #run = 0;
  #speed = 1;
  #playing = false;
  #raf = 0;
  #lastCurves = 0;
  #lastNetwork = 0;
  #inspected: NodeBox | undefined;
  #lastInspect = 0;
  #image = new ImageData(GRID_SIZE, GRID_SIZE);
  #cursor = { x: 0, y: 0 };
  #cursorShown = false;
  #palette: Palette | undefined;
  #drawClass = 0;
  #started = false;
  /** Frames drawn since connection (read by the benchmark). */
  framesDrawn = 0;
  /** Milliseconds the last frame spent recomputing the 50×50 grid, and drawing in total. */
  readonly drawStats = { gridMs: 0, drawMs: 0 };

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

    const networkHost = this.#q('[data-network]');
    if (networkHost)
      this.#network = createNetworkView(networkHost, GRID_SIZE, (n, l) => this.#inspect(n, l));
    const liveEl = this.#q('[data-nb-live]');
    if (liveEl) {
      this.#live = createLiveSummary(liveEl, 1500);
      this.#cleanup.push(() => this.#live?.dispose());
    }
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
    this.#wireSetup();
    this.#wireDrawing();
    this.#wirePresetLinks();
    const theme = new MutationObserver(() => {
      this.#palette = undefined;
      this.#redrawAll();
    });
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    this.#cleanup.push(() => theme.disconnect());
    const details = this.#q<HTMLDetailsElement>('.nb-data');
    if (details) this.#listen(details, 'toggle', () => this.#renderTable());
    this.#cleanup.push(onVisible(this, () => this.#ensureClient()));
    this.#cleanup.push(() => {
      if (this.#raf) cancelAnimationFrame(this.#raf);
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
      this.#renderTable();
      this.#changed();
    }
    if (snap.diverged && !wasDiverged) this.#showDiverged();
    this.#requestDraw();
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
    queueMicrotask(() => this.#renderTable());
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
    this.#network?.setLayout(this.#layout);
    const diverged = this.#q('[data-diverged]');
    if (diverged) diverged.hidden = true;
    this.#q('[data-draw-tools]')!.hidden = s.dataset !== 'drawn';
    const heat = this.#q<HTMLCanvasElement>('[data-heatmap]');
    if (heat) {
      if (s.dataset === 'drawn') {
        heat.tabIndex = 0;
        heat.setAttribute(
          'aria-label',
          'Drawing area. Arrow keys move the cross; Enter adds a point of the chosen class.',
        );
      } else {
        heat.removeAttribute('tabindex');
        heat.setAttribute(
          'aria-label',
          'Output of the network over the plane, with the data points',
        );
      }
    }
    if (this.#started) this.#init();
    this.#redrawAll();
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

  #wireSetup(): void {
    const form = this.#q('[data-setup]');
    if (!form) return;
    this.#listen(form, 'input', (e) => {
      const t = e.target as HTMLInputElement;
      const field = t.dataset['field'];
      if (t.type === 'range' && field)
        this.#out(field, `${t.value}${field === 'batchSize' ? '' : ' %'}`);
    });
    this.#listen(form, 'change', (e) => {
      const t = e.target as HTMLInputElement | HTMLSelectElement;
      const field = t.dataset['field'];
      if (field === 'preset') {
        const p = findPreset(t.value);
        if (p) this.#apply(presetState(p), true, p.id);
        return;
      }
      if (t instanceof HTMLInputElement && t.dataset['feature']) {
        const chosen = featureIds.filter(
          (f) => this.#q<HTMLInputElement>(`[data-feature="${f}"]`)?.checked,
        );
        if (chosen.length === 0) {
          t.checked = true;
          this.#showNotices(['A network needs at least one input feature.']);
          return;
        }
        this.#apply({ features: chosen }, true);
        return;
      }
      if (t instanceof HTMLInputElement && t.dataset['drawClass'] !== undefined) {
        this.#drawClass = Number(t.value);
        return;
      }
      if (!field) return;
      const numeric = [
        'noise',
        'trainPercent',
        'batchSize',
        'learningRate',
        'regularizationRate',
        'dropout',
        'decay',
      ];
      const value: unknown = numeric.includes(field) ? Number(t.value) : t.value;
      const live = (LIVE_FIELDS as readonly string[]).includes(field);
      this.#apply({ [field]: value }, !live);
    });
    this.#listen(form, 'click', (e) => {
      const t = (e.target as HTMLElement).closest('button');
      if (!t) return;
      const hidden = [...this.#setup.hidden];
      if (t.hasAttribute('data-add-layer') && hidden.length < limits.hiddenLayers.max)
        hidden.push(4);
      else if (t.hasAttribute('data-remove-layer') && hidden.length > limits.hiddenLayers.min)
        hidden.pop();
      else if (t.dataset['layer'] !== undefined) {
        const l = Number(t.dataset['layer']);
        const d = Number(t.dataset['delta']);
        hidden[l] = Math.min(limits.neurons.max, Math.max(limits.neurons.min, hidden[l]! + d));
      } else if (t.hasAttribute('data-undo-point')) {
        return this.#apply({ points: this.#setup.points.slice(0, -1) }, true);
      } else if (t.hasAttribute('data-clear-points')) {
        return this.#apply({ points: [] }, true);
      } else return;
      this.#apply({ hidden }, true);
    });
    const newSeed = this.#q('[data-new-seed]');
    if (newSeed)
      this.#listen(newSeed, 'click', () => this.#apply({ seed: nextSeed(this.#setup.seed) }, true));
    const dismiss = this.#q('[data-dismiss-notices]');
    if (dismiss)
      this.#listen(dismiss, 'click', () => {
        this.#q('[data-notices]')!.hidden = true;
      });
    const resetBtn = this.#q('[data-diverged-reset]');
    if (resetBtn)
      this.#listen(resetBtn, 'click', () => {
        this.#restart();
        this.#q<HTMLButtonElement>('[data-nb-control="play"]')?.focus();
      });
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
    const s = this.#setup;
    const setValue = (field: string, v: string) => {
      const el = this.#q<HTMLInputElement | HTMLSelectElement>(`[data-field="${field}"]`);
      if (el && el.value !== v) el.value = v;
    };
    setValue('dataset', s.dataset);
    setValue('noise', String(s.noise));
    setValue('trainPercent', String(s.trainPercent));
    setValue('batchSize', String(s.batchSize));
    for (const f of ['activation', 'loss', 'optimizer', 'regularization'] as const)
      setValue(f, s[f]);
    for (const f of ['learningRate', 'regularizationRate', 'dropout', 'decay'] as const)
      setValue(f, String(s[f]));
    this.#out('noise', `${s.noise} %`);
    this.#out('trainPercent', `${s.trainPercent} %`);
    this.#out('batchSize', String(s.batchSize));
    this.#out('seed', String(s.seed));
    for (const f of featureIds) {
      const box = this.#q<HTMLInputElement>(`[data-feature="${f}"]`);
      if (box) {
        box.checked = s.features.includes(f);
        box.disabled = datasets[s.dataset].oneD && !['x1', 'x1sq', 'sinx1'].includes(f);
      }
    }
    const ce = this.#q<HTMLOptionElement>('[data-field="loss"] option[value="cross-entropy"]');
    if (ce) ce.disabled = datasets[s.dataset].task === 'regression';
    this.#out('layers', `${s.hidden.length} hidden layer${s.hidden.length === 1 ? '' : 's'}`);
    const add = this.#q<HTMLButtonElement>('[data-add-layer]');
    const remove = this.#q<HTMLButtonElement>('[data-remove-layer]');
    if (add) add.disabled = s.hidden.length >= limits.hiddenLayers.max;
    if (remove) remove.disabled = s.hidden.length <= limits.hiddenLayers.min;
    const list = this.#q('[data-layers]');
    if (list) {
      const focused = (document.activeElement as HTMLElement | null)?.dataset ?? {};
      list.replaceChildren(
        ...s.hidden.map((n, l) => {
          const li = document.createElement('li');
          const text = document.createElement('span');
          text.textContent = `Layer ${l + 1}: ${n} neuron${n === 1 ? '' : 's'}`;
          const button = (delta: number, label: string, disabled: boolean) => {
            const b = document.createElement('button');
            b.type = 'button';
            b.className = 'nb-button pg-small';
            b.dataset['layer'] = String(l);
            b.dataset['delta'] = String(delta);
            b.textContent = delta > 0 ? '+' : '−';
            b.setAttribute('aria-label', `${label} in layer ${l + 1}`);
            b.disabled = disabled;
            return b;
          };
          li.append(
            text,
            button(-1, 'Fewer neurons', n <= limits.neurons.min),
            button(1, 'More neurons', n >= limits.neurons.max),
          );
          return li;
        }),
      );
      // Keep keyboard focus on the same −/+ button after the list is rebuilt.
      if (focused['layer'] !== undefined) {
        const again = list.querySelector<HTMLButtonElement>(
          `[data-layer="${focused['layer']}"][data-delta="${focused['delta']}"]`,
        );
        (again && !again.disabled
          ? again
          : this.#q<HTMLButtonElement>('[data-add-layer]')
        )?.focus();
      }
    }
  }

  #out(name: string, text: string): void {
    const el = this.#q(`[data-out="${name}"]`);
    if (el && el.textContent !== text) el.textContent = text;
  }

  #writeUrl(): void {
    const params = new URLSearchParams(location.search);
    for (const k of [...urlKeys, 'preset']) params.delete(k);
    for (const [k, v] of stateToParams(this.#setup)) params.set(k, v);
    const url = `${location.pathname}?${params.toString()}${location.hash}`;
    history.replaceState(history.state, '', url);
  }

  #showNotices(notices: readonly string[]): void {
    const box = this.#q('[data-notices]');
    const list = this.#q('[data-notice-list]');
    if (!box || !list) return;
    list.replaceChildren(
      ...notices.map((n) => {
        const li = document.createElement('li');
        li.textContent = n;
        return li;
      }),
    );
    box.hidden = false;
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

  /** Links in the lesson like "?preset=overfit#playground" load a setup without a page load. */
  #wirePresetLinks(): void {
    this.#listen(document, 'click', (e) => {
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (!(a instanceof HTMLAnchorElement) || e.defaultPrevented) return;
      const url = new URL(a.href, location.href);
      if (url.pathname !== location.pathname || !hasSetup(url.searchParams)) return;
      e.preventDefault();
      const read = readSetup(url.searchParams);
      this.#apply(read.state, true, read.preset ?? '');
      if (read.notices.length) this.#showNotices(read.notices);
      this.scrollIntoView({ block: 'start' });
      this.#q<HTMLButtonElement>('[data-nb-control="play"]')?.focus({ preventScroll: true });
    });
  }

  // ---- drawing points by hand -------------------------------------------------------------------

  #wireDrawing(): void {
    const overlay = this.#q<HTMLCanvasElement>('[data-points]');
    const heat = this.#q<HTMLCanvasElement>('[data-heatmap]');
    if (!overlay || !heat) return;
    const add = (x: number, y: number) => {
      if (this.#setup.dataset !== 'drawn') return;
      if (this.#setup.points.length >= limits.drawnPoints.max) {
        this.#showNotices([`At most ${limits.drawnPoints.max} points can be drawn.`]);
        return;
      }
      const round = (v: number) => Math.round(Math.max(-1, Math.min(1, v)) * 100) / 100;
      const p: LabelledPoint = { x: round(x), y: round(y), label: this.#drawClass };
      this.#apply({ points: [...this.#setup.points, p] }, true);
    };
    this.#listen(overlay, 'click', (e) => {
      const r = overlay.getBoundingClientRect();
      add(((e.clientX - r.left) / r.width) * 2 - 1, 1 - ((e.clientY - r.top) / r.height) * 2);
    });
    this.#listen(heat, 'focus', () => {
      if (this.#setup.dataset !== 'drawn') return;
      this.#cursorShown = true;
      this.#drawPoints();
    });
    this.#listen(heat, 'blur', () => {
      this.#cursorShown = false;
      this.#drawPoints();
    });
    this.#listen(heat, 'keydown', (e) => {
      if (this.#setup.dataset !== 'drawn' || !this.#cursorShown) return;
      const step = e.shiftKey ? 0.2 : 0.05;
      const c = this.#cursor;
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
        this.#drawPoints();
      } else if (e.key === 'Enter' || e.key === ' ') add(c.x, c.y);
      else return;
      e.preventDefault();
    });
  }

  // ---- views ------------------------------------------------------------------------------------

  #inspect(node: NodeBox | undefined, link: LinkLine | undefined): void {
    if (!link) this.#inspected = node;
    const el = this.#q('[data-inspect]');
    if (!el) return;
    const net = this.#net();
    if (link)
      el.textContent = `Weight from ${link.from.label} to ${link.to.label}: ${formatNumber(link.weight)}.`;
    else if (node && net && this.#layout)
      el.textContent = `${node.label}. ${describeIncoming(net, this.#layout, node)}`;
    else if (node) el.textContent = `${node.label}. Its weights appear when the network is ready.`;
  }

  /** The network of the latest snapshot (undefined before the first one). */
  #net(): DenseNet | undefined {
    const snap = this.#snap;
    if (!snap) return undefined;
    const spec = netSpec(this.#setup);
    if (snap.weights.length !== spec.sizes.length - 1) return undefined;
    return { ...spec, weights: snap.weights, biases: snap.biases };
  }

  #requestDraw(): void {
    if (this.#raf) return;
    this.#raf = requestAnimationFrame(() => {
      this.#raf = 0;
      this.#draw();
    });
  }

  #redrawAll(): void {
    this.#drawPoints();
    this.#lastCurves = 0;
    this.#lastNetwork = 0;
    this.#requestDraw();
  }

  #drawPoints(curve?: Float32Array): void {
    const overlay = this.#q<HTMLCanvasElement>('[data-points]');
    if (!overlay || !this.#data) return;
    const info = this.#data.info;
    drawPoints(
      overlay,
      {
        train: this.#data.train,
        test: this.#data.test,
        task: info.task,
        oneD: info.oneD,
        curve,
        cursor: this.#cursorShown ? this.#cursor : undefined,
      },
      this.#colours(),
    );
  }

  /** The theme's colours, read once per theme (reading them forces a style recalculation). */
  #colours(): Palette {
    this.#palette ??= readPalette(this);
    return this.#palette;
  }

  #draw(): void {
    const started = performance.now();
    const palette = this.#colours();
    const net = this.#net();
    const snap = this.#snap;
    const info = datasets[this.#setup.dataset];
    if (net && snap && this.#grid && this.#layout) {
      const units = this.#grid.evaluate(net);
      this.drawStats.gridMs = performance.now() - started;
      const maps = new Map<string, Float32Array>();
      this.#setup.features.forEach((f, i) => maps.set(`f-${f}`, this.#grid!.featureMaps[i]!));
      units
        .slice(0, -1)
        .forEach((layer, l) => layer.forEach((u, j) => maps.set(`n-${l + 1}-${j}`, u)));
      const outputs = units[units.length - 1]!;
      const heat = this.#q<HTMLCanvasElement>('[data-heatmap]');
      if (heat) drawHeatmap(heat, outputs, info.task, palette, this.#image);
      const now = performance.now();
      // The diagram (hundreds of links, up to 55 maps) redraws at 10 Hz while training; the
      // output heatmap and the readouts at every frame.
      if (now - this.#lastNetwork > 100 || !this.#playing) {
        this.#lastNetwork = now;
        this.#network?.update(networkLinks(this.#layout, net), maps, palette, this.#image);
        // Keep the focused neuron's weights current; the text is a live region, so while
        // training it is rewritten at most every 2 s.
        if (this.#inspected && (!this.#playing || now - this.#lastInspect > 2000)) {
          this.#lastInspect = now;
          this.#inspect(this.#inspected, undefined);
        }
      }
      if (info.oneD) this.#drawPoints(outputs[0]!.subarray(0, GRID_SIZE));
      const last = this.#history[this.#history.length - 1];
      this.#out('step', snap.step.toLocaleString('en'));
      this.#out('epoch', snap.epoch.toLocaleString('en'));
      this.#out('trainLoss', last ? formatNumber(last.train) : '–');
      this.#out('testLoss', last ? formatNumber(last.test) : '–');
      this.#out('lrNow', formatNumber(snap.learningRate));
      this.#out('rate', Math.round(snap.examplesPerSecond).toLocaleString('en'));
      if (now - this.#lastCurves > 150 || !this.#playing) {
        this.#lastCurves = now;
        const svg = this.#q<SVGSVGElement>('[data-curves]');
        if (svg) drawLossCurves(svg, this.#history);
      }
      this.#live?.update(
        describeRun(this.#setup, { ...snap, history: this.#history, trainSize: snap.trainSize }),
      );
      if (!this.#playing) this.#renderTable();
      this.framesDrawn++;
      this.drawStats.drawMs = performance.now() - started;
    } else {
      this.#live?.update(
        describeRun(this.#setup, {
          step: 0,
          epoch: 0,
          history: [],
          diverged: null,
          trainSize: this.#data?.train.length ?? 0,
        }),
      );
    }
  }

  #renderTable(): void {
    const details = this.#q<HTMLDetailsElement>('.nb-data');
    const table = this.#q<HTMLTableElement>('[data-nb-table]');
    if (!table || !details?.open) return;
    renderTable(
      table,
      ['Step', 'Epoch', 'Training loss', 'Test loss'],
      this.#history.map((p) => [
        String(p.step),
        String(p.epoch),
        formatNumber(p.train),
        formatNumber(p.test),
      ]),
    );
  }
}

if (!customElements.get('nb-playground')) customElements.define('nb-playground', PlaygroundElement);
