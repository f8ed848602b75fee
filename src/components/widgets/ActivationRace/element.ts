// <nb-activation-race>: wiring only. When visible or on a press, starts the race in a Web Worker
// (src/workers/activation-race.worker.ts; on the main thread in frame-sized slices where workers
// are unavailable) and redraws lanes and the table from the states it reports.
import { onVisible } from '../shared/on-visible.ts';
import { createLiveSummary, type LiveSummary } from '../shared/text-alt.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import type { RaceCommand, RaceMessage } from '../../../lib/ml/activation-race-runner.ts';
import { describeRace, LABELS, laneRow, type LaneSummary } from './describe.ts';
import { createLaneView, drawLane, type LaneView } from './view.ts';

/** The first epoch whose accuracy reached 95 %, or null (as the race's epochsToReach). */
function firstReached(accuracies: readonly number[]): number | null {
  const i = accuracies.findIndex((a) => a >= 0.95);
  return i < 0 ? null : i;
}

type RaceState = Extract<RaceMessage, { type: 'state' }>;
const GRID = 20;
/** Milliseconds of training per animation frame in the main-thread fallback. */
const FRAME_BUDGET_MS = 12;

interface RaceClient {
  send(cmd: RaceCommand): void;
  dispose(): void;
}

/** The race in a worker, or on the main thread in slices if a worker cannot start. */
async function startRace(onMessage: (m: RaceMessage) => void): Promise<RaceClient> {
  const onMain = async (): Promise<RaceClient> => {
    const { createRaceRunner } = await import('../../../lib/ml/activation-race-runner.ts');
    let alive = true;
    const runner = createRaceRunner({
      post: (m) => {
        if (alive) onMessage(m);
      },
      schedule: (fn) => {
        const id = requestAnimationFrame(fn);
        return () => cancelAnimationFrame(id);
      },
      now: () => performance.now(),
      budgetMs: FRAME_BUDGET_MS,
    });
    return {
      send: (cmd) => runner.handle(cmd),
      dispose: () => {
        alive = false;
        runner.handle({ type: 'pause' });
      },
    };
  };
  if (typeof Worker === 'undefined') return onMain();
  try {
    const worker = new Worker(
      new URL('../../../workers/activation-race.worker.ts', import.meta.url),
      { type: 'module' },
    );
    let heard = false;
    // Commands sent before the worker first answers, replayed on the main thread if it fails to load.
    const early: RaceCommand[] = [];
    const client: RaceClient = {
      send: (cmd) => {
        if (!heard) early.push(cmd);
        worker.postMessage(cmd);
      },
      dispose: () => worker.terminate(),
    };
    worker.addEventListener('message', (e: MessageEvent<RaceMessage>) => {
      heard = true;
      early.length = 0;
      onMessage(e.data);
    });
    worker.addEventListener('error', () => {
      if (heard) return;
      worker.terminate();
      void onMain().then((fallback) => {
        for (const cmd of early.splice(0)) fallback.send(cmd);
        client.send = (cmd) => fallback.send(cmd);
        client.dispose = () => fallback.dispose();
      });
    });
    return client;
  } catch {
    return onMain();
  }
}

