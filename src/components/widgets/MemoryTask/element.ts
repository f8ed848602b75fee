// <nb-memory-task>: wiring only. When it nears the viewport (or on a press) it starts the memory
// task in a Web Worker (memory.worker.ts; on the main thread in frame-sized slices where workers
// are unavailable), sends commands from the buttons, and redraws charts and table from the
// states the runner reports.
import { onVisible } from '../shared/on-visible.ts';
import { createLiveSummary, type LiveSummary } from '../shared/text-alt.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import type { MemoryCommand, MemoryState } from '../../../lib/rnn/memory-runner.ts';

interface Client {
  send(cmd: MemoryCommand): void;
  dispose(): void;
}

/** Milliseconds of training per animation frame in the main-thread fallback. */
const FRAME_BUDGET_MS = 10;

async function onMainThread(onMessage: (m: MemoryState) => void): Promise<Client> {
  const { createMemoryRunner } = await import('../../../lib/rnn/memory-runner.ts');
  let alive = true;
  const runner = createMemoryRunner({
    post: (m) => {
      if (alive) onMessage(m);
    },
    schedule: (fn) => {
      const id = requestAnimationFrame(fn);
      return () => cancelAnimationFrame(id);
    },
    now: () => performance.now(),
    budgetMs: FRAME_BUDGET_MS,
    reportMs: 100,
  });
  return {
    send: (cmd) => runner.handle(cmd),
    dispose: () => {
      alive = false;
      runner.handle({ type: 'pause' });
    },
  };
}

/** The runner in a worker, or on the main thread if a worker cannot start. */
async function startClient(onMessage: (m: MemoryState) => void): Promise<Client> {
  if (typeof Worker === 'undefined') return onMainThread(onMessage);
  try {
    const worker = new Worker(new URL('./memory.worker.ts', import.meta.url), { type: 'module' });
    let heard = false;
    const early: MemoryCommand[] = [];
    const client: Client = {
      send: (cmd) => {
        if (!heard) early.push(cmd);
        worker.postMessage(cmd);
      },
      dispose: () => worker.terminate(),
    };
    worker.addEventListener('message', (e: MessageEvent<MemoryState>) => {
      heard = true;
      early.length = 0;
      onMessage(e.data);
    });
    worker.addEventListener('error', () => {
      if (heard) return;
      worker.terminate();
      void onMainThread(onMessage).then((fallback) => {
        for (const cmd of early.splice(0)) fallback.send(cmd);
        client.send = (cmd) => fallback.send(cmd);
        client.dispose = () => fallback.dispose();
      });
    });
    return client;
  } catch {
    return onMainThread(onMessage);
  }
}

