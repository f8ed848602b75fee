// <nb-training-demo>: wiring only. Props and URL → settings; controls → trainer messages; trainer
// progress/snapshots → store → view.ts. The trainer (and tfjs, in its worker) loads when the widget
// scrolls into view or a control is pressed; one cleanup list runs on disconnect. The menus are
// wired in settings-controls.ts, the rate-limited drawing in draw-scheduler.ts, status and text
// alternatives in status-view.ts, pictures in view.ts.
import { bindControls, type BoundControls } from '../shared/controls.ts';
import { onVisible } from '../shared/on-visible.ts';
import { createStore } from '../shared/store.ts';
import { createLiveSummary, renderTable, type LiveSummary } from '../shared/text-alt.ts';
import { createSeriesBuffer, type Series } from '../../../lib/viz/curves.ts';
import { curvesSummary, curvesTable } from '../../../lib/viz/summary.ts';
import type { Grid } from '../../../lib/viz/grid.ts';
import type { Trainer } from '../../../lib/ml/client.ts';
import type { BackendName } from '../../../lib/ml/backend-order.ts';
import type { FromTrainer, ProgressMessage } from '../../../lib/ml/protocol.ts';
import type { Point2 } from '../../../lib/ml/datasets.ts';
import { wireCaptions } from './captions.ts';
import { mlpData } from '../../../lib/ml/workloads/mlp.ts';
import { nextSeed } from '../../../lib/ml/rng.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { createDrawScheduler } from './draw-scheduler.ts';
import { readSettings, saveSettings, wireSettings } from './settings-controls.ts';
import { lossSeries, renderStatus, renderTestTable } from './status-view.ts';
import { boundarySummary, parseProps, toConfig, type DemoSettings } from './model.ts';
import { classColours, drawLosses, drawPoints, paintCells, snapshotGrid } from './view.ts';

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
  #lastLosses: [number | null, number | null] = [null, null]; // train, test of the last point
  #captions: ReturnType<typeof wireCaptions> | undefined;
  #draws = createDrawScheduler(() => this.#store.get().status === 'playing');

  connectedCallback(): void {
    const startDataset = this.dataset['dataset'] ?? '';
    const { settings, notice } = readSettings(this.dataset);
    this.#store.set({ settings, notice });
    const captions = wireCaptions(this, startDataset);
    captions.datasetChanged(settings.dataset);
    this.#captions = captions;
    this.#cleanup.push(() => captions.dispose());
    const $ = <E extends Element>(sel: string) => this.querySelector<E>(sel);
    const heat = $<SVGSVGElement>('svg[data-heatmap]');
    const curves = $<SVGSVGElement>('svg[data-curves]');
    const bar = $<HTMLElement>('[data-nb-controls]');
    const footer = $<HTMLElement>('.nb-td-footer') ?? $<HTMLElement>('[data-nb-progress-root]'); // both lists
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
    wireSettings(this, settings, (el, type, fn) => this.#on(el, type, fn), {
      learningRate: (v) => {
        this.#updateSettings({ learningRate: v });
        this.#trainer?.set('learningRate', v);
      },
      dataset: (v) => {
        this.#updateSettings({ dataset: v });
        this.#restart();
      },
      backend: (b) => {
        this.#updateSettings({ backend: b });
        if (b !== 'auto') this.#trainer?.setBackend(b);
      },
      newSeed: () => this.#newSeed(),
    });

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
      this.#draws.schedule('heat');
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
    this.#cleanup.push(() => this.#draws.dispose());
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
    saveSettings(settings, this.dataset);
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
    this.#lastLosses = [null, null];
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
        // Reports between two evaluations repeat the last losses at later steps (flat stairs
        // after Step presses, issue 16): plot only new evaluations, at the step they were made.
        const fresh = msg.trainLoss !== this.#lastLosses[0] || msg.testLoss !== this.#lastLosses[1];
        if (msg.step !== this.#lastStep && (fresh || this.#lastStep < 0)) {
          this.#lastStep = msg.step;
          this.#lastLosses = [msg.trainLoss, msg.testLoss];
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
        this.#draws.schedule();
      })
      .catch(() => {
        this.#snapInFlight = false;
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
    if (table && this.#store.get().status !== 'playing')
      renderTestTable(table, this.#points.test, this.#grid, p !== null);
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
    renderStatus(
      this,
      {
        status: s.status,
        notice: s.notice,
        seed: s.settings.seed,
        progress: s.progress,
        mainThread: this.#trainer?.mode === 'main',
      },
      v.controls,
      v.footer,
    );
    if (s.settings.dataset !== prev.settings.dataset)
      this.#captions?.datasetChanged(s.settings.dataset);
    if (s.settings.seed !== prev.settings.seed || s.settings.dataset !== prev.settings.dataset)
      this.#newData();
    const drawCurves = () => {
      const series = this.#series();
      drawLosses(v.curves, series, Math.max(this.#lastStep, 0));
      if (series[0]!.points.length) v.curveSummary.update(curvesSummary(series));
      if (v.curveTable && this.#store.get().status !== 'playing') {
        const t = curvesTable(series, 40);
        renderTable(v.curveTable, ['Step', ...t.columns.slice(1)], t.rows);
      }
    };
    this.#draws.setDrawers(
      () => this.#drawBoundary(v.heat, v.heatSummary, v.heatTable),
      drawCurves,
    );
    this.#draws.schedule('curves');
    if (s.settings.seed !== prev.settings.seed || s.settings.dataset !== prev.settings.dataset) {
      this.#draws.schedule('heat');
    }
  }

  #series(): Series[] {
    return lossSeries(this, this.#train.points(), this.#test.points());
  }
}

function asLabelled(p: Point2): { x: number; y: number; label: 0 | 1 } {
  return { x: p.x, y: p.y, label: p.label === 1 ? 1 : 0 };
}

export type { BackendName };

if (!customElements.get('nb-training-demo'))
  customElements.define('nb-training-demo', TrainingDemo);
