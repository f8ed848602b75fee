// <nb-transfer-lab>: wiring only. Run starts (or reuses) the worker (src/workers/transfer.worker.ts),
// which loads the 0–4 network and the digits and reports one point per N; the chart, legend,
// readout and table redraw on each. The computation lives in src/lib/practice/transfer.ts.
import {
  DEFAULT_SEED,
  MAX_N,
  splitSweep,
  sweepFor,
  type TransferPoint,
} from '../../../lib/practice/transfer.ts';
import {
  TABLE_COLUMNS,
  pct,
  summariseAt,
  summariseRun,
  tableRows,
  transferChart,
  type LinearChoice,
} from '../../../lib/practice/transfer-chart.ts';
import type {
  FromTransferWorker,
  ToTransferWorker,
} from '../../../lib/practice/transfer-protocol.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { loadUrlState, saveUrlState } from '../../../lib/state/location.ts';
import { problemNotice, type Schema, type Values } from '../../../lib/state/url-state.ts';
import { renderTable } from '../shared/text-alt.ts';
import { setText } from '../shared/set-text.ts';
import { drawLegend, drawTransferChart } from './view.ts';

/** The reader's settings, kept in the page URL (`?transfer-lab.n=20&transfer-lab.seed=3`). */
const urlSchema = {
  n: { kind: 'int', default: 5, min: 1, max: MAX_N },
  seed: { kind: 'int', default: DEFAULT_SEED, min: 1, max: 9999 },
  linear: { kind: 'enum', default: 'svm', options: ['svm', 'logreg'] },
} satisfies Schema;

const clampInt = (v: number, lo: number, hi: number, fallback: number): number =>
  Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : fallback;

export class TransferLabElement extends HTMLElement {
  #cleanup: Array<() => void> = [];
  /** One or two workers (two when the device has at least two cores), kept between runs. */
  #workers: Worker[] = [];
  #runId = 0;
  /** Workers still computing the current run. */
  #pending = 0;
  #seed = DEFAULT_SEED;
  #n = 5;
  #linear: LinearChoice = 'svm';
  /** Points computed for #pointsSeed, by N. */
  #points = new Map<number, TransferPoint>();
  #pointsSeed = DEFAULT_SEED;
  #running = false;
  /** True when the last run finished (not stopped). */
  #done = false;
  /** The classifier the legend was last drawn for (it changes only with the toggle). */
  #legendFor: LinearChoice | undefined;
  /** URL namespace (from the id) and the page's own settings (not written to the URL). */
  #ns = 'transfer-lab';
  #base: Values<typeof urlSchema> = { n: 5, seed: DEFAULT_SEED, linear: 'svm' };

  connectedCallback(): void {
    this.#ns = this.id.replace(/[^a-z0-9-]/g, '').slice(0, 32) || 'transfer-lab';
    this.#base = {
      n: clampInt(Number(this.dataset['n']), 1, MAX_N, 5),
      seed: clampInt(Number(this.dataset['seed']), 1, 9999, DEFAULT_SEED),
      linear: 'svm',
    };
    const fromUrl = loadUrlState(this.#ns, urlSchema, this.#base);
    this.#seed = fromUrl.values.seed;
    this.#pointsSeed = this.#seed;
    this.#n = fromUrl.values.n;
    this.#linear = fromUrl.values.linear === 'logreg' ? 'logreg' : 'svm';
    const onClick = (e: Event): void => {
      const t = e.target instanceof Element ? e.target : null;
      if (t?.closest('[data-nb-run]')) this.run();
      else if (t?.closest('[data-nb-stop]')) this.stop('Stopped. The points so far are kept.');
    };
    const onInput = (e: Event): void => {
      const t = e.target;
      if (!(t instanceof HTMLInputElement)) return;
      if (t.matches('[data-nb-n]')) {
        this.#n = clampInt(Number(t.value), 1, MAX_N, this.#n);
        this.#saveUrl();
        this.#draw();
        this.#changed();
      } else if (t.matches('[data-nb-linear]') && t.checked) {
        this.#linear = t.value === 'logreg' ? 'logreg' : 'svm';
        this.#saveUrl();
        this.#draw();
        this.#changed();
      } else if (t.matches('[data-nb-seed]')) {
        const seed = clampInt(Number(t.value), 1, 9999, this.#seed);
        if (t.value !== '' && seed !== this.#seed) {
          this.#seed = seed;
          this.#saveUrl();
          if (this.#points.size > 0)
            this.#status(`Seed ${seed}: press Run to train every method with it.`);
        }
      }
    };
    this.addEventListener('click', onClick);
    this.addEventListener('input', onInput);
    this.addEventListener('change', onInput);
    this.#cleanup.push(() => {
      this.removeEventListener('click', onClick);
      this.removeEventListener('input', onInput);
      this.removeEventListener('change', onInput);
    });
    this.#syncControls();
    this.#draw();
    if (fromUrl.problems.length) this.#status(problemNotice(fromUrl.problems));
    this.dataset['ready'] = 'true';
  }