class ActivationRace extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #state: RaceState | null = null;
  #client: Promise<RaceClient> | null = null;
  #views = new Map<string, LaneView>();
  #live: LiveSummary | undefined;

  connectedCallback(): void {
    const total = Math.max(1, Math.min(2000, Number(this.dataset['epochs']) || 100));
    const seed = Number(this.dataset['seed']);
    const status = this.querySelector<HTMLElement>('[data-status]');
    const trainBtn = this.querySelector<HTMLButtonElement>('[data-action="train"]');
    if (!status || !trainBtn) return;
    const trainLabel = trainBtn.textContent ?? 'Train';

    const onMessage = (m: RaceMessage): void => {
      if (m.type === 'data') {
        this.#makeViews(m.inputs, m.targets, m.n);
        return;
      }
      this.#state = m;
      trainBtn.textContent = m.running ? 'Pause' : trainLabel;
      trainBtn.setAttribute('aria-pressed', String(m.running));
      this.#render(total, status);
      if (m.settled) this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
    };
    const client = (): Promise<RaceClient> => {
      if (!this.#client) {
        this.#client = startRace(onMessage).then((c) => {
          c.send({ type: 'init', seed: Number.isFinite(seed) ? seed : null, total, grid: GRID });
          return c;
        });
        this.#cleanup.push(() => {
          void this.#client?.then((c) => c.dispose());
          this.#client = null;
        });
      }
      return this.#client;
    };
    this.#cleanup.push(onVisible(this, () => void client()));

    const onClick = async (e: Event): Promise<void> => {
      const btn = (e.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (!btn) return;
      const c = await client();
      const action = btn.dataset['action'];
      if (action === 'train') c.send({ type: this.#state?.running ? 'pause' : 'train' });
      else if (action === 'step') c.send({ type: 'step' });
      else if (action === 'reset') c.send({ type: 'reset' });
    };
    const listener = (e: Event): void => void onClick(e);
    this.addEventListener('click', listener);
    this.#cleanup.push(() => this.removeEventListener('click', listener));
  }

  #makeViews(inputs: Float32Array, targets: Float32Array, n: number): void {
    const pts = Array.from({ length: n }, (_, i) => ({
      x: inputs[2 * i]!,
      y: inputs[2 * i + 1]!,
      label: targets[i]!,
    }));
    this.#views.clear();
    for (const activation of Object.keys(LABELS)) {
      const host = this.querySelector(`[data-lane="${activation}"]`);
      if (host)
        this.#views.set(
          activation,
          createLaneView(host, `${LABELS[activation] ?? activation}: prediction and data`, pts),
        );
    }
  }

  #summaries(): LaneSummary[] {
    const lanes = this.#state?.lanes ?? [];
    return lanes.map((l) => ({
      activation: l.activation,
      label: LABELS[l.activation] ?? l.activation,
      accuracy: l.accuracies.at(-1) ?? 0,
      loss: l.losses.at(-1) ?? NaN,
      reached: firstReached(l.accuracies),
      diverged: !Number.isFinite(l.losses.at(-1) ?? NaN),
    }));
  }

  #render(total: number, status: HTMLElement): void {
    const state = this.#state;
    if (!state) return;
    const sums = this.#summaries();
    for (const lane of state.lanes) {
      const view = this.#views.get(lane.activation);
      if (view) drawLane(view, lane.grid, GRID);
    }
    for (const s of sums) {
      const row = this.querySelector<HTMLTableRowElement>(`tr[data-row="${s.activation}"]`);
      if (!row) continue;
      laneRow(s).forEach((text, k) => {
        const cell = row.cells[k];
        if (cell && cell.textContent !== text) cell.textContent = text;
      });
    }
    // The status is a live region: while training it is rewritten at most every 1.5 s.
    this.#live ??= createLiveSummary(status, 1500);
    this.#live.update(describeRace(state.epoch, total, sums, state.running));
    if (!state.running) this.#live.flush();
    this.dataset['epoch'] = String(state.epoch);
  }

  /** Quiz contract: the epoch reached and each lane's accuracy, loss and 95% epoch. */
  quizState(): WidgetState {
    const state = this.#state;
    if (!state) return null;
    return {
      epoch: state.epoch,
      lanes: this.#summaries().map((s) => ({
        activation: s.activation,
        accuracy: s.accuracy,
        loss: Number.isFinite(s.loss) ? s.loss : null,
        reached: s.reached,
      })),
    };
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
    this.#live?.dispose();
    this.#live = undefined;
    this.#views.clear();
  }
}

if (!customElements.get('nb-activation-race'))
  customElements.define('nb-activation-race', ActivationRace);
