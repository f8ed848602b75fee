// <nb-optimizer-race>: wiring only. One store of race settings (surface, learning rate, steps,
// seed of the start); every change reruns the four optimizers (microseconds, pure TypeScript) and
// redraws. "New random start" moves to the next seed; "Default start" goes back to seed 0.
import { createStore } from '../shared/store.ts';
import { nextSeed } from '../../../lib/ml/rng.ts';
import { isSurfaceId } from '../../../lib/ml/descent/surfaces.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { RACE_RATES, raceView, type RaceSettings, type RaceView } from './model.ts';
import { renderRace } from './view.ts';

export class OptimizerRaceElement extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #view: RaceView | undefined;
  #store = createStore<RaceSettings>({ surface: 'valley', lr: 0.1, steps: 50, seed: 0 });

  connectedCallback(): void {
    const surfaceSel = this.querySelector<HTMLSelectElement>('[data-nb-surface]');
    const lrSel = this.querySelector<HTMLSelectElement>('[data-nb-lr]');
    const read = (): Pick<RaceSettings, 'surface' | 'lr'> => {
      const s = surfaceSel?.value ?? this.dataset['surface'];
      const lr = Number(lrSel?.value ?? this.dataset['lr']);
      return {
        surface: isSurfaceId(s) ? s : 'valley',
        lr: (RACE_RATES as readonly number[]).includes(lr) ? lr : 0.1,
      };
    };
    const steps = Number(this.dataset['steps']);
    const seed = Number(this.dataset['seed']);
    this.#store.set({
      ...read(),
      steps: Number.isInteger(steps) && steps > 0 && steps <= 200 ? steps : 50,
      seed: Number.isInteger(seed) && seed >= 0 ? seed : 0,
    });
    const clipId = `${this.id || 'optimizer-race'}-clip`;
    this.#cleanup.push(
      this.#store.subscribe(
        (s, prev) => {
          this.#view = raceView(s);
          renderRace(this, s.surface, this.#view, s === prev || s.surface !== prev.surface, clipId);
          if (s !== prev)
            this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
        },
        { immediate: true },
      ),
    );
    const onSettings = (): void => this.#store.set(read());
    const onClick = (e: Event): void => {
      const t = e.target instanceof Element ? e.target : null;
      if (t?.closest('[data-nb-new-start]')) this.#store.set((s) => ({ seed: nextSeed(s.seed) }));
      else if (t?.closest('[data-nb-default-start]')) this.#store.set({ seed: 0 });
    };
    for (const el of [surfaceSel, lrSel]) {
      if (!el) continue;
      el.addEventListener('change', onSettings);
      this.#cleanup.push(() => el.removeEventListener('change', onSettings));
    }
    this.addEventListener('click', onClick);
    this.#cleanup.push(() => this.removeEventListener('click', onClick));
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
  }

  /** Quiz contract: the race settings, the start and the optimizers by rank. */
  quizState(): WidgetState {
    const s = this.#store.get();
    const v = this.#view;
    return {
      surface: s.surface,
      lr: s.lr,
      steps: s.steps,
      seed: s.seed,
      start: v ? [v.start[0], v.start[1]] : null,
      ranking: v ? [...v.entries].sort((a, b) => a.rank - b.rank).map((e) => e.id) : [],
    };
  }
}

/** Registers <nb-optimizer-race> once. */
export function defineOptimizerRace(): void {
  if (!customElements.get('nb-optimizer-race')) {
    customElements.define('nb-optimizer-race', OptimizerRaceElement);
  }
}
