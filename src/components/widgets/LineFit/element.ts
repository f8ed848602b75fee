// <nb-line-fit>: wiring only. Holds the points, settings and fit state in one store; Play runs a
// few updates per animation frame (pure lib/ml/linefit.ts, no tfjs) until MAX_EPOCHS or
// divergence; Step makes one update; Reset starts again. quizState() reports settings and loss.
import { bindControls } from '../shared/controls.ts';
import { createStore } from '../shared/store.ts';
import { createLiveSummary } from '../shared/text-alt.ts';
import {
  createLineFit,
  leastSquares,
  makeLinePoints,
  stepLineFit,
  type LineFitState,
  type Point,
} from '../../../lib/ml/linefit.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { BATCH_SIZES, LEARNING_RATES, MAX_EPOCHS } from './model.ts';
import { renderFit } from './view.ts';

interface State {
  readonly batchSize: number;
  readonly learningRate: number;
  readonly fit: LineFitState;
  readonly batch: ReadonlySet<number>;
  readonly playing: boolean;
  readonly speed: number;
}

const pick = <T extends number>(allowed: readonly T[], v: number, fallback: T): T =>
  (allowed as readonly number[]).includes(v) ? (v as T) : fallback;

export class LineFitElement extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #points: Point[] = [];
  #best = 0;
  #seed = 7;
  #store: ReturnType<typeof createStore<State>> | undefined;

  connectedCallback(): void {
    this.#seed = Number(this.dataset['seed'] ?? 7) || 7;
    this.#points = makeLinePoints({ seed: this.#seed });
    this.#best = leastSquares(this.#points).loss;
    const batchSel = this.querySelector<HTMLSelectElement>('[data-nb-batch]');
    const rateSel = this.querySelector<HTMLSelectElement>('[data-nb-rate]');
    const store = createStore<State>({
      batchSize: pick(BATCH_SIZES, Number(batchSel?.value ?? this.dataset['batchSize']), 10),
      learningRate: pick(
        LEARNING_RATES,
        Number(rateSel?.value ?? this.dataset['learningRate']),
        0.1,
      ),
      fit: createLineFit(this.#points, this.#seed),
      batch: new Set(),
      playing: false,
      speed: 1,
    });
    this.#store = store;
    const liveEl = this.querySelector<HTMLElement>('[data-nb-live]');
    const live = liveEl ? createLiveSummary(liveEl) : undefined;
    this.#cleanup.push(() => live?.dispose());
    const view = { root: this, live };

    const bar = this.querySelector<HTMLElement>('[data-nb-controls]');
    const controls = bar
      ? bindControls(bar, this, {
          onPlay: () => store.set({ playing: true }),
          onPause: () => store.set({ playing: false }),
          onStep: () => {
            store.set({ playing: false });
            this.#advance(1);
          },
          onReset: () => this.#reset(),
          onSpeed: (m) => store.set({ speed: m }),
        })
      : undefined;
    this.#cleanup.push(() => controls?.dispose());

    let frame = 0;
    const tick = (): void => {
      const s = store.get();
      if (!s.playing) return;
      this.#advance(s.speed);
      frame = requestAnimationFrame(tick);
    };
    this.#cleanup.push(() => cancelAnimationFrame(frame));

    this.#cleanup.push(
      store.subscribe(
        (s, prev) => {
          if (
            s.fit !== prev.fit ||
            s.batchSize !== prev.batchSize ||
            s.playing !== prev.playing ||
            s === prev
          ) {
            renderFit(view, this.#points, s.fit, s.batchSize, this.#best, s.batch, s.playing);
          }
          controls?.setPlaying(s.playing);
          const stopped = (f: LineFitState): boolean => f.diverged || f.epoch >= MAX_EPOCHS;
          if (stopped(s.fit) && !stopped(prev.fit)) {
            // Play and Step are about to be disabled: keep keyboard focus in the widget, on Reset.
            const active = document.activeElement;
            if (active === document.body || (active && this.contains(active))) {
              this.querySelector<HTMLButtonElement>('[data-nb-control="reset"]')?.focus();
            }
          }
          controls?.setEnabled('play', !stopped(s.fit));
          controls?.setEnabled('step', !stopped(s.fit));
          if (s.playing && !prev.playing) frame = requestAnimationFrame(tick);
          if (
            s.fit !== prev.fit ||
            s.batchSize !== prev.batchSize ||
            s.learningRate !== prev.learningRate
          ) {
            this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
          }
        },
        { immediate: true },
      ),
    );

    const onSettings = (): void => {
      // A new batch size or rate starts a fresh run, so the loss curve compares like with like.
      store.set({
        batchSize: pick(BATCH_SIZES, Number(batchSel?.value), 10),
        learningRate: pick(LEARNING_RATES, Number(rateSel?.value), 0.1),
      });
      this.#reset();
    };
    for (const el of [batchSel, rateSel]) {
      if (!el) continue;
      el.addEventListener('change', onSettings);
      this.#cleanup.push(() => el.removeEventListener('change', onSettings));
    }
  }

  #advance(updates: number): void {
    const store = this.#store;
    if (!store) return;
    const s = store.get();
    let fit = s.fit;
    let batch: number[] = [];
    const settings = { batchSize: s.batchSize, learningRate: s.learningRate };
    for (let i = 0; i < updates && !fit.diverged && fit.epoch < MAX_EPOCHS; i++) {
      batch = fit.order.slice(fit.cursor, fit.cursor + s.batchSize);
      fit = stepLineFit(fit, this.#points, settings);
    }
    const done = fit.diverged || fit.epoch >= MAX_EPOCHS;
    store.set({ fit, batch: new Set(batch), playing: s.playing && !done });
  }

  #reset(): void {
    this.#store?.set({
      fit: createLineFit(this.#points, this.#seed),
      batch: new Set(),
      playing: false,
    });
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
  }

  /** Quiz contract: the settings, progress and loss of the current run. */
  quizState(): WidgetState {
    const s = this.#store?.get();
    if (!s) return null;
    const loss = s.fit.history.at(-1) ?? null;
    return {
      batchSize: s.batchSize,
      learningRate: s.learningRate,
      step: s.fit.step,
      epoch: s.fit.epoch,
      loss: loss !== null && Number.isFinite(loss) ? loss : null,
      bestLoss: this.#best,
      diverged: s.fit.diverged,
    };
  }
}

/** Registers <nb-line-fit> once. */
export function defineLineFit(): void {
  if (!customElements.get('nb-line-fit')) customElements.define('nb-line-fit', LineFitElement);
}
