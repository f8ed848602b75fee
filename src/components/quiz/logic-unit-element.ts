// Browser: <nb-logic-unit>, wiring only. Sliders → state → truth table text; the unit's maths
// is in lib/quiz/graders/logic-unit.ts. Implements the quiz widget contract.
import {
  LOGIC_INPUTS,
  truthTable,
  asLogicUnitState,
  type LogicUnitState,
} from '../../lib/quiz/graders/logic-unit.ts';
import {
  WIDGET_CHANGE_EVENT,
  type QuizReadableWidget,
  type WidgetState,
} from '../../lib/quiz/widget-contract.ts';

const fmt = (v: number): string =>
  (Number.isInteger(v) ? String(v) : v.toFixed(1)).replace('-', '−');

class LogicUnit extends HTMLElement implements QuizReadableWidget {
  #state: LogicUnitState = { w1: 1, w2: 1, b: -0.5 };
  #cleanup: Array<() => void> = [];

  connectedCallback(): void {
    try {
      this.#state = asLogicUnitState(JSON.parse(this.dataset['start'] ?? '')) ?? this.#state;
    } catch {
      // keep the default start
    }
    for (const input of this.querySelectorAll<HTMLInputElement>('input[data-param]')) {
      const key = input.dataset['param'] as keyof LogicUnitState;
      const onInput = (): void => {
        const v = Number(input.value);
        if (!Number.isFinite(v)) return;
        this.#state = { ...this.#state, [key]: v };
        this.#render();
        this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
      };
      input.addEventListener('input', onInput);
      this.#cleanup.push(() => input.removeEventListener('input', onInput));
      // The page may restore slider positions (back/forward cache): read them.
      const v = Number(input.value);
      if (Number.isFinite(v)) this.#state = { ...this.#state, [key]: v };
    }
    this.#render();
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
  }

  /** Quiz contract: the weights and bias the reader set. */
  quizState(): WidgetState {
    return { ...this.#state };
  }

  /** Quiz contract, rule 5: moves the sliders back to a stored setting (after a reload). */
  restoreQuizState(state: WidgetState): boolean {
    const s = asLogicUnitState(state);
    if (!s) return false;
    const inputs = [...this.querySelectorAll<HTMLInputElement>('input[data-param]')];
    const before = inputs.map((i) => i.value);
    for (const input of inputs)
      input.value = String(s[input.dataset['param'] as keyof LogicUnitState]);
    // A value outside the slider's range or steps cannot be shown: leave the sliders as they were.
    if (inputs.some((i) => Number(i.value) !== s[i.dataset['param'] as keyof LogicUnitState])) {
      inputs.forEach((i, k) => (i.value = before[k]!));
      return false;
    }
    this.#state = { ...s };
    this.#render();
    this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
    return true;
  }

  #render(): void {
    const s = this.#state;
    const out = truthTable(s);
    for (const key of ['w1', 'w2', 'b'] as const) {
      const o = this.querySelector(`output[data-value="${key}"]`);
      if (o) o.textContent = fmt(s[key]);
    }
    LOGIC_INPUTS.forEach(([x1, x2], i) => {
      const row = this.querySelector(`tr[data-row="${i}"]`);
      const sum = row?.querySelector('[data-sum]');
      const y = row?.querySelector('[data-out]');
      if (sum) sum.textContent = fmt(s.w1 * x1 + s.w2 * x2 + s.b);
      if (y) y.textContent = String(out[i]);
    });
    const summary = this.querySelector('[data-summary]');
    if (summary) summary.textContent = `Outputs for (0,0), (0,1), (1,0), (1,1): ${out.join(', ')}.`;
  }
}

if (!customElements.get('nb-logic-unit')) customElements.define('nb-logic-unit', LogicUnit);
