// <nb-cnn-trainer>: wiring only. Props and URL → settings; controls → worker messages; progress,
// evaluations and kernels → store → view.ts. The worker (data, model) starts when the widget nears
// the viewport or a control is used; one cleanup list runs on disconnect.
import { bindControls } from '../shared/controls.ts';
import { onVisible } from '../shared/on-visible.ts';
import { createStore } from '../shared/store.ts';
import { confusionMatrix, type Confusion } from '../../../lib/cnn-trainer/confusion.ts';
import type { ModelKind } from '../../../lib/cnn-trainer/model.ts';
import type { FromRunner, Progress } from '../../../lib/cnn-trainer/protocol.ts';
import { recordScratch, type ScratchRecord } from '../../../lib/cnn-trainer/quiz-state.ts';
import {
  fromUrlValues,
  modelLabels,
  parseProps,
  toUrlValues,
  urlSchema,
  type TrainerSettings,
} from '../../../lib/cnn-trainer/settings.ts';
import { loadUrlState, saveUrlState } from '../../../lib/state/location.ts';
import { problemNotice } from '../../../lib/state/url-state.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import type { CnnClient } from './client.ts';
import { ConfusionPanel } from './confusion-panel.ts';
import { AccuracyChart } from './accuracy-chart.ts';
import { readouts } from './readouts.ts';
import { drawLayers, showKernels } from './view.ts';

type Status = 'idle' | 'loading' | 'ready' | 'playing' | 'diverged' | 'error';

interface State {
  settings: TrainerSettings;
  status: Status;
  progress: Progress | null;
  notice: string;
  error: string;
  digit: number;
  scratch: Record<ModelKind, ScratchRecord | null>;
}

const MAPS_PLAYING_MS = 2000;