export class MemoryTaskElement extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #state: MemoryState | null = null;
  #client: Promise<Client> | null = null;
  #live: LiveSummary | undefined;
  #frame = 0;
  #delay = 20;

  #seed(): number {
    const input = this.querySelector<HTMLInputElement>('[data-mem-seed]');
    const v = Math.trunc(Number(input?.value));
    return Number.isFinite(v) && v >= 1 && v <= 999 ? v : Number(this.dataset['seed']) || 1;
  }

  #rate(): number {
    const v = Number(this.querySelector<HTMLSelectElement>('[data-mem-lr]')?.value);
    return Number.isFinite(v) && v > 0 ? v : 0.01;
  }

  #getClient(): Promise<Client> {
    if (!this.#client) {
      const seed = this.#seed();
      const learningRate = this.#rate();
      this.#client = startClient((m) => this.#onState(m)).then((c) => {
        c.send({ type: 'init', seed, learningRate });
        return c;
      });
      this.#cleanup.push(() => {
        void this.#client?.then((c) => c.dispose());
        this.#client = null;
      });
    }
    return this.#client;
  }

  #onState(m: MemoryState): void {
    const was = this.#state;
    this.#state = m;
    const train = this.querySelector<HTMLButtonElement>('[data-mem="train"]');
    if (train) {
      train.textContent = m.running ? 'Pause' : m.finished ? 'Train again' : 'Train';
      train.setAttribute('aria-pressed', String(m.running));
    }
    this.dataset['running'] = String(m.running);
    this.dataset['finished'] = String(m.finished);
    this.dataset['seedShown'] = String(m.seed);
    if (!this.#frame)
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        void this.#render();
      });
    const settled = !m.running && (m.finished || was?.running === true || !was);
    if (settled || m.finished !== was?.finished)
      this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
  }

  async #render(): Promise<void> {
    const s = this.#state;
    if (!s) return;
    const [{ delayChart, trainingChart, resultRows, describeMemory }, { drawLineChart }] =
      await Promise.all([import('../../../lib/rnn/memory-chart.ts'), import('./view.ts')]);
    const delaysSvg = this.querySelector<SVGSVGElement>('[data-mem-chart="delays"]');
    const trainingSvg = this.querySelector<SVGSVGElement>('[data-mem-chart="training"]');
    if (delaysSvg) drawLineChart(delaysSvg, delayChart(s.delays, s.curves));
    if (trainingSvg) drawLineChart(trainingSvg, trainingChart(this.#delay, s.steps, s.curves));
    for (const row of resultRows(s)) {
      const tr = this.querySelector<HTMLTableRowElement>(`tr[data-delay="${row[0]}"]`);
      if (!tr) continue;
      row.forEach((text, k) => {
        const cell = tr.cells[k];
        if (cell && cell.textContent !== text) cell.textContent = text;
      });
    }
    const status = this.querySelector<HTMLElement>('[data-mem-status]');
    if (status) {
      this.#live ??= createLiveSummary(status, 1500);
      this.#live.update(describeMemory(s));
      if (!s.running) this.#live.flush();
    }
  }

  connectedCallback(): void {
    this.#delay = Number(this.dataset['delay']) || 20;
    this.#cleanup.push(onVisible(this, () => void this.#getClient()));
    const onClick = async (e: Event): Promise<void> => {
      const btn = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-mem]') : null;
      if (!btn) return;
      const c = await this.#getClient();
      const action = btn.dataset['mem'];
      if (action === 'train') c.send({ type: this.#state?.running ? 'pause' : 'train' });
      else if (action === 'reset')
        c.send({ type: 'reset', seed: this.#seed(), learningRate: this.#rate() });
    };
    const click = (e: Event): void => void onClick(e);
    const onChange = (e: Event): void => {
      const t = e.target;
      if (t instanceof HTMLSelectElement && t.matches('[data-mem-delay]')) {
        this.#delay = Number(t.value);
        void this.#render();
        this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
      } else if (
        (t instanceof HTMLInputElement && t.matches('[data-mem-seed]')) ||
        (t instanceof HTMLSelectElement && t.matches('[data-mem-lr]'))
      ) {
        void this.#getClient().then((c) =>
          c.send({ type: 'reset', seed: this.#seed(), learningRate: this.#rate() }),
        );
      }
    };
    this.addEventListener('click', click);
    this.addEventListener('change', onChange);
    this.#cleanup.push(() => {
      this.removeEventListener('click', click);
      this.removeEventListener('change', onChange);
      cancelAnimationFrame(this.#frame);
      this.#frame = 0;
    });
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
    this.#live?.dispose();
    this.#live = undefined;
  }

  /** Quiz contract: seed, whether training finished, the delay shown, and each delay's result. */
  quizState(): WidgetState {
    const s = this.#state;
    if (!s) return null;
    const acc = (cell: string, delay: number): number | null => {
      const c = s.curves.find((x) => x.cell === cell && x.delay === delay);
      return c?.done ? c.accuracy : null;
    };
    return {
      seed: s.seed,
      learningRate: s.learningRate,
      finished: s.finished,
      delay: this.#delay,
      results: s.delays.map((d) => ({ delay: d, rnn: acc('rnn', d), lstm: acc('lstm', d) })),
    };
  }
}

/** Registers <nb-memory-task> once. */
export function defineMemoryTask(): void {
  if (!customElements.get('nb-memory-task'))
    customElements.define('nb-memory-task', MemoryTaskElement);
}

defineMemoryTask();
