// <nb-gradient-norms>: wiring only. The six charts are static HTML computed at build time; the
// radio buttons pick which one is shown. Implements the quiz contract (quizState → the setup).
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';

class GradientNorms extends HTMLElement {
  #cleanup: Array<() => void> = [];

  connectedCallback(): void {
    const onChange = (): void => this.#show();
    this.addEventListener('change', onChange);
    this.#cleanup.push(() => this.removeEventListener('change', onChange));
    this.#show(false);
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
  }

  #picked(group: string): string {
    return this.querySelector<HTMLInputElement>(`input[name$="-${group}"]:checked`)?.value ?? '';
  }

  #show(announce = true): void {
    const key = `${this.#picked('activation')}-${this.#picked('init')}`;
    let found = false;
    for (const chart of this.querySelectorAll<HTMLElement>('[data-chart]')) {
      chart.hidden = chart.dataset['chart'] !== key;
      found ||= !chart.hidden;
    }
    if (!found) return;
    this.dataset['setup'] = key;
    if (announce) this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
  }

  /** Quiz contract: the activation and initialisation shown. */
  quizState(): WidgetState {
    return { activation: this.#picked('activation'), init: this.#picked('init') };
  }

  /** Quiz contract, rule 5: shows a graded setup again. */
  restoreQuizState(state: WidgetState): boolean {
    if (typeof state !== 'object' || state === null || Array.isArray(state)) return false;
    for (const group of ['activation', 'init'] as const) {
      const v = state[group];
      const input = [...this.querySelectorAll<HTMLInputElement>(`input[name$="-${group}"]`)].find(
        (i) => i.value === v,
      );
      if (!input) return false;
      input.checked = true;
    }
    this.#show();
    return true;
  }
}

if (!customElements.get('nb-gradient-norms'))
  customElements.define('nb-gradient-norms', GradientNorms);
