// <nb-neuron-explorer>: wiring only. Sliders → store → plane view; geometry in lib/ml/neuron.ts.
import { createStore } from '../shared/store.ts';
import { createLiveSummary } from '../shared/text-alt.ts';
import { neuronGrid, score, type Neuron2 } from '../../../lib/ml/neuron.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import { EXPLORER_BOUNDS, explorerPoints, parseExplorerProps } from './data.ts';
import { describeScore } from './describe.ts';
import { createPlane, drawPlane, fmt } from './plane.ts';

const KEYS = ['w1', 'w2', 'b'] as const;

class NeuronExplorer extends HTMLElement {
  #cleanup: Array<() => void> = [];

  connectedCallback(): void {
    const props = parseExplorerProps(this.dataset);
    const points = explorerPoints(props);
    const store = createStore<Neuron2>({ ...props.start });
    const plotHost = this.querySelector<HTMLElement>('[data-plot]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    const formula = this.querySelector<HTMLElement>('[data-formula]');
    if (!plotHost || !status || !formula) return;
    // The status element is role=status (polite); the live summary throttles rewrites.
    const live = createLiveSummary(status, 400);
    this.#cleanup.push(() => live.dispose());
    const view = createPlane(
      plotHost,
      EXPLORER_BOUNDS,
      'Labelled points, the neuron’s decision line and its output as shading',
    );

    const render = (n: Neuron2): void => {
      const s = score(n, points);
      drawPlane(view, EXPLORER_BOUNDS, {
        points,
        neuron: n,
        wrong: new Set(s.wrong),
        grid: neuronGrid(n, props.activation, EXPLORER_BOUNDS, 32),
      });
      formula.textContent = `z = ${fmt(n.w1, 1)}·x₁ + ${fmt(n.w2, 1)}·x₂ + ${fmt(n.b, 1)}`;
      for (const k of KEYS) {
        const out = this.querySelector<HTMLOutputElement>(`[data-out="${k}"]`);
        if (out) out.value = n[k].toFixed(1);
      }
      for (const td of this.querySelectorAll<HTMLElement>('[data-says]')) {
        const p = points[Number(td.dataset['says'])];
        if (p) td.textContent = String(n.w1 * p.x + n.w2 * p.y + n.b >= 0 ? 1 : 0);
      }
      live.update(describeScore(s));
      this.dataset['correct'] = String(s.correct);
    };
    this.#cleanup.push(store.subscribe((n) => render(n), { immediate: true }));
    live.flush();

    const onInput = (e: Event): void => {
      const input = e.target as HTMLInputElement;
      const key = input.dataset['param'];
      if (key !== 'w1' && key !== 'w2' && key !== 'b') return;
      const v = Number(input.value);
      if (!Number.isFinite(v)) return;
      store.set({ [key]: v });
      this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
    };
    this.addEventListener('input', onInput);
    this.#cleanup.push(() => this.removeEventListener('input', onInput));

    const reset = this.querySelector<HTMLButtonElement>('[data-reset]');
    const onReset = (): void => {
      store.set({ ...props.start });
      for (const k of KEYS) {
        const input = this.querySelector<HTMLInputElement>(`input[data-param="${k}"]`);
        if (input) input.value = String(props.start[k]);
      }
      this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
    };
    reset?.addEventListener('click', onReset);
    this.#cleanup.push(() => reset?.removeEventListener('click', onReset));
    this.#restore = (state) => {
      if (typeof state !== 'object' || state === null || Array.isArray(state)) return false;
      const next: { -readonly [K in keyof Neuron2]?: number } = {};
      for (const k of KEYS) {
        const v = state[k];
        const input = this.querySelector<HTMLInputElement>(`input[data-param="${k}"]`);
        if (typeof v !== 'number' || !Number.isFinite(v) || !input) return false;
        next[k] = v;
      }
      for (const k of KEYS) {
        const input = this.querySelector<HTMLInputElement>(`input[data-param="${k}"]`)!;
        input.value = String(next[k]);
      }
      store.set(next);
      this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
      return true;
    };
    this.#state = () => {
      const n = store.get();
      const s = score(n, points);
      return { w1: n.w1, w2: n.w2, b: n.b, correct: s.correct, total: s.total };
    };
  }

  #state: () => WidgetState = () => null;
  #restore: (state: WidgetState) => boolean = () => false;

  /** Quiz contract, rule 5: moves the sliders back to a graded setting after a reload. */
  restoreQuizState(state: WidgetState): boolean {
    return this.#restore(state);
  }

  /** Quiz contract: the sliders' values and how many points are on their own side. */
  quizState(): WidgetState {
    return this.#state();
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
  }
}

if (!customElements.get('nb-neuron-explorer'))
  customElements.define('nb-neuron-explorer', NeuronExplorer);
