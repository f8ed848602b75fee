// <nb-backprop-graph>: wiring only. The shell rendered every value, gradient and equation at build
// time; this element keeps the current step in a store and lets view.ts show what is known at
// that step. Buttons and ←/→/Home/End step through; quizState() reports the current step.
import { createStore } from '../shared/store.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { readSteps, renderStep, type StepInfo } from './view.ts';

export interface BackpropGraphState {
  /** −1 before the first step, then 0 … steps − 1 */
  readonly step: number;
}

export class BackpropGraphElement extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #steps: StepInfo[] = [];
  #store = createStore<BackpropGraphState>({ step: -1 });

  connectedCallback(): void {
    this.#steps = readSteps(this);
    const total = this.#steps.length;
    this.classList.add('is-stepping');
    this.#cleanup.push(
      this.#store.subscribe(
        (s, prev) => {
          renderStep(this, this.#steps, s.step);
          if (s.step !== prev.step) {
            this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
          }
        },
        { immediate: true },
      ),
    );
    const go = (to: number): void => {
      this.#store.set({ step: Math.max(-1, Math.min(total - 1, to)) });
    };
    const moves: Record<string, () => void> = {
      first: () => go(-1),
      previous: () => go(this.#store.get().step - 1),
      next: () => go(this.#store.get().step + 1),
      last: () => go(total - 1),
    };
    const onClick = (e: Event): void => {
      const target = e.target instanceof Element ? e.target.closest('[data-nb-step]') : null;
      const move =
        target instanceof HTMLElement ? moves[target.dataset['nbStep'] ?? ''] : undefined;
      move?.();
    };
    const keys: Record<string, string> = {
      ArrowRight: 'next',
      ArrowLeft: 'previous',
      Home: 'first',
      End: 'last',
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const target = e.target;
      // Keys that belong to the focused control (details toggles, text fields) are left alone.
      if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) return;
      const move = moves[keys[e.key] ?? ''];
      if (!move) return;
      e.preventDefault();
      move();
    };
    this.addEventListener('click', onClick);
    this.addEventListener('keydown', onKey);
    this.#cleanup.push(() => {
      this.removeEventListener('click', onClick);
      this.removeEventListener('keydown', onKey);
      this.classList.remove('is-stepping');
    });
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
  }

  /** Quiz contract, rule 5: steps the graph back to a graded step after a reload. */
  restoreQuizState(state: WidgetState): boolean {
    if (typeof state !== 'object' || state === null || Array.isArray(state)) return false;
    const { step } = state;
    if (typeof step !== 'number' || !Number.isInteger(step)) return false;
    if (step < -1 || step >= this.#steps.length) return false;
    this.#store.set({ step });
    return true;
  }

  /** Quiz contract: the current step, and the node and pass it computes. */
  quizState(): WidgetState {
    const { step } = this.#store.get();
    const info = this.#steps[step];
    return {
      step,
      total: this.#steps.length,
      node: info?.node ?? null,
      phase: info?.phase ?? null,
    };
  }
}

/** Registers <nb-backprop-graph> once. */
export function defineBackpropGraph(): void {
  if (!customElements.get('nb-backprop-graph')) {
    customElements.define('nb-backprop-graph', BackpropGraphElement);
  }
}
