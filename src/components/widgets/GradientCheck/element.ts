// <nb-gradient-check>: wiring only. Reads ε and the bug switch, reruns the pure check
// (lib/ml/gradient-check.ts, a few microseconds) and lets view.ts update the table, verdict and
// chart marker. quizState() reports the settings and the result.
import { createStore } from '../shared/store.ts';
import { lessonNet } from '../../../lib/ml/backprop-graph.ts';
import { gradientCheck, type GradientCheckResult } from '../../../lib/ml/gradient-check.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { chart } from './chart.ts';
import { renderCheck } from './view.ts';

interface GradientCheckState {
  readonly exponent: number;
  readonly bug: boolean;
}

const clampExponent = (v: number): number =>
  Number.isFinite(v) ? Math.min(chart.maxExp, Math.max(chart.minExp, Math.round(v))) : -5;

export class GradientCheckElement extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #store = createStore<GradientCheckState>({ exponent: -5, bug: false });
  #result: GradientCheckResult | undefined;

  connectedCallback(): void {
    const slider = this.querySelector<HTMLInputElement>('[data-nb-eps]');
    const bug = this.querySelector<HTMLInputElement>('[data-nb-bug]');
    this.#store.set({
      exponent: clampExponent(Number(slider?.value ?? this.dataset['exponent'])),
      bug: bug?.checked ?? false,
    });
    this.#cleanup.push(
      this.#store.subscribe(
        (s, prev) => {
          this.#result = gradientCheck(
            lessonNet,
            10 ** s.exponent,
            s.bug ? 'missing-sigmoid-derivative' : 'none',
          );
          renderCheck(this, s.exponent, this.#result);
          if (s !== prev)
            this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
        },
        { immediate: true },
      ),
    );
    const onInput = (): void => {
      this.#store.set({
        exponent: clampExponent(Number(slider?.value)),
        bug: bug?.checked ?? false,
      });
    };
    for (const el of [slider, bug]) {
      if (!el) continue;
      el.addEventListener('input', onInput);
      el.addEventListener('change', onInput);
      this.#cleanup.push(() => {
        el.removeEventListener('input', onInput);
        el.removeEventListener('change', onInput);
      });
    }
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
  }

  /** Quiz contract, rule 5: puts ε and the bug switch back to a graded setting. */
  restoreQuizState(state: WidgetState): boolean {
    if (typeof state !== 'object' || state === null || Array.isArray(state)) return false;
    const { exponent, bug } = state;
    if (typeof exponent !== 'number' || typeof bug !== 'boolean') return false;
    const slider = this.querySelector<HTMLInputElement>('[data-nb-eps]');
    const box = this.querySelector<HTMLInputElement>('[data-nb-bug]');
    if (slider) slider.value = String(exponent);
    if (box) box.checked = bug;
    this.#store.set({ exponent: clampExponent(exponent), bug });
    return true;
  }

  /** Quiz contract: ε, whether the bug is on, and the resulting relative error and verdict. */
  quizState(): WidgetState {
    const { exponent, bug } = this.#store.get();
    return {
      exponent,
      bug,
      relError: this.#result?.relError ?? null,
      verdict: this.#result?.verdict ?? null,
    };
  }
}

/** Registers <nb-gradient-check> once. */
export function defineGradientCheck(): void {
  if (!customElements.get('nb-gradient-check')) {
    customElements.define('nb-gradient-check', GradientCheckElement);
  }
}
