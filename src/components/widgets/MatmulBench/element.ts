// <nb-matmul-bench>: wiring only. Run starts a worker (src/workers/matmul-bench.worker.ts) that
// times the chosen backends and sizes and reports one point at a time; the chart, table and
// summary redraw on each. Stop (or leaving the page) terminates the worker.
import {
  BACKEND_LABELS,
  BENCH_BACKENDS,
  BENCH_SIZES,
  formatGflops,
  summarise,
  type BenchPoint,
  type BenchSkip,
} from '../../../lib/matmul-bench/model.ts';
import { benchChart } from '../../../lib/matmul-bench/chart.ts';
import type { BenchCommand, BenchReport } from '../../../lib/matmul-bench/protocol.ts';
import type { BackendName } from '../../../lib/ml/backend-order.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { renderTable } from '../shared/text-alt.ts';
import { drawBenchChart } from './view.ts';

const isBackend = (v: string): v is BackendName => (BENCH_BACKENDS as string[]).includes(v);

export class MatmulBenchElement extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #worker: Worker | undefined;
  #points: BenchPoint[] = [];
  #skipped: BenchSkip[] = [];
  #done = false;

  connectedCallback(): void {
    const onClick = (e: Event): void => {
      const t = e.target instanceof Element ? e.target : null;
      if (t?.closest('[data-nb-run]')) this.run();
      else if (t?.closest('[data-nb-cancel]')) this.stop('Stopped. The results so far are kept.');
    };
    this.addEventListener('click', onClick);
    this.#cleanup.push(() => this.removeEventListener('click', onClick));
    this.#draw();
    this.dataset['ready'] = 'true';
  }

  disconnectedCallback(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const f of this.#cleanup.splice(0)) f();
  }

  /** Starts a run with the backends and largest size chosen in the form. */
  run(): void {
    this.#worker?.terminate();
    const backends = [...this.querySelectorAll<HTMLInputElement>('[data-nb-backend]')]
      .filter((c) => c.checked)
      .map((c) => c.value)
      .filter(isBackend);
    const max = Number(this.querySelector<HTMLSelectElement>('[data-nb-max-size]')?.value ?? 1024);
    const sizes = BENCH_SIZES.filter((n) => n <= max);
    if (backends.length === 0) {
      this.#status('Choose at least one backend to measure.');
      return;
    }
    this.#points = [];
    this.#skipped = [];
    this.#done = false;
    this.#setRunning(true);
    this.#status(`Measuring ${BACKEND_LABELS[backends[0]!]}…`);
    this.#draw();
    const worker = new Worker(new URL('../../../workers/matmul-bench.worker.ts', import.meta.url), {
      type: 'module',
    });
    this.#worker = worker;
    worker.addEventListener('message', (e: MessageEvent<BenchReport>) => this.#onReport(e.data));
    worker.addEventListener('error', () =>
      this.stop('The benchmark could not start in a background worker in this browser.'),
    );
    const cmd: BenchCommand = { type: 'run', backends, sizes, budgetMs: 300 };
    worker.postMessage(cmd);
  }

  /** Terminates a run in progress and shows `message`. */
  stop(message: string): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#setRunning(false);
    this.#status(message);
  }

  #onReport(m: BenchReport): void {
    if (m.type === 'point') {
      this.#points.push(m.point);
      const p = m.point;
      this.#status(
        `${BACKEND_LABELS[p.backend]}: ${p.n}×${p.n} ran at ${formatGflops(p.gflops)} GFLOP/s…`,
      );
      this.#draw();
    } else if (m.type === 'backend') {
      if (!m.ok) this.#skipped.push({ backend: m.backend, reason: m.reason ?? 'not available' });
      else this.#status(`Measuring ${BACKEND_LABELS[m.backend]}…`);
    } else if (m.type === 'done') {
      this.#done = true;
      this.#worker?.terminate();
      this.#worker = undefined;
      this.#setRunning(false);
      const skipped = this.#skipped.map((s) => `${BACKEND_LABELS[s.backend]} (${s.reason})`);
      this.#status(
        `Done. ${summarise(this.#points)}${skipped.length ? ` Not measured: ${skipped.join('; ')}.` : ''}`,
      );
      this.#draw();
      this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
    } else {
      this.stop(`The benchmark stopped with an error: ${m.message}`);
    }
  }

  #setRunning(on: boolean): void {
    const run = this.querySelector<HTMLButtonElement>('[data-nb-run]');
    const cancel = this.querySelector<HTMLButtonElement>('[data-nb-cancel]');
    // A disabled button drops focus to the page: hand it to the button that takes over.
    const focused = document.activeElement;
    const hadFocus = focused === run || focused === cancel;
    if (run) run.disabled = on;
    if (cancel) cancel.disabled = !on;
    this.toggleAttribute('data-running', on);
    if (hadFocus) (on ? cancel : run)?.focus();
  }

  #status(text: string): void {
    const el = this.querySelector<HTMLElement>('[data-nb-status]');
    if (el && el.textContent !== text) el.textContent = text;
  }

  #draw(): void {
    const svg = this.querySelector<SVGSVGElement>('[data-nb-chart]');
    if (svg) drawBenchChart(svg, benchChart(this.#points));
    const live = this.querySelector<HTMLElement>('[data-nb-live]');
    if (live) live.textContent = summarise(this.#points);
    const table = this.querySelector<HTMLTableElement>('[data-nb-table]');
    if (table)
      renderTable(
        table,
        ['Backend', 'Size', 'GFLOP/s', 'Products timed', 'Seconds'],
        this.#points.map((p) => [
          BACKEND_LABELS[p.backend],
          `${p.n}×${p.n}`,
          formatGflops(p.gflops),
          String(p.reps),
          p.seconds.toFixed(3),
        ]),
      );
  }

  /** Quiz contract: whether a run finished, its points and the backends that could not run. */
  quizState(): WidgetState {
    return {
      done: this.#done,
      points: this.#points.map((p) => ({
        backend: p.backend,
        n: p.n,
        gflops: Math.round(p.gflops * 1000) / 1000,
      })),
      skipped: this.#skipped.map((s) => s.backend),
    };
  }
}

if (!customElements.get('nb-matmul-bench')) {
  customElements.define('nb-matmul-bench', MatmulBenchElement);
}