  #saveUrl(): void {
    saveUrlState(
      this.#ns,
      urlSchema,
      { n: this.#n, seed: this.#seed, linear: this.#linear },
      this.#base,
    );
  }

  disconnectedCallback(): void {
    this.#terminate();
    for (const f of this.#cleanup.splice(0)) f();
  }

  /** Computes the sweep and the reader's N for the current seed (points already there are kept). */
  run(): void {
    if (this.#seed !== this.#pointsSeed) {
      this.#points.clear();
      this.#pointsSeed = this.#seed;
    }
    const ns = sweepFor(this.#n).filter((n) => !this.#points.has(n));
    this.#done = false;
    if (ns.length === 0) {
      this.#done = true;
      this.#status(`Every point for seed ${this.#seed} is computed. ${this.#bestAt()}`);
      this.#changed();
      return;
    }
    const started = this.#workers.length > 0;
    const workers = this.#ensureWorkers();
    const parts = splitSweep(ns, workers.length);
    this.#setRunning(true);
    this.#status(
      started
        ? `Training every method at N = ${ns.join(', ')}…`
        : 'Loading the network trained on 0–4 and the digits…',
    );
    this.#draw();
    const id = ++this.#runId;
    this.#pending = parts.length;
    parts.forEach((part, k) => {
      const msg: ToTransferWorker = { type: 'run', id, seed: this.#seed, ns: part };
      workers[k]!.postMessage(msg);
    });
  }

  /** Stops a run in progress (terminates the worker) and shows `message`. */
  stop(message: string): void {
    this.#terminate();
    this.#setRunning(false);
    this.#status(message);
  }

  #terminate(): void {
    for (const w of this.#workers.splice(0)) w.terminate();
    this.#pending = 0;
  }

  /** The workers, started on first use: two on devices with at least three cores (the points
   * are independent, so they share a sweep), else one. */
  #ensureWorkers(): Worker[] {
    if (this.#workers.length > 0) return this.#workers;
    // Two workers only where a core is left for the page: on a 2-core device two busy workers
    // starved the main thread into 52–61 ms tasks while it drew each point.
    const count = (navigator.hardwareConcurrency || 1) >= 3 ? 2 : 1;
    for (let k = 0; k < count; k++) {
      const worker = new Worker(new URL('../../../workers/transfer.worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.addEventListener('message', (e: MessageEvent<FromTransferWorker>) =>
        this.#onMessage(e.data),
      );
      worker.addEventListener('error', () =>
        this.stop('The comparison could not start in a background worker in this browser.'),
      );
      this.#workers.push(worker);
    }
    return this.#workers;
  }

  #onMessage(m: FromTransferWorker): void {
    if (m.type === 'ready') {
      if (this.#points.size === 0)
        this.#status(`Loaded (the network reads ${pct(m.sourceAccuracy)} of test digits 0–4).`);
    } else if (m.type === 'point') {
      if (m.id !== this.#runId || m.seed !== this.#pointsSeed) return;
      this.#points.set(m.point.n, m.point);
      this.#status(`Seed ${m.seed}: N = ${m.point.n} done (${Math.round(m.ms)} ms)…`);
      this.#draw();
    } else if (m.type === 'done') {
      if (m.id !== this.#runId || --this.#pending > 0) return;
      this.#done = true;
      this.#setRunning(false);
      this.#status(
        `Done for seed ${m.seed}: ${this.#points.size} values of N. Move N to read off a point.`,
      );
      this.#draw();
      this.#changed();
    } else {
      this.stop(`The comparison stopped with an error: ${m.message}`);
    }
  }

  #bestAt(): string {
    return summariseAt([...this.#points.values()], this.#n, this.#linear);
  }

  #changed(): void {
    this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
  }

  #setRunning(on: boolean): void {
    this.#running = on;
    const run = this.querySelector<HTMLButtonElement>('[data-nb-run]');
    const stop = this.querySelector<HTMLButtonElement>('[data-nb-stop]');
    // A disabled button drops focus to the page: hand it to the button that takes over.
    const focused = document.activeElement;
    const hadFocus = focused === run || focused === stop;
    if (run) run.disabled = on;
    if (stop) stop.disabled = !on;
    this.toggleAttribute('data-running', on);
    if (hadFocus) (on ? stop : run)?.focus();
  }

  #status(text: string): void {
    const el = this.querySelector<HTMLElement>('[data-nb-status]');
    if (el) setText(el, text);
  }

  #syncControls(): void {
    const n = this.querySelector<HTMLInputElement>('[data-nb-n]');
    if (n) n.value = String(this.#n);
    const seed = this.querySelector<HTMLInputElement>('[data-nb-seed]');
    if (seed) seed.value = String(this.#seed);
    for (const r of this.querySelectorAll<HTMLInputElement>('[data-nb-linear]'))
      r.checked = r.value === this.#linear;
  }

  #draw(): void {
    const points = [...this.#points.values()];
    const vm = transferChart(points, this.#n, this.#linear);
    const svg = this.querySelector<SVGSVGElement>('[data-nb-chart]');
    if (svg) drawTransferChart(svg, vm);
    const legend = this.querySelector<HTMLUListElement>('[data-nb-legend]');
    if (legend && this.#legendFor !== this.#linear) {
      drawLegend(legend, vm.series);
      this.#legendFor = this.#linear;
    }
    const out = this.querySelector<HTMLOutputElement>('[data-nb-n-out]');
    if (out) setText(out, String(this.#n));
    const readout = this.querySelector<HTMLElement>('[data-nb-readout]');
    if (readout)
      setText(
        readout,
        points.length
          ? summariseAt(points, this.#n, this.#linear)
          : `N = ${this.#n}. Press Run to compute.`,
      );
    const live = this.querySelector<HTMLElement>('[data-nb-live]');
    if (live && !this.#running) setText(live, summariseRun(points, this.#pointsSeed));
    const table = this.querySelector<HTMLTableElement>('[data-nb-table]');
    if (table) renderTable(table, TABLE_COLUMNS, tableRows(points));
  }

  /** Quiz contract: the settings and every point computed (accuracies rounded to 0.1%). */
  quizState(): WidgetState {
    const r = (v: number) => Math.round(v * 1000) / 1000;
    return {
      seed: this.#pointsSeed,
      n: this.#n,
      linear: this.#linear,
      done: this.#done,
      points: [...this.#points.values()]
        .sort((a, b) => a.n - b.n)
        .map((p) => ({
          n: p.n,
          fineTune: r(p.fineTune),
          scratch: r(p.scratch),
          svm: r(p.svm),
          logreg: r(p.logreg),
        })),
    };
  }

  /** Restores settings and points a quizState() returned (the runs are deterministic). */
  restoreQuizState(state: WidgetState): boolean {
    if (typeof state !== 'object' || state === null || Array.isArray(state)) return false;
    const { seed, n, linear, points, done } = state as Record<string, unknown>;
    if (typeof seed !== 'number' || typeof n !== 'number' || !Array.isArray(points)) return false;
    const ok = points.every(
      (p) =>
        typeof p === 'object' &&
        p !== null &&
        ['n', 'fineTune', 'scratch', 'svm', 'logreg'].every(
          (k) => typeof (p as Record<string, unknown>)[k] === 'number',
        ),
    );
    if (!ok) return false;
    this.stop('Restored from your saved answer.');
    this.#seed = clampInt(seed, 1, 9999, DEFAULT_SEED);
    this.#pointsSeed = this.#seed;
    this.#n = clampInt(n, 1, MAX_N, 5);
    this.#linear = linear === 'logreg' ? 'logreg' : 'svm';
    this.#points = new Map((points as TransferPoint[]).map((p) => [p.n, { ...p }]));
    this.#done = done === true;
    this.#saveUrl();
    this.#syncControls();
    this.#draw();
    return true;
  }
}

if (!customElements.get('nb-transfer-lab')) {
  customElements.define('nb-transfer-lab', TransferLabElement);
}