class CnnTrainer extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #client: CnnClient | undefined;
  #loading: Promise<CnnClient> | undefined;
  #run = 0;
  #store = createStore<State>({
    settings: parseProps({}),
    status: 'idle',
    progress: null,
    notice: '',
    error: '',
    digit: 0,
    scratch: { cnn: null, dense: null },
  });
  #chart: AccuracyChart | undefined;
  #trainedCurve = false;
  #testImages: Uint8Array | undefined;
  #testLabels: Uint8Array | undefined;
  #confusion: Confusion | undefined;
  #panel: ConfusionPanel | undefined;
  #lastMaps = -Infinity;
  #ready: Promise<void> | undefined;
  #markReady: (() => void) | undefined;

  connectedCallback(): void {
    let settings = parseProps(this.dataset);
    let notice = '';
    if (settings.stateId) {
      const read = loadUrlState(settings.stateId, urlSchema, toUrlValues(settings));
      settings = fromUrlValues(settings, read.values);
      notice = problemNotice(read.problems);
    }
    this.#store.set({ settings, notice });
    const $ = <E extends Element>(sel: string) => this.querySelector<E>(sel);
    const bar = $<HTMLElement>('[data-nb-controls]');
    const chart = $<SVGSVGElement>('svg[data-chart]');
    const table = $<HTMLTableElement>('table[data-confusion]');
    const live = $<HTMLElement>('[data-nb-live]');
    if (!bar || !chart || !table || !live) return;
    const chartView = new AccuracyChart(chart, live, this.querySelector('table[data-nb-table]'));
    this.#chart = chartView;
    this.#cleanup.push(() => chartView.dispose());

    const controls = bindControls(bar, this, {
      onPlay: () => void this.#with((c) => c.send({ type: 'play' })),
      onPause: () => this.#client?.send({ type: 'pause' }),
      onStep: () => void this.#with((c) => c.send({ type: 'step', batches: 10 })),
      onReset: () => this.#restart(),
    });
    this.#cleanup.push(() => controls.dispose());

    const lr = $<HTMLSelectElement>('select[data-lr]');
    if (lr) {
      const v = String(settings.learningRate);
      lr.value = v;
      if (lr.value !== v) lr.append(new Option(v, v, true, true));
      this.#on(lr, 'change', () => {
        const learningRate = Number(lr.value);
        this.#update({ learningRate });
        this.#client?.send({ type: 'set-lr', learningRate });
      });
    }
    for (const radio of this.querySelectorAll<HTMLInputElement>('input[data-model-choice]')) {
      radio.checked = radio.value === settings.kind;
      this.#on(radio, 'change', () => {
        if (!radio.checked) return;
        this.#update({ kind: radio.value === 'dense' ? 'dense' : 'cnn' });
        this.#restart();
      });
    }
    this.#on($('[data-load-trained]'), 'click', () => void this.#loadTrained());
    this.#on($('[data-scratch]'), 'click', () => {
      this.#setKind('cnn');
      this.#restart();
    });
    this.#on($('[data-alert-reset]'), 'click', () => this.#restart());

    this.#panel = new ConfusionPanel(this, table, (i) => this.#showDigit(i));
    this.#cleanup.push(() => this.#panel?.dispose());
    const digit = $<HTMLInputElement>('input[data-digit]');
    if (digit) {
      this.#on(digit, 'change', () => {
        const n = Math.round(Number(digit.value));
        if (Number.isFinite(n) && n >= 1 && n <= 2000) this.#showDigit(n - 1);
      });
    }
    this.#on($('[data-digit-prev]'), 'click', () => this.#showDigit(this.#store.get().digit - 1));
    this.#on($('[data-digit-next]'), 'click', () => this.#showDigit(this.#store.get().digit + 1));

    this.#cleanup.push(
      this.#store.subscribe(
        (s, prev) => {
          if (s.status !== prev.status || s === prev) {
            this.dataset['status'] = s.status;
            controls.setPlaying(s.status === 'playing');
            controls.setEnabled('play', s.status !== 'diverged' && s.status !== 'error');
            controls.setEnabled('step', s.status !== 'diverged' && s.status !== 'error');
          }
          readouts(this, s.progress, s.status, this.#client?.mode);
          const alert = $<HTMLElement>('[data-alert]');
          const alertText = $<HTMLElement>('[data-alert-text]');
          const msg =
            s.error ||
            (s.status === 'diverged'
              ? 'Training diverged (the loss exploded) — try a smaller learning rate, then Reset.'
              : '');
          if (alert) alert.hidden = msg === '';
          if (alertText && alertText.textContent !== msg) alertText.textContent = msg;
          const n = $<HTMLElement>('[data-notice]');
          if (n && n.textContent !== s.notice) n.textContent = s.notice;
          chartView.schedule(s.settings.kind, s.progress, s.status === 'playing');
        },
        { immediate: true },
      ),
    );
    this.#cleanup.push(onVisible(this, () => void this.#ensure()));
    const onHide = () => this.#dispose();
    window.addEventListener('pagehide', onHide);
    this.#cleanup.push(() => window.removeEventListener('pagehide', onHide));
    this.#cleanup.push(() => this.#dispose());
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
  }

  /** Quiz contract: the run, its accuracy, and the confusion-matrix selection. */
  quizState(): WidgetState {
    const s = this.#store.get();
    const p = s.progress;
    const top = this.#confusion ? this.#panel?.topMistake(this.#confusion) : undefined;
    const rec = (r: ScratchRecord | null) =>
      r ? { epoch: r.epoch, accuracy: r.accuracy, seconds: r.seconds } : null;
    return {
      kind: s.settings.kind,
      status: s.status,
      batch: p?.batch ?? 0,
      epoch: p?.epoch ?? 0,
      seconds: p?.seconds ?? 0,
      testAccuracy: p?.testAccuracy ?? null,
      trained: p?.trained ?? false,
      learningRate: s.settings.learningRate,
      seed: s.settings.seed,
      diverged: s.status === 'diverged',
      scratch: { cnn: rec(s.scratch.cnn), dense: rec(s.scratch.dense) },
      selected: this.#panel?.selected ? [...this.#panel.selected] : null,
      topMistake: top ? [top.actual, top.predicted] : null,
      playing: p?.playing ?? false,
      mode: this.#client?.mode ?? null,
    };
  }

  /**
   * For the DrawPad and other figures: class probabilities for one 784-pixel image from the
   * network as it is now (starting the worker if needed).
   */
  async classifyDigit(image: Float32Array): Promise<Float32Array> {
    const c = await this.#ensure();
    await this.#ready;
    return c.classify(image.slice(), 1);
  }

  /** For the DrawPad: which network answers, and how good it is. */
  modelInfo(): {
    kind: ModelKind;
    label: string;
    trained: boolean;
    batch: number;
    accuracy: number | null;
  } {
    const s = this.#store.get();
    const p = s.progress;
    return {
      kind: s.settings.kind,
      label: modelLabels[s.settings.kind],
      trained: p?.trained ?? false,
      batch: p?.batch ?? 0,
      accuracy: p?.testAccuracy ?? null,
    };
  }

  #on(el: EventTarget | null, type: string, fn: (e: Event) => void): void {
    if (!el) return;
    el.addEventListener(type, fn);
    this.#cleanup.push(() => el.removeEventListener(type, fn));
  }

  #changed(): void {
    this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
  }

  #update(patch: Partial<TrainerSettings>): void {
    const settings = { ...this.#store.get().settings, ...patch };
    this.#store.set({ settings });
    if (settings.stateId)
      saveUrlState(
        settings.stateId,
        urlSchema,
        toUrlValues(settings),
        toUrlValues(parseProps(this.dataset)),
      );
    this.#changed();
  }

  #setKind(kind: ModelKind): void {
    for (const r of this.querySelectorAll<HTMLInputElement>('input[data-model-choice]'))
      r.checked = r.value === kind;
    if (this.#store.get().settings.kind !== kind) this.#update({ kind });
  }

  #ensure(): Promise<CnnClient> {
    if (this.#client) return Promise.resolve(this.#client);
    this.#loading ??= import('./client.ts').then(({ createCnnClient }) => {
      const c = createCnnClient({ worker: this.#store.get().settings.worker });
      c.subscribe((m) => this.#onMessage(m));
      this.#client = c;
      this.#loading = undefined;
      this.#start();
      return c;
    });
    return this.#loading;
  }

  async #with(fn: (c: CnnClient) => void): Promise<void> {
    fn(await this.#ensure());
  }

  /** Starts a new run of the chosen network from its seed. */
  #start(): void {
    const c = this.#client;
    if (!c) return;
    const s = this.#store.get().settings;
    this.#run++;
    this.#chart?.curves[s.kind].clear();
    this.#ready = new Promise((resolve) => (this.#markReady = resolve));
    this.#store.set({ status: 'loading', progress: null, error: '' });
    const abs = (u: string) => new URL(u, location.href).href;
    c.init(this.#run, {
      kind: s.kind,
      seed: s.seed,
      learningRate: s.learningRate,
      batchSize: s.batchSize,
      dataUrl: abs(this.dataset['dataUrl'] ?? '/data/digits.bin'),
      modelUrl: abs(this.dataset['modelUrl'] ?? '/models/digits-cnn/'),
    });
  }

  #restart(): void {
    if (this.#client) this.#start();
    else void this.#ensure();
    this.#changed();
  }

  async #loadTrained(): Promise<void> {
    this.#setKind('cnn');
    const c = await this.#ensure();
    if (this.#store.get().progress?.kind !== 'cnn' || this.#store.get().progress?.run !== this.#run)
      this.#start();
    c.send({ type: 'load-trained' });
  }

  #dispose(): void {
    this.#client?.dispose();
    this.#client = undefined;
    this.#loading = undefined;
    if (this.#store.get().status !== 'idle') this.#store.set({ status: 'idle' });
  }

  #onMessage(m: FromRunner): void {
    switch (m.type) {
      case 'ready':
        if (m.run !== this.#run) return;
        this.#testImages = m.testImages;
        this.#testLabels = m.testLabels;
        this.#markReady?.();
        return;
      case 'progress': {
        const p = m.progress;
        if (p.run !== this.#run) return;
        const status: Status = p.diverged ? 'diverged' : p.playing ? 'playing' : 'ready';
        const was = this.#store.get().status;
        this.#store.set({ progress: p, status });
        if (status !== was && status !== 'playing') this.#changed();
        return;
      }
      case 'evaluation': {
        const e = m.evaluation;
        if (e.run !== this.#run || !this.#testLabels) return;
        this.#confusion = confusionMatrix(this.#testLabels, e.predicted);
        this.#panel?.update(
          this.#confusion,
          this.#testLabels,
          e.predicted,
          this.#testImages,
          e.playing,
        );
        const s = this.#store.get();
        const curve = this.#chart?.curves[s.settings.kind];
        // Loading the trained weights replaces the run's random start: start its curve afresh.
        if (e.trained && !this.#trainedCurve) curve?.clear();
        this.#trainedCurve = e.trained;
        curve?.push(e.epoch, e.accuracy);
        this.#store.set({
          scratch: recordScratch(s.scratch, s.settings.kind, e.trained, {
            epoch: e.epoch,
            accuracy: e.accuracy,
            seconds: s.progress?.seconds ?? 0,
          }),
        });
        // While training, the maps and the matrix's cell list wait for the pause (main-thread
        // work stays small); the counts themselves update.
        if (!e.playing) this.#refreshMaps(true);
        this.#changed();
        return;
      }
      case 'kernels':
        if (m.run === this.#run) showKernels(this, m.kernels, this.#store.get().settings.kind);
        return;
      case 'error':
        if (m.run !== this.#run && m.run !== -1) return;
        this.#store.set({ status: 'error', error: m.message });
        this.#markReady?.();
        return;
      default:
        return;
    }
  }

  #showDigit(i: number): void {
    const digit = Math.max(0, Math.min(1999, Math.round(i)));
    this.#store.set({ digit });
    const input = this.querySelector<HTMLInputElement>('input[data-digit]');
    if (input && input.value !== String(digit + 1)) input.value = String(digit + 1);
    this.#refreshMaps(true);
  }

  #refreshMaps(force: boolean): void {
    const c = this.#client;
    const root = this.querySelector<HTMLElement>('[data-maps]');
    const now = performance.now();
    if (!c || !root || (!force && now - this.#lastMaps < MAPS_PLAYING_MS)) return;
    this.#lastMaps = now;
    const index = this.#store.get().digit;
    c.activations({ index })
      .then((layers) => {
        if (layers.length) drawLayers(root, layers);
        const label = this.#testLabels?.[index];
        root.dataset['digit'] = String(index);
        if (label !== undefined)
          root.setAttribute('aria-label', `Feature maps of test digit ${index + 1}, a ${label}`);
      })
      .catch(() => {});
  }
}

if (!customElements.get('nb-cnn-trainer')) customElements.define('nb-cnn-trainer', CnnTrainer);
