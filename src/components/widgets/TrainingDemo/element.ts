// <nb-training-demo>: wiring only. Props and URL → settings; controls → trainer messages; trainer
// progress/snapshots → store → view.ts. The trainer (and tfjs, in its worker) loads when the widget
// scrolls into view or a control is pressed; one cleanup list runs on disconnect.
import { bindControls, type BoundControls } from '../shared/controls.ts';
import { onVisible } from '../shared/on-visible.ts';
import { renderProgress } from '../shared/progress.ts';
import { createStore } from '../shared/store.ts';
import { createLiveSummary, renderTable, type LiveSummary } from '../shared/text-alt.ts';
import { createSeriesBuffer, type Series } from '../../../lib/viz/curves.ts';
import { curvesSummary, curvesTable } from '../../../lib/viz/summary.ts';
import { formatNumber } from '../../../lib/viz/scales.ts';
import type { Grid } from '../../../lib/viz/grid.ts';
import type { Trainer } from '../../../lib/ml/client.ts';
import type { BackendName } from '../../../lib/ml/backend-order.ts';
import type { FromTrainer, ProgressMessage } from '../../../lib/ml/protocol.ts';
import type { Point2 } from '../../../lib/ml/datasets.ts';
import { mlpData } from '../../../lib/ml/workloads/mlp.ts';
import { nextSeed } from '../../../lib/ml/rng.ts';
import { loadUrlState, saveUrlState } from '../../../lib/state/location.ts';
import { problemNotice } from '../../../lib/state/url-state.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import {
  BACKEND_CHOICES,
  backendLabel,
  boundarySummary,
  fromUrlValues,
  parseProps,
  toConfig,
  toUrlValues,
  urlSchema,
  type DemoSettings,
} from './model.ts';
import {
  classColours,
  drawLosses,
  drawPoints,
  paintCells,
  predictAt,
  snapshotGrid,
} from './view.ts';

type Status = 'idle' | 'loading' | 'ready' | 'playing' | 'diverged' | 'error';

interface DemoState {
  settings: DemoSettings;
  status: Status;
  speed: number;
  progress: ProgressMessage | null;
  notice: string;
}

const GRID = 30;
const SNAPSHOT_EVERY_MS = 250;
const HEAT_EVERY_MS = 300;
const CURVES_EVERY_MS = 200;

