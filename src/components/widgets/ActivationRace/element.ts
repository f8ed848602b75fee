// <nb-activation-race>: wiring only. Loads the race (dense engine) when visible or on a press,
// trains one epoch per animation frame, and redraws lanes and the table.
import { onVisible } from '../shared/on-visible.ts';
import { createLiveSummary, type LiveSummary } from '../shared/text-alt.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import type { Race } from '../../../lib/ml/activation-race.ts';
import { describeRace, LABELS, laneRow, type LaneSummary } from './describe.ts';
import { createLaneView, drawLane, type LaneView } from './view.ts';

type RaceModule = typeof import('../../../lib/ml/activation-race.ts');
const GRID = 20;
/** Milliseconds of training per animation frame. */
const FRAME_BUDGET_MS = 12;

class ActivationRace extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #race: Race | null = null;
  #mod: RaceModule | null = null;
  #views = new Map<string, LaneView>();
  #frame = 0;
  #running = false;
  #live: LiveSummary | undefined;

  connectedCallback(): void {
    const total = Math.max(1, Math.min(2000, Number(this.dataset['epochs']) || 100));
    const seed = Number(this.dataset['seed']);
    const status = this.querySelector<HTMLElement>('[data-status]');
    const trainBtn = this.querySelector<HTMLButtonElement>('[data-action="train"]');
    if (!status || !trainBtn) return;
    const trainLabel = trainBtn.textContent ?? 'Train';

    const load = async (): Promise<RaceModule> => {
      if (this.#mod) return this.#mod;
      const mod = await import('../../../lib/ml/activation-race.ts');
      this.#mod = mod;
      if (!this.#race) this.#reset(mod, seed);
      return mod;
    };
    this.#cleanup.push(onVisible(this, () => void load().then(() => this.#render(total, status))));

    const stop = (): void => {
      this.#running = false;
      cancelAnimationFrame(this.#frame);
      trainBtn.textContent = trainLabel;
      trainBtn.setAttribute('aria-pressed', 'false');
    };
    this.#cleanup.push(stop);

    const tick = (): void => {
      const race = this.#race;
      const mod = this.#mod;
      if (!race || !mod || !this.#running) return;
      // Train for a slice of the frame (at least one epoch), then draw once: on a slow or busy
      // device the run takes more frames but the same epochs, so the results do not change.
      const start = performance.now();
      do mod.raceEpoch(race);
      while (
        race.epoch < total &&
        !this.#diverged() &&
        performance.now() - start < FRAME_BUDGET_MS
      );
      this.#render(total, status);
      if (race.epoch >= total || this.#diverged()) {
        stop();
        this.#render(total, status);
        this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
        return;
      }
      this.#frame = requestAnimationFrame(tick);
    };

    const onClick = async (e: Event): Promise<void> => {
      const btn = (e.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (!btn) return;
      const mod = await load();
      const action = btn.dataset['action'];
      if (action === 'train') {
        if (this.#running) {
          stop();
          this.#render(total, status);
          return;
        }
        if ((this.#race?.epoch ?? 0) >= total || this.#diverged()) this.#reset(mod, seed);
        this.#running = true;
        trainBtn.textContent = 'Pause';
        trainBtn.setAttribute('aria-pressed', 'true');
        this.#frame = requestAnimationFrame(tick);
      } else if (action === 'step') {
        stop();
        if (this.#race && !this.#diverged()) mod.raceEpoch(this.#race);
        this.#render(total, status);
        this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
      } else if (action === 'reset') {
        stop();
        this.#reset(mod, seed);
        this.#render(total, status);
        this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
      }
    };
    const listener = (e: Event): void => void onClick(e);
    this.addEventListener('click', listener);
    this.#cleanup.push(() => this.removeEventListener('click', listener));
  }

  #reset(mod: RaceModule, seed: number): void {
    this.#race = mod.createRace(
      Number.isFinite(seed) ? { ...mod.raceDefaults, seed } : mod.raceDefaults,
    );
    const pts = Array.from({ length: this.#race.n }, (_, i) => ({
      x: this.#race!.inputs[2 * i]!,
      y: this.#race!.inputs[2 * i + 1]!,
      label: this.#race!.targets[i]!,
    }));
    this.#views.clear();
    for (const lane of this.#race.lanes) {
      const host = this.querySelector(`[data-lane="${lane.activation}"]`);
      if (host)
        this.#views.set(
          lane.activation,
          createLaneView(
            host,
            `${LABELS[lane.activation] ?? lane.activation}: prediction and data`,
            pts,
          ),
        );
    }
  }

  #summaries(): LaneSummary[] {
    const race = this.#race;
    const mod = this.#mod;
    if (!race || !mod) return [];
    return race.lanes.map((l) => ({
      activation: l.activation,
      label: LABELS[l.activation] ?? l.activation,
      accuracy: l.accuracies.at(-1) ?? 0,
      loss: l.losses.at(-1) ?? NaN,
      reached: mod.epochsToReach(l, 0.95),
      diverged: !Number.isFinite(l.losses.at(-1) ?? NaN),
    }));
  }

  #diverged(): boolean {
    return this.#summaries().some((s) => s.diverged);
  }

  #render(total: number, status: HTMLElement): void {
    const race = this.#race;
    const mod = this.#mod;
    if (!race || !mod) return;
    const sums = this.#summaries();
    for (const lane of race.lanes) {
      const view = this.#views.get(lane.activation);
      if (view) drawLane(view, mod.laneGrid(lane, GRID), GRID);
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
    this.#live.update(describeRace(race.epoch, total, sums, this.#running));
    if (!this.#running) this.#live.flush();
    this.dataset['epoch'] = String(race.epoch);
  }

  /** Quiz contract: the epoch reached and each lane's accuracy, loss and 95% epoch. */
  quizState(): WidgetState {
    const race = this.#race;
    if (!race) return null;
    return {
      epoch: race.epoch,
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
