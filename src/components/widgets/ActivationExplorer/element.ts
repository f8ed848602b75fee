// <nb-activation-explorer>: wiring only. Picker and slider → store → view and readouts.
import { createStore } from '../shared/store.ts';
import { createLiveSummary, renderTable } from '../shared/text-alt.ts';
import { activations, isActivationName } from '../../../lib/ml/activations.ts';
import { WIDGET_CHANGE_EVENT, type WidgetState } from '../../../lib/quiz/widget-contract.ts';
import {
  describeReading,
  fmt3,
  parseExplorerProps,
  plotModel,
  readout,
  tableRows,
  type ExplorerState,
} from './model.ts';
import { createActivationView, drawActivation } from './view.ts';

class ActivationExplorer extends HTMLElement {
  #cleanup: Array<() => void> = [];
  #get: () => ExplorerState | null = () => null;

  connectedCallback(): void {
    const { state, range } = parseExplorerProps(this.dataset);
    const store = createStore<ExplorerState>(state);
    this.#get = () => store.get();
    const host = this.querySelector<HTMLElement>('[data-plot]');
    const picker = this.querySelector<HTMLSelectElement>('select[data-activation]');
    const slider = this.querySelector<HTMLInputElement>('input[data-x]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    const table = this.querySelector<HTMLTableElement>('table[data-table]');
    if (!host || !picker || !slider || !status) return;
    const view = createActivationView(host, range);
    const live = createLiveSummary(status, 400);
    this.#cleanup.push(() => live.dispose());

    const render = (s: ExplorerState, prev: ExplorerState): void => {
      const { value, slope } = readout(s);
      const m = plotModel(s.activation, range);
      drawActivation(view, range, {
        ...m,
        x: s.x,
        value,
        slope,
        label: activations[s.activation].label,
      });
      this.querySelector('[data-out="x"]')!.textContent = fmt3(s.x);
      this.querySelector('[data-out="value"]')!.textContent = fmt3(value);
      this.querySelector('[data-out="slope"]')!.textContent = fmt3(slope);
      live.update(describeReading(s));
      if (table && (s.activation !== prev.activation || !table.tBodies[0]?.rows.length))
        renderTable(table, ['x', 'f(x)', 'f′(x)'], tableRows(s.activation, range));
      if (picker.value !== s.activation) picker.value = s.activation;
      if (Number(slider.value) !== s.x) slider.value = String(s.x);
    };
    this.#cleanup.push(store.subscribe(render, { immediate: true }));
    live.flush();

    const changed = (): void => {
      this.dispatchEvent(new CustomEvent(WIDGET_CHANGE_EVENT, { bubbles: true }));
    };
    const onPick = (): void => {
      if (isActivationName(picker.value)) store.set({ activation: picker.value });
      changed();
    };
    const onSlide = (): void => {
      const x = Number(slider.value);
      if (Number.isFinite(x)) store.set({ x });
      changed();
    };
    picker.addEventListener('change', onPick);
    slider.addEventListener('input', onSlide);
    this.#cleanup.push(() => picker.removeEventListener('change', onPick));
    this.#cleanup.push(() => slider.removeEventListener('input', onSlide));

    // Pointer: press or drag on the plot to move x (the slider stays the keyboard control).
    let dragging = false;
    const moveTo = (clientX: number): void => {
      const step = Number(slider.step) || 0.1;
      const raw = Math.min(Math.max(view.xAt(clientX), range.lo), range.hi);
      const x = Number((Math.round(raw / step) * step).toFixed(6));
      store.set({ x });
      changed();
    };
    const down = (e: PointerEvent): void => {
      dragging = true;
      view.svg.setPointerCapture(e.pointerId);
      moveTo(e.clientX);
    };
    const move = (e: PointerEvent): void => {
      if (dragging) moveTo(e.clientX);
    };
    const up = (): void => {
      dragging = false;
    };
    view.svg.addEventListener('pointerdown', down);
    view.svg.addEventListener('pointermove', move);
    view.svg.addEventListener('pointerup', up);
    this.#cleanup.push(() => {
      view.svg.removeEventListener('pointerdown', down);
      view.svg.removeEventListener('pointermove', move);
      view.svg.removeEventListener('pointerup', up);
    });
  }

  /** Quiz contract: the chosen activation, x, and the value and slope read there. */
  quizState(): WidgetState {
    const s = this.#get();
    if (!s) return null;
    const { value, slope } = readout(s);
    return { activation: s.activation, x: s.x, value, slope };
  }

  disconnectedCallback(): void {
    for (const f of this.#cleanup.splice(0)) f();
  }
}

if (!customElements.get('nb-activation-explorer'))
  customElements.define('nb-activation-explorer', ActivationExplorer);