class TrainingDemo extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #trainer: Trainer | undefined;
  #loading: Promise<Trainer> | undefined;
  #store = createStore<DemoState>({
    settings: parseProps({}),
    status: 'idle',
    speed: 1,
    progress: null,
    notice: '',
  });
  #points: { train: Point2[]; test: Point2[] } = { train: [], test: [] };
  #grid: Grid = snapshotGrid(undefined);
  #train = createSeriesBuffer(400);
  #test = createSeriesBuffer(400);
  #snapInFlight = false;
  #lastSnap = -Infinity;
  #lastStep = -1;
  #frame = 0;

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
    const heat = $<SVGSVGElement>('svg[data-heatmap]');
    const curves = $<SVGSVGElement>('svg[data-curves]');
    const bar = $<HTMLElement>('[data-nb-controls]');
    const footer = $<HTMLElement>('[data-nb-progress-root]');
    const [heatLive, curveLive] = [...this.querySelectorAll<HTMLElement>('[data-nb-live]')];
    const [heatTable, curveTable] = [
      ...this.querySelectorAll<HTMLTableElement>('table[data-nb-table]'),
    ];
    if (!heat || !curves || !bar || !footer || !heatLive || !curveLive) return;
    const heatSummary = createLiveSummary(heatLive, 1000);
    const curveSummary = createLiveSummary(curveLive, 1500);
    this.#cleanup.push(
      () => heatSummary.dispose(),
      () => curveSummary.dispose(),
    );

    const controls = bindControls(bar, this, {
      onPlay: () => void this.#withTrainer((t) => t.play()),
      onPause: () => this.#trainer?.pause(),
      onStep: () => void this.#withTrainer((t) => t.step(this.#store.get().settings.stepSize)),
      onReset: () => this.#reset(),
      onSpeed: (m) => {
        this.#store.set({ speed: m });
        this.#trainer?.set('speed', this.#stepsPerSecond());
      },
    });
    this.#cleanup.push(() => controls.dispose());

    this.#on($('[data-new-seed]'), 'click', () => this.#newSeed());
    this.#on($('[data-diverged-reset]'), 'click', () => this.#reset());
    this.#on(this, 'keydown', (e) => {
      const k = e as KeyboardEvent;
      if (k.key.toLowerCase() !== 'n' || k.ctrlKey || k.metaKey || k.altKey || k.defaultPrevented)
        return;
      const t = k.target;
      if (t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && t.type !== 'range'))
        return;
      k.preventDefault();
      this.#newSeed();
    });
    const lr = $<HTMLSelectElement>('select[data-setting="lr"]');
    const dataset = $<HTMLSelectElement>('select[data-setting="dataset"]');
    const backend = $<HTMLSelectElement>('select[data-setting="backend"]');
    if (lr) {
      lr.value = String(settings.learningRate);
      if (lr.value !== String(settings.learningRate)) {
        lr.append(
          new Option(String(settings.learningRate), String(settings.learningRate), true, true),
        );
      }
      this.#on(lr, 'change', () => {
        const v = Number(lr.value);
        this.#updateSettings({ learningRate: v });
        this.#trainer?.set('learningRate', v);
      });
    }
    if (dataset) {
      dataset.value = settings.dataset;
      this.#on(dataset, 'change', () => {
        this.#updateSettings({ dataset: dataset.value as DemoSettings['dataset'] });
        this.#restart();
      });
    }
    if (backend) {
      this.#on(backend, 'change', () => {
        const b = BACKEND_CHOICES.find((x) => x === backend.value) ?? 'auto';
        this.#updateSettings({ backend: b });
        if (b !== 'auto') this.#trainer?.setBackend(b);
      });
    }

    this.#cleanup.push(
      this.#store.subscribe(
        (s, prev) => {
          this.#render(s, prev, {
            controls,
            heat,
            curves,
            footer,
            heatSummary,
            curveSummary,
            heatTable,
            curveTable,
          });
        },
        { immediate: true },
      ),
    );
    this.#newData();
    this.#drawBoundary(heat, heatSummary, heatTable);
    this.#cleanup.push(onVisible(this, () => void this.#ensureTrainer()));
    // Theme switches change the class colours the bitmap is painted with.
    const themeWatch = new MutationObserver(() => {
      this.#colours = undefined;
      this.#schedule('heat');
    });
    themeWatch.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
    this.#cleanup.push(() => themeWatch.disconnect());
    // Leaving the page (including into the back/forward cache) frees the model and the worker.
    const onHide = () => this.#disposeTrainer();
    window.addEventListener('pagehide', onHide);
    this.#cleanup.push(() => window.removeEventListener('pagehide', onHide));
    this.#cleanup.push(() => this.#disposeTrainer());
    this.#cleanup.push(() => cancelAnimationFrame(this.#frame));
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
  }

  /** Quiz contract: where training stands. */
  quizState(): WidgetState {
    const s = this.#store.get();
    const p = s.progress;
    return {
      status: s.status,
      step: p?.step ?? 0,
      trainLoss: p && Number.isFinite(p.trainLoss) ? p.trainLoss : null,
      testLoss: p?.testLoss ?? null,
      testAccuracy: p?.testAccuracy ?? null,
      learningRate: s.settings.learningRate,
      dataset: s.settings.dataset,
      seed: s.settings.seed,
      backend: p?.backend ?? null,
      mode: this.#trainer?.mode ?? null,
    };
  }

  /** For tests: makes the GPU backend lose its context (training should fall back and go on). */
  simulateContextLoss(): void {
    this.#trainer?.simulateContextLoss();
  }

  #on(el: EventTarget | null, type: string, fn: (e: Event) => void): void {
    if (!el) return;
    el.addEventListener(type, fn);
    this.#cleanup.push(() => el.removeEventListener(type, fn));
  }

  #stepsPerSecond(): number {
    const s = this.#store.get();
    return s.settings.baseSpeed * s.speed;
  }

  #updateSettings(patch: Partial<DemoSettings>): void {
    const settings = { ...this.#store.get().settings, ...patch };
    this.#store.set({ settings });
    if (settings.stateId)
      saveUrlState(
        settings.stateId,
        urlSchema,
        toUrlValues(settings),
        toUrlValues(parseProps(this.dataset)),
      );
    this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
  }

  #ensureTrainer(): Promise<Trainer> {
    if (this.#trainer) return Promise.resolve(this.#trainer);
    if (this.#loading) return this.#loading;
    this.#store.set({ status: 'loading' });
    const s = this.#store.get().settings;
    this.#loading = import('../../../lib/ml/client.ts').then(({ createTrainer }) => {
      const t = createTrainer(toConfig(s), s.seed, {
        backend: s.backend,
        speed: this.#stepsPerSecond(),
        worker: s.worker,
      });
      t.subscribe((m) => this.#onMessage(m));
      this.#trainer = t;
      this.#loading = undefined;
      return t;
    });
    return this.#loading;
  }

  async #withTrainer(fn: (t: Trainer) => void): Promise<void> {
    fn(await this.#ensureTrainer());
  }

  #disposeTrainer(): void {
    this.#trainer?.dispose();
    this.#trainer = undefined;
    this.#snapInFlight = false;
    if (this.#store.get().status !== 'idle') this.#store.set({ status: 'idle' });
  }

  #restart(): void {
    const had = this.#trainer !== undefined;
    this.#disposeTrainer();
    this.#clearRun();
    this.#newData();
    this.#store.set({ progress: null, status: 'idle' });
    if (had) void this.#ensureTrainer();
  }

  #reset(): void {
    this.#clearRun();
    this.#store.set({ status: this.#trainer ? 'ready' : this.#store.get().status });
    void this.#withTrainer((t) => t.reset());
  }

  #newSeed(): void {
    const seed = nextSeed(this.#store.get().settings.seed);
    this.#updateSettings({ seed });
    this.#clearRun();
    this.#newData();
    void this.#withTrainer((t) => t.reset(seed));
  }

  #clearRun(): void {
    this.#train.clear();
    this.#test.clear();
    this.#lastStep = -1;
    this.#grid = snapshotGrid(undefined);
  }

  #newData(): void {
    const s = this.#store.get().settings;
    this.#points = mlpData(toConfig(s), s.seed);
  }

  #onMessage(msg: FromTrainer): void {
    switch (msg.type) {
      case 'progress': {
        if (msg.step < this.#lastStep) this.#clearRun();
        if (msg.step !== this.#lastStep) {
          this.#lastStep = msg.step;
          if (Number.isFinite(msg.trainLoss)) this.#train.push(msg.step, msg.trainLoss);
          if (msg.testLoss !== null && Number.isFinite(msg.testLoss))
            this.#test.push(msg.step, msg.testLoss);
        }
        const st = this.#store.get().status;
        const status: Status =
          st === 'diverged' && msg.step > 0 ? 'diverged' : msg.playing ? 'playing' : 'ready';
        this.#store.set({ progress: msg, status, ...(msg.notice ? { notice: msg.notice } : {}) });
        if (!msg.playing)
          this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
        this.#maybeSnapshot(!msg.playing);
        return;
      }
      case 'diverged':
        this.#store.set({ status: 'diverged' });
        this.#maybeSnapshot(true);
        this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
        return;
      case 'error':
        this.#store.set({ notice: `Training stopped: ${msg.message}` });
        return;
      case 'snapshot':
        return; // answered through the promise in #maybeSnapshot
    }
  }

  #maybeSnapshot(force: boolean): void {
    const t = this.#trainer;
    const now = performance.now();
    if (!t || this.#snapInFlight || (!force && now - this.#lastSnap < SNAPSHOT_EVERY_MS)) return;
    this.#snapInFlight = true;
    this.#lastSnap = now;
    t.snapshot({ grid: GRID })
      .then((snap) => {
        this.#snapInFlight = false;
        this.#grid = snapshotGrid(snap.grid);
        this.#schedule();
      })
      .catch(() => {
        this.#snapInFlight = false;
      });
  }

  // Drawing is split and rate-limited: the heatmap redraws when a new grid arrives (at most ~4×/s)
  // and the curves at most ~5×/s, so the page never spends long on one frame while training.
  #drawHeat: (() => void) | undefined;
  #drawCurves: (() => void) | undefined;
  #heatDirty = false;
  #curvesDirty = false;
  #lastHeat = -Infinity;
  #lastCurves = -Infinity;
  #schedule(what: 'heat' | 'curves' = 'heat'): void {
    if (what === 'heat') this.#heatDirty = true;
    else this.#curvesDirty = true;
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      const now = performance.now();
      const playing = this.#store.get().status === 'playing';
      if (this.#heatDirty && (!playing || now - this.#lastHeat >= HEAT_EVERY_MS)) {
        this.#heatDirty = false;
        this.#lastHeat = now;
        this.#drawHeat?.();
      } else if (this.#curvesDirty && (!playing || now - this.#lastCurves >= CURVES_EVERY_MS)) {
        this.#curvesDirty = false;
        this.#lastCurves = now;
        this.#drawCurves?.();
      }
      if (this.#heatDirty || this.#curvesDirty) {
        const t = setTimeout(() => this.#schedule(this.#heatDirty ? 'heat' : 'curves'), 50);
        this.#cleanup.push(() => clearTimeout(t));
      }
    });
  }

  #colours: ReturnType<typeof classColours> | undefined;
  #pointsDrawn: unknown;

  #drawBoundary(heat: SVGSVGElement, live: LiveSummary, table: HTMLTableElement | undefined): void {
    if (this.#pointsDrawn !== this.#points) {
      drawPoints(heat, this.#grid, [...this.#points.train, ...this.#points.test].map(asLabelled));
      this.#pointsDrawn = this.#points;
    }
    const canvas = this.querySelector<HTMLCanvasElement>('canvas[data-heat-canvas]');
    this.#colours ??= classColours(heat);
    const share = canvas ? paintCells(canvas, this.#grid, this.#colours) : 0.5;
    const p = this.#store.get().progress;
    if (p) live.update(boundarySummary(share, p.testAccuracy));
    if (table && this.#store.get().status !== 'playing') {
      renderTable(
        table,
        ['Test point', 'x', 'y', 'Class', 'Predicted'],
        this.#points.test.map((pt, i) => [
          String(i + 1),
          formatNumber(pt.x),
          formatNumber(pt.y),
          pt.label === 1 ? 'B' : 'A',
          p ? (predictAt(this.#grid, pt.x, pt.y) === 1 ? 'B' : 'A') : '—',
        ]),
      );
    }
  }

  #render(
    s: DemoState,
    prev: DemoState,
    v: {
      controls: BoundControls;
      heat: SVGSVGElement;
      curves: SVGSVGElement;
      footer: HTMLElement;
      heatSummary: LiveSummary;
      curveSummary: LiveSummary;
      heatTable: HTMLTableElement | undefined;
      curveTable: HTMLTableElement | undefined;
    },
  ): void {
    const p = s.progress;
    this.dataset['status'] = s.status;
    v.controls.setPlaying(s.status === 'playing');
    v.controls.setEnabled('play', s.status !== 'diverged');
    v.controls.setEnabled('step', s.status !== 'diverged');
    const alert = this.querySelector<HTMLElement>('[data-diverged]');
    if (alert) alert.hidden = s.status !== 'diverged';
    const notice = this.querySelector<HTMLElement>('[data-notice]');
    if (notice && notice.textContent !== s.notice) notice.textContent = s.notice;
    const seedOut = this.querySelector('[data-seed-out]');
    if (seedOut) seedOut.textContent = String(s.settings.seed);
    renderProgress(v.footer, {
      step: p?.step ?? 0,
      epoch: p?.epoch ?? 0,
      ...(p?.testLoss != null ? { loss: p.testLoss } : {}),
      ...(p ? { rate: Math.round(p.examplesPerSec) } : {}),
      backend: p
        ? `${backendLabel(p.backend)}${this.#trainer?.mode === 'main' ? ' (main thread)' : ''}`
        : s.status === 'loading'
          ? 'loading…'
          : '—',
    });
    if (s.settings.seed !== prev.settings.seed || s.settings.dataset !== prev.settings.dataset)
      this.#newData();
    this.#drawCurves = () => {
      const series = this.#series();
      drawLosses(v.curves, series, Math.max(this.#lastStep, 0));
      if (series[0]!.points.length) v.curveSummary.update(curvesSummary(series));
      if (v.curveTable && this.#store.get().status !== 'playing') {
        const t = curvesTable(series, 40);
        renderTable(v.curveTable, ['Step', ...t.columns.slice(1)], t.rows);
      }
    };
    this.#drawHeat = () => this.#drawBoundary(v.heat, v.heatSummary, v.heatTable);
    this.#schedule('curves');
    if (s.settings.seed !== prev.settings.seed || s.settings.dataset !== prev.settings.dataset) {
      this.#schedule('heat');
    }
  }

  #series(): Series[] {
    const d = this.dataset;
    return [
      {
        id: 'train',
        label: d['labelTrain'] ?? 'train loss',
        kind: 'train',
        points: this.#train.points(),
      },
      {
        id: 'test',
        label: d['labelTest'] ?? 'test loss',
        kind: 'test',
        points: this.#test.points(),
      },
    ];
  }
}

function asLabelled(p: Point2): { x: number; y: number; label: 0 | 1 } {
  return { x: p.x, y: p.y, label: p.label === 1 ? 1 : 0 };
}

export type { BackendName };

if (!customElements.get('nb-training-demo'))
  customElements.define('nb-training-demo', TrainingDemo);
